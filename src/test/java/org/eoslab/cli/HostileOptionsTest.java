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

    /**
     * Issue 25's limit: a run whose starting point is slow to measure (a full-rank 1000×1000 target takes minutes a
     * step) says before stepping what the run will cost and offers the rank cut. The threshold is lowered here so a
     * small rank-30 run shows the note.
     */
    @Test
    void aSlowStartSaysWhatTheRunWillCostAndOffersTheRankCut() {
        double before = org.eoslab.run.SlowStart.thresholdSeconds;
        org.eoslab.run.SlowStart.thresholdSeconds = 0;
        try {
            String svals = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> Double.toString(31 - i))
                    .collect(java.util.stream.Collectors.joining(","));
            RunCommandTest.Result r = RunCommandTest.run("run", "--width", "40", "--svals", svals, "--steps", "2",
                    "--sharpness-every", "0", "--out", tmp.resolve("r").toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("note: measuring the starting point took") && r.err().contains("2 steps take at least")
                    && r.err().contains("A rank-30 target measures 31 singular vectors") && r.err().contains("--rank 20"), r.err());
        } finally {
            org.eoslab.run.SlowStart.thresholdSeconds = before;
        }
        assertEquals("3.5 h", org.eoslab.run.SlowStart.duration(3.5 * 3600));
        assertEquals("2.1 days", org.eoslab.run.SlowStart.duration(2.1 * 86_400));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
