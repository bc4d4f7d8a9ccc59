package org.eoslab.cli;

import static org.eoslab.cli.RunCommandTest.json;
import static org.eoslab.cli.RunCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eoslab.cli.RunCommandTest.Result;
import org.eoslab.run.cells.CellRunners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sweep --model mlp}: each cell's row holds what {@code run --model mlp} reports for that η in run.json, the
 * CSV grows as cells finish, --resume finishes a sweep without running its finished cells again, bad input is refused.
 */
class MlpSweepCommandTest {
    static final String[] SMALL = {"--samples", "200", "--hidden", "24", "--steps", "40", "--sharpness-every", "4"};

    @TempDir Path tmp;

    static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", "--model", "mlp"));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void eachRowHoldsWhatTheSameRunReports() throws IOException {
        Path dir = tmp.resolve("sweep");
        Result r = run(args("--eta-from", "1", "--eta-to", "3", "--eta-count", "3", "--seeds", "1,2", "--threads", "2",
                "--out", dir.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("swept 6 cells (3 η × 2 seeds × 1 depth) on 2 threads"), r.out());
        List<String> lines = Files.readAllLines(dir.resolve("mlp-sweep.csv"));
        assertEquals(7, lines.size(), "a header and six rows");
        assertTrue(Files.size(dir.resolve("mlp-sweep.png")) > 10_000);
        String[] row = lines.get(5).split(",", -1);                        // sorted: seed 2, η = 2
        assertEquals("2.0", row[0]);
        assertEquals("2", row[1]);
        Path single = tmp.resolve("single");
        Result one = run("run", "--model", "mlp", SMALL[0], SMALL[1], SMALL[2], SMALL[3], SMALL[4], SMALL[5], SMALL[6], SMALL[7],
                "--eta", "2", "--seed", "2", "--out", single.toString());
        assertEquals(0, one.code(), one.err());
        JsonNode report = json(single.resolve("run.json"));
        assertEquals(report.get("stepsCompleted").asLong(), Long.parseLong(row[3]));
        assertEquals(report.get("edgeStep").asLong(), Long.parseLong(row[4]));
        assertTrue(report.get("edgeStep").asLong() > 0, "this η reaches the edge inside the run");
        assertEquals(report.get("medianSharpnessOverTwoOverEtaSecondHalf").asDouble(), Double.parseDouble(row[5]), 0.0);
        assertEquals(report.get("lossRiseFractionAfterEdge").asDouble(), Double.parseDouble(row[6]), 0.0);
        assertEquals(report.get("topToBottomMotion").asDouble(), Double.parseDouble(row[7]), 0.0);
        assertEquals(report.get("topGrowth").asDouble(), Double.parseDouble(row[8]), 0.0);
        assertEquals(report.get("finalLoss").asDouble(), Double.parseDouble(row[9]), 0.0);
        assertEquals(report.get("finalAccuracy").asDouble(), Double.parseDouble(row[10]), 0.0);
    }

    /**
     * An interrupted sweep: one row lost, one cut short as a stop would leave it, and one kept row marked. --resume
     * runs only the missing cells (the marked row survives, so it was not run again) and ends with every row.
     */
    @Test
    void resumeRunsOnlyTheMissingCells() throws IOException {
        Path full = tmp.resolve("full");
        assertEquals(0, run(args("--eta-from", "1", "--eta-to", "3", "--eta-count", "3", "--out", full.toString())).code());
        List<String> complete = Files.readAllLines(full.resolve("mlp-sweep.csv"));
        Path dir = tmp.resolve("stopped");
        Files.createDirectories(dir);
        Files.copy(full.resolve("mlp-sweep.json"), dir.resolve("mlp-sweep.json"));
        String marked = complete.get(1).replaceFirst(",-1,-1$", ",-1,-7");         // died at "−7": no run writes that
        String cut = complete.get(3).substring(0, complete.get(3).length() / 2);
        Files.writeString(dir.resolve("mlp-sweep.csv"), complete.get(0) + "\n" + marked + "\n" + cut);

        Result r = run("sweep", "--model", "mlp", "--resume", dir.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 of them kept from before"), r.out());
        List<String> resumed = Files.readAllLines(dir.resolve("mlp-sweep.csv"));
        assertEquals(List.of(complete.get(0), marked, complete.get(2), complete.get(3)), resumed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--eta 2 --eta-from 1 --eta-to 2 --eta-count 2  | unknown option --eta",
            "--eta-from 1 --eta-to 2                        | --eta-count is required",
            "--eta-from 1 --eta-to 2 --eta-count 2 --depths 4,x | --depths: '4,x' must be whole numbers",
            "--eta-from 1 --eta-to 2 --eta-count 2 --seeds 1,1  | --seeds: 1,1 repeats a value",
            "--eta-from 1 --eta-to 2 --eta-count 2 --depths 1,4 | --depths: --depth",
            "--eta-from 1 --eta-to 2 --eta-count 2 --spark local[2] --threads 2 --out target/never | give --spark or --threads",
            "--eta-from 1 --eta-to 2 --eta-count 2          | --out DIR is required",
    })
    void badInputIsRefusedWithTheOptionNamed(String options, String message) {
        List<String> a = new ArrayList<>(List.of("sweep", "--model", "mlp"));
        a.addAll(List.of(options.trim().split(" +")));
        Result r = run(a.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void aResumeKeepsItsOptionsAndNeedsASweepsFolder() throws IOException {
        Result empty = run("sweep", "--model", "mlp", "--resume", tmp.toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("mlp-sweep.json is missing"), empty.err());
        Result changed = run("sweep", "--model", "mlp", "--resume", tmp.toString(), "--samples", "300");
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("--samples: a resumed sweep keeps the options it was started with"), changed.err());
        Files.writeString(tmp.resolve("mlp-sweep.json"), "{\"base\": 3}");
        Result bad = run("sweep", "--model", "mlp", "--resume", tmp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("is not a sweep's spec"), bad.err());
        Result again = run(args("--eta-from", "1", "--eta-to", "2", "--eta-count", "2", "--out", tmp.toString()));
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a sweep; finish it with --resume"), again.err());
    }

    @Test
    void theDesktopBuildSaysWhereSparkIs() {
        assertFalse(CellRunners.sparkAvailable(), "Spark stays out of the desktop build");
        Result r = run(args("--eta-from", "1", "--eta-to", "2", "--eta-count", "2", "--spark", "local[2]",
                "--out", tmp.resolve("s").toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--spark: " + CellRunners.NOT_IN_THIS_BUILD), r.err());
    }
}
