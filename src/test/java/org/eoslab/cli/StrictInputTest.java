package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values the CLI used to coerce are refused with exit 2, one line naming the option, and no output written. */
class StrictInputTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--eta|0x1p-2|--eta: '0x1p-2' is not a number",
            "--eta|0.3d|--eta: '0.3d' is not a number",
            "--eta|' 0.3'|--eta: ' 0.3' is not a number",
            "--eta|NaN|--eta: 'NaN' is not a number",
            "--steps|1.5|--steps: '1.5' is not an integer",
            "--width|' 20'|--width: ' 20' is not an integer",
            "--loss|'SUM '|--loss: 'SUM ' is not one of: sum, mean",
    })
    void coercibleValuesAreRefused(String option, String value, String message) {
        Path out = tmp.resolve("run");
        RunCommandTest.Result r = option.equals("--steps")
                ? RunCommandTest.run("run", option, value, "--out", out.toString())
                : RunCommandTest.run("run", option, value, "--steps", "3", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"run|--steps|3", "sweep|--eta-from|0.1", "render|--preset|presets/default.json"})
    void anEmptyOutputFolderIsRefused(String command, String option, String value) {
        String[] args = command.equals("sweep")
                ? new String[] {command, option, value, "--eta-to", "0.2", "--eta-count", "3", "--out", ""}
                : new String[] {command, option, value, "--out", ""};
        RunCommandTest.Result r = RunCommandTest.run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out: the path is empty"), r.err());
    }

    @ParameterizedTest(name = "--sizes {0}")
    @CsvSource({"2", "1001", "x"})
    void benchSizesOutsideTheirRangeAreRefused(String sizes) {
        RunCommandTest.Result r = RunCommandTest.run("bench", "--sizes", sizes, "--no-numpy");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--sizes: '" + sizes + "' must be integers in [3, 1000]"), r.err());
    }

    @org.junit.jupiter.api.Test
    void withoutADisplayTheAppSaysHowToRunInsteadOfAStackTrace() {
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> AppLauncher.requireDisplay(java.util.Map.of(), "Linux", null));
        assertTrue(e.getMessage().startsWith("no display to open a window on"), e.getMessage());
        AppLauncher.requireDisplay(java.util.Map.of("DISPLAY", ":77"), "Linux", null);
        AppLauncher.requireDisplay(java.util.Map.of(), "Linux", "Monocle");
        AppLauncher.requireDisplay(java.util.Map.of(), "Mac OS X", null);
    }

    /** What a desktop's file association passes (a bare *.eoslab path) and --session: an unreadable file is refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"a bare path|''", "--session|--session"})
    void aSessionThatIsNotAReadableFileIsRefusedBeforeAnyWindow(String label, String option) throws Exception {
        Path missing = tmp.resolve("lecture.eoslab");
        String[] args = option.isEmpty() ? new String[] {missing.toString()} : new String[] {option, missing.toString()};
        RunCommandTest.Result r = RunCommandTest.run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--session: " + missing + " is not a readable file"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        Path folder = Files.createDirectory(tmp.resolve("folder.eoslab"));
        assertTrue(RunCommandTest.run(folder.toString()).err().contains("is not a readable file"));
        assertTrue(RunCommandTest.run("two", "words.eoslab").err().contains("unknown command 'two'"), "only a lone path is a session");
    }

    @org.junit.jupiter.api.Test
    void theAppFindsTheSessionItWasGiven() {
        assertEquals(java.util.Optional.of(Path.of("x.eoslab")),
                org.eoslab.ui.EosLabApp.sessionFrom(java.util.List.of("--session", "x.eoslab")));
        assertEquals(java.util.Optional.empty(), org.eoslab.ui.EosLabApp.sessionFrom(java.util.List.of("--preset", "p.json")));
    }
}
