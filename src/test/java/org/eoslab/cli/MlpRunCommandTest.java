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
import java.util.List;
import org.eoslab.cli.RunCommandTest.Result;
import org.eoslab.config.LossKind;
import org.eoslab.config.MlpParameters;
import org.eoslab.engine.mlp.IdxFixtures;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.run.MlpTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code run --model mlp}: files written, equal to an in-process run, and every bad input refused. */
class MlpRunCommandTest {
    @TempDir Path tmp;

    private Path idxPair(int announced, int actual) throws IOException {
        Path images = IdxFixtures.write(tmp.resolve("tiny-images-idx3-ubyte.gz"), IdxFixtures.images(2051, announced, 3, 4, actual), true);
        IdxFixtures.write(tmp.resolve("tiny-labels-idx1-ubyte.gz"), IdxFixtures.labels(2049, announced, announced), true);
        return images;
    }

    @Test
    void aUserIdxFileGivesTheSameTrajectoryAsAnInProcessRun() throws IOException {
        Path images = idxPair(40, 40);
        Path out = tmp.resolve("run");
        Result r = run("run", "--model", "mlp", "--data", images.toString(), "--samples", "30", "--hidden", "6",
                "--depth", "3", "--eta", "0.3", "--steps", "25", "--sharpness-every", "3", "--metrics-every", "5",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("completed 25 steps"), r.out());
        List<String> lines = Files.readAllLines(out.resolve("trajectory.csv"));
        assertEquals(String.join(",", new MlpColumns(3).names()), lines.get(0));
        assertEquals(26, lines.size() - 1, "steps 0..25");
        MlpParameters p = new MlpParameters(images.toString(), 30, 3, 6, MlpParameters.defaults().alpha(), false, 0.3, LossKind.MEAN, 1L, 25, 3, 5);
        MlpTrainer trainer = new MlpTrainer(p);
        for (int t = 0; t <= 25; t++) {
            if (t > 0) trainer.advance();
            String[] cells = lines.get(t + 1).split(",", -1);
            assertEquals(trainer.snapshot().loss(), Double.parseDouble(cells[1]), 0.0, "loss at step " + t);
            assertEquals(t % 3 == 0, !cells[2].isEmpty(), "sharpness sampled every 3 steps, step " + t);
            boolean spectra = t % 5 == 0 || t % 5 == 1;
            assertEquals(spectra, !cells[new MlpColumns(3).top(2, 1)].isEmpty(), "layer spectra on t, t+1, step " + t);
        }
        JsonNode report = json(out.resolve("run.json"));
        assertEquals("mlp", report.get("model").asText());
        assertEquals(25, report.get("stepsCompleted").asLong());
        assertEquals(30, report.get("parameters").get("samples").asInt());
        assertTrue(report.get("data").asText().contains("tiny-images-idx3-ubyte.gz"), report.get("data").asText());
        assertEquals(2 / 0.3, report.get("twoOverEta").asDouble(), 1e-12);
    }

    /** Issue 26: the paper's central flow beside the ReLU network, a row per step from the same initial weights. */
    @Test
    void theCentralFlowRunsBesideTheReluNetwork() throws IOException {
        Path out = tmp.resolve("flow");
        Result r = run("run", "--model", "mlp", "--data", idxPair(40, 40).toString(), "--samples", "30", "--hidden", "6",
                "--depth", "3", "--eta", "0.3", "--steps", "6", "--central-flow", "paper", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("central-flow.csv"), r.out());
        List<String> flow = Files.readAllLines(out.resolve("central-flow.csv"));
        assertEquals("step,cf_loss,cf_sharpness,eta,cf_sigma2,cf_mean_loss", flow.get(0), "no product, so no σ_i columns");
        assertEquals(7, flow.size() - 1, "steps 0..6");
        String gd0 = Files.readAllLines(out.resolve("trajectory.csv")).get(1).split(",")[1];
        assertEquals(Double.parseDouble(gd0), Double.parseDouble(flow.get(1).split(",")[1]), 0.0, "the same initial weights");
    }

    @Test
    void aDivergingRunKeepsItsRowsAndSaysWhere() throws IOException {
        Path out = tmp.resolve("div");
        Result r = run("run", "--model", "mlp", "--data", idxPair(20, 20).toString(), "--samples", "20", "--hidden", "8",
                "--eta", "1e200", "--steps", "200", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("diverged at step 1 (data kept up to step 0)"), r.out());
        assertEquals(1, json(out.resolve("run.json")).get("divergedAtStep").asLong());
        assertEquals(1, Files.readAllLines(out.resolve("trajectory.csv")).size() - 1, "the row of step 0");
    }

    /** Too large a step without biases usually switches every ReLU off: output 0, gradient 0, for good. */
    @Test
    void aDeadNetworkStopsTheRunAndSaysWhy() throws IOException {
        Path out = tmp.resolve("dead");
        Result r = run("run", "--model", "mlp", "--data", idxPair(20, 20).toString(), "--samples", "20", "--hidden", "8",
                "--eta", "50", "--steps", "200", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("network died at step "), r.out());
        JsonNode report = json(out.resolve("run.json"));
        long at = report.get("diedAtStep").asLong();
        assertTrue(at > 0 && at < 200, "died at " + at);
        List<String> lines = Files.readAllLines(out.resolve("trajectory.csv"));
        assertEquals(at + 1, lines.size() - 1, "rows for steps 0..t");
        // at a dead network F = 0, so the mean loss is ‖Y‖²/(n·classes) = 1/classes exactly
        assertEquals(0.1, Double.parseDouble(lines.get(lines.size() - 1).split(",")[1]), 1e-15);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--samples 0 | --samples: 0 is outside the allowed range [1, 60000]",
            "--samples 21000 | --samples: 21000 is outside the allowed range [1, 20000]",
            "--hidden 0 | --hidden: 0 is outside the allowed range [1, 2000]",
            "--depth 1 | --depth: 1 is outside the allowed range [2, 10]",
            "--eta NaN | --eta: 'NaN' is not a number",
            "--loss huber | --loss",
            "--width 5 | unknown option --width",
            "--model cnn | --model: 'cnn' is not one of dln, mlp",
            "--data /nonexistent-images-idx3-ubyte | does not exist",
            "--data TRUNCATED --samples 40 | is truncated: it ends after 7 of the 40 images"})
    void badInputExitsTwoWithAMessageAndWritesNothing(String options, String message) throws IOException {
        String truncated = idxPair(40, 7).toString();
        Path out = tmp.resolve("bad");
        String[] given = options.replace("TRUNCATED", truncated).split(" ");
        String[] args = new String[given.length + 5];
        args[0] = "run";
        args[1] = "--model";
        args[2] = given[0].equals("--model") ? given[1] : "mlp";
        int k = 3;
        for (int i = given[0].equals("--model") ? 2 : 0; i < given.length; i++) args[k++] = given[i];
        args[k++] = "--out";
        args[k++] = out.toString();
        Result r = run(java.util.Arrays.copyOf(args, k));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(out.resolve("trajectory.csv")));
    }

    @Test
    void helpListsTheNetworksOptions() {
        Result r = run("run", "--model", "mlp", "--help");
        assertEquals(0, r.code());
        for (String option : List.of("--data", "--samples", "--hidden", "--metrics-every")) assertTrue(r.out().contains(option), option);
        assertTrue(run("run", "--help").out().contains("--model mlp --help"));
    }
}
