package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, kinds 4 and 6: options a hostile or careless user passes are refused before any work, in one line that
 * names the option, with raw input echoed escaped (a terminal escape code never reaches the terminal).
 */
class HostileOptionsTest {
    @TempDir Path tmp;

    private static RunCommandTest.Result refused(String fragment, String... args) {
        RunCommandTest.Result r = RunCommandTest.run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().chars().anyMatch(c -> c == 0x1b), "no escape code reaches the terminal: " + r.err());
        return r;
    }

    @Test
    void escapeCodesAndNewlinesInInputAreEchoedEscaped() {
        refused("--init: ", "run", "--init", "\u001b[2J\nforged line", "--out", tmp.resolve("o").toString());
        refused("unknown command '\\u001b[2J'", "\u001b[2J");
    }

    @Test
    void aTrailingCommaInAListIsAnEmptyValue() {
        refused("--svals: an empty value where a number belongs", "run", "--svals", "2,1,", "--out", tmp.resolve("o").toString());
    }

    @Test
    void aDepthAxisRunsWholeDepthsOnly() {
        String[] base = {"sweep", "--map", "--y", "depth", "--eta-from", "0.5", "--eta-to", "1", "--eta-count", "2",
                "--out", tmp.resolve("m").toString()};
        refused("depth is a whole number of layers", concat(base, "--y-from", "1.5", "--y-to", "3", "--y-count", "2"));
        refused("would fall between whole depths", concat(base, "--y-from", "2", "--y-to", "5", "--y-count", "3"));
    }

    @Test
    void aBenchListHasALengthBound() {
        refused("at most 12 are measured", "bench", "--sizes", "20,20,20,20,20,20,20,20,20,20,20,20,20");
    }

    @Test
    void anAnimationNamesItsOwnOptions() {
        refused("--steps: ", "render", "--preset", "presets/default.json", "--animate", "--from-step", "50", "--steps", "40",
                "--out", tmp.resolve("a").toString());
    }

    @Test
    void anOutputFolderThatIsABrokenLinkIsRefusedBeforeTheWork() throws Exception {
        Path dangling = tmp.resolve("dangling");
        Files.createSymbolicLink(dangling, tmp.resolve("missing"));
        long start = System.nanoTime();
        refused("is a symbolic link that leads nowhere", "run", "--preset", "presets/fig06-paper-eta-145.json",
                "--out", dangling.toString());
        Path loop = tmp.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        refused("is a symbolic link that leads nowhere", "render", "--preset", "presets/default.json", "--out",
                loop.resolve("inner").toString());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused before any work");
        assertFalse(Files.exists(tmp.resolve("missing")), "nothing created");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
