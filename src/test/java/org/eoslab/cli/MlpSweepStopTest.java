package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eoslab.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ReLU network sweep stopped as Ctrl-C would (SIGTERM to its process) keeps every finished cell in mlp-sweep.csv,
 * says how to finish it, and --resume then completes it with the rows an uninterrupted sweep writes.
 */
@Slow
class MlpSweepStopTest {
    @TempDir Path tmp;

    @Test
    void aStoppedSweepKeepsItsCellsAndSaysHowToResume() throws Exception {
        String[] sweep = {"--eta-from", "1", "--eta-to", "3", "--eta-count", "8", "--threads", "1"};
        Path dir = tmp.resolve("stopped");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.eoslab.cli.Main"));
        command.addAll(List.of(MlpSweepCommandTest.args(sweep)));
        command.addAll(List.of("--out", dir.toString()));
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline && rows(dir) < 2) Thread.sleep(50);
        assertTrue(p.isAlive(), "the sweep was still running after two cells");
        p.destroy();                                                           // SIGTERM, as Ctrl-C's SIGINT
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "it stopped");
        String said = Files.readString(err, StandardCharsets.UTF_8);
        int kept = rows(dir);
        assertTrue(kept >= 2 && kept < 8, "finished cells kept: " + kept);
        assertTrue(said.contains("cells are in " + dir.resolve("mlp-sweep.csv") + "; finish with: eos-lab sweep --model mlp --resume " + dir), said);

        RunCommandTest.Result resumed = RunCommandTest.run("sweep", "--model", "mlp", "--resume", dir.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains(kept + " of them kept from before"), resumed.out());
        Path whole = tmp.resolve("whole");
        List<String> all = new ArrayList<>(List.of(MlpSweepCommandTest.args(sweep)));
        all.addAll(List.of("--out", whole.toString()));
        assertEquals(0, RunCommandTest.run(all.toArray(String[]::new)).code());
        assertEquals(Files.readAllLines(whole.resolve("mlp-sweep.csv")), Files.readAllLines(dir.resolve("mlp-sweep.csv")));
    }

    private static int rows(Path dir) throws java.io.IOException {
        Path csv = dir.resolve("mlp-sweep.csv");
        if (!Files.exists(csv)) return 0;
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        return (int) text.chars().filter(c -> c == '\n').count() - 1;
    }
}
