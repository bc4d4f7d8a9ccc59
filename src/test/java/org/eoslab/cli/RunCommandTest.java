package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Theory;
import org.eoslab.run.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {
    @TempDir Path tmp;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void writesTheTrajectoryWithFullPrecisionAndTheReport() throws IOException {
        Path out = tmp.resolve("run");
        Result r = run("run", "--width", "10", "--steps", "40", "--top", "4", "--sharpness-every", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("trajectory.csv"));
        assertTrue(lines.get(0).startsWith("step,loss,sharpness,sigma_1,sigma_2,sigma_3,sigma_4,eta,"), lines.get(0));
        assertEquals(41, lines.size() - 1, "steps 0..40");
        // step 0 is the initial weights: P = 0, so loss = ½‖M*‖² = ½Σσ*²
        String[] first = lines.get(1).split(",", -1);
        assertEquals("0", first[0]);
        assertEquals(0.5 * (4 + 2.25 + 1), Double.parseDouble(first[1]), 1e-12);
        assertTrue(first[2].length() > 0, "sharpness at step 0");
        assertTrue(lines.get(2).split(",", -1)[2].isEmpty(), "no sharpness at step 1 (K = 3)");
        // every number round-trips exactly: the file equals an in-process run bit for bit
        Trainer trainer = new Trainer(Parameters.defaults().withWidth(10).withSteps(40).withTop(4).withSharpnessEvery(3));
        for (int t = 1; t <= 40; t++) {
            String[] cells = lines.get(t + 1).split(",", -1);
            trainer.advance();
            assertEquals(trainer.snapshot().loss(), Double.parseDouble(cells[1]), 0.0);
            assertEquals(trainer.snapshot().get(trainer.columns().sigma(1)), Double.parseDouble(cells[3]), 0.0);
        }
        JsonNode report = json(out.resolve("run.json"));
        assertEquals(10, report.at("/parameters/width").asInt());
        assertEquals(40, report.at("/stepsCompleted").asInt());
        assertEquals(Theory.onsetLearningRate(2.0, 3, 1.0), report.at("/theory/onsetLearningRates/0").asDouble(), 1e-15);
        assertTrue(report.at("/outcome/status").isTextual());
    }

    @Test
    void commandLineOptionsOverrideThePreset() throws IOException {
        Path preset = tmp.resolve("p.json");
        Files.writeString(preset, """
                {"schema": 1, "title": "t", "description": "d",
                 "parameters": {"width": 7, "eta": 0.11, "steps": 5, "depth": 4}}""");
        Path out = tmp.resolve("o");
        Result r = run("run", "--preset", preset.toString(), "--eta", "0.12", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode p = json(out.resolve("run.json")).get("parameters");
        assertEquals(7, p.get("width").asInt());
        assertEquals(4, p.get("depth").asInt());
        assertEquals(0.12, p.get("eta").asDouble());
        assertEquals(6, Files.readAllLines(out.resolve("trajectory.csv")).size() - 1);
    }

    @Test
    void aDivergedRunExitsZeroAndKeepsTheDataUpToThere() throws IOException {
        Path out = tmp.resolve("div");
        Result r = run("run", "--width", "6", "--eta", "1.5", "--steps", "2000", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("diverged at step"), r.out());
        JsonNode report = json(out.resolve("run.json"));
        assertEquals("DIVERGED", report.at("/outcome/status").asText());
        long t = report.at("/outcome/divergedAtStep").asLong();
        assertTrue(t > 0);
        List<String> lines = Files.readAllLines(out.resolve("trajectory.csv"));
        assertEquals(t, lines.size() - 1, "rows for steps 0..t−1");
        assertEquals(Long.toString(t - 1), lines.get(lines.size() - 1).split(",")[0]);
    }

    @Test
    void aTargetFileSetsWidthAndSpectrum() throws IOException {
        Path target = tmp.resolve("m.csv");
        Files.writeString(target, "# a rank-2 target\n3,0,0\n0,1.5,0\n0,0,0\n");
        Path out = tmp.resolve("t");
        Result r = run("run", "--target", target.toString(), "--steps", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode p = json(out.resolve("run.json")).get("parameters");
        assertEquals(3, p.get("width").asInt());
        assertEquals(2, p.get("rank").asInt());
        assertEquals(3.0, p.at("/singularValues/0").asDouble(), 1e-14);
        assertEquals(1.5, p.at("/singularValues/1").asDouble(), 1e-14);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--bogus 1|unknown option --bogus",
            "--width 0|--width: 0 is outside the allowed range [1, 1000]",
            "--width x|--width: 'x' is not an integer",
            "--depth 1|--depth: 1 is outside the allowed range [2, 50]",
            "--width 2|--rank: 3 is outside the allowed range [1, 2]",
            "--alpha 0|--alpha: 0.0 must be positive and finite",
            "--alpha -1|--alpha: -1.0 must be positive and finite",
            "--alpha NaN|--alpha: 'NaN' is not a number",
            "--eta Infinity|--eta: 'Infinity' is not a number",
            "--eta 0|--eta: 0.0 must be positive and finite",
            "--svals 1,2|--svals: must be descending",
            "--svals 2,-1|--svals: value 2 is -1.0; each must be positive and finite",
            "--init round|--init: 'round' is not one of: identity, orthogonal, zero-orthogonal, gaussian",
            "--loss l1|--loss: 'l1' is not one of: sum, mean",
            "--engine reduced --init gaussian|--engine: 'reduced' is the Theorem-1 recursion",
            "--steps -1|--steps: -1 is outside the allowed range",
            "--top 30|--top: 30 is outside the allowed range [1, 20]",
            "--eta|--eta needs a value"})
    void badInputExitsTwoWithAMessageAndWritesNothing(String options, String message) throws IOException {
        Path out = tmp.resolve("bad");
        String[] args = Stream.concat(Stream.of("run", "--out", out.toString()), Stream.of(options.split(" ")))
                .toArray(String[]::new);
        Result r = run(args);
        assertEquals(2, r.code());
        assertTrue(r.err().contains(message), "stderr: " + r.err());
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "1,2;3|is not square",
            "1,2;3,x|line 2, column 2: not a number (1 characters of text)",
            "1,NaN;3,4|line 1, column 2: not a number",
            "1,0x1p-2;3,4|line 1, column 2: not a number",
            "root:$6$secret:19000,1;3,4|line 1, column 1: not a number (20 characters of text)",
            "0,0;0,0|is zero",
            "#empty|holds no numbers"})
    void badTargetFilesAreRejected(String content, String message) throws IOException {
        Path target = tmp.resolve("bad.csv");
        Files.writeString(target, content.replace(';', '\n'));   // ';' separates lines
        Path out = tmp.resolve("o");
        Result r = run("run", "--target", target.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--target") && r.err().contains(message), r.err());
        assertFalse(r.err().contains("secret"), "the file's content is never echoed: " + r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBinaryTargetFileIsNamedAsSuchAndARelativeOneResolvesNextToItsPreset() throws IOException {
        Path binary = Files.write(tmp.resolve("bin.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        Result r = run("run", "--target", binary.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not UTF-8 text"), r.err());
        Path folder = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(folder.resolve("m.csv"), "3,0\n0,1\n");
        Files.writeString(folder.resolve("p.json"), "{\"schema\": 1, \"title\": \"t\", \"parameters\": "
                + "{\"targetFile\": \"m.csv\", \"rank\": 2, \"singularValues\": [3, 1], \"width\": 2, \"top\": 2}}");
        Result ok = run("run", "--preset", folder.resolve("p.json").toString(), "--steps", "3", "--out", tmp.resolve("o2").toString());
        assertEquals(0, ok.code(), "m.csv is found next to the preset, not in the working directory: " + ok.err());
    }

    @Test
    void anUnwritableOutputFolderIsReported() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        Result r = run("run", "--steps", "2", "--out", file.resolve("sub").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out: cannot create folder " + file.resolve("sub") + ": " + file + " is a file"), r.err());
        Result missing = run("run", "--steps", "2");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--out DIR is required"), missing.err());
    }

    @Test
    void aMalformedPresetNamesTheFileAndField() throws IOException {
        Path preset = tmp.resolve("bad.json");
        Files.writeString(preset, "{\"schema\": 1, \"parameters\": {\"widht\": 5}}");
        Result r = run("run", "--preset", preset.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(preset.toString()) && r.err().contains("widht") && r.err().contains("unknown field"), r.err());
    }

    /**
     * Issue 26: --central-flow writes central-flow.csv beside trajectory.csv, a row per step from the same initial
     * weights (step 0's loss is GD's), the σ² column 0 until the flow's sharpness nears 2/η and never negative.
     */
    @Test
    void theCentralFlowIsWrittenBesideTheTrajectory() throws Exception {
        Path dir = tmp.resolve("cf");
        Result r = run("run", "--steps", "300", "--central-flow", "paper", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> flow = Files.readAllLines(dir.resolve("central-flow.csv"));
        List<String> gd = Files.readAllLines(dir.resolve("trajectory.csv"));
        assertEquals(gd.size(), flow.size(), "a row per step");
        assertTrue(flow.get(0).startsWith("step,cf_loss,cf_sharpness,eta,cf_sigma2,cf_mean_loss,cf_sigma_1"), flow.get(0));
        assertEquals(gd.get(1).split(",")[1], flow.get(1).split(",")[1], "step 0: the same weights, the same loss");
        double edge = 2 / 0.3;
        for (int row = 1; row < flow.size(); row++) {
            String[] f = flow.get(row).split(",");
            assertEquals(gd.get(row).split(",")[0], f[0], "the same step");
            double sharpness = Double.parseDouble(f[2]), variance = Double.parseDouble(f[4]);
            assertTrue(variance >= 0, "σ² ≥ 0 at " + f[0]);
            if (sharpness < 0.5 * edge) assertEquals(0, variance, "the gradient flow far below the edge, step " + f[0]);
            assertTrue(sharpness <= edge * 1.001, "the paper's flow holds S at 2/η: " + sharpness + " at " + f[0]);
        }
        assertTrue(Double.parseDouble(flow.get(flow.size() - 1).split(",")[4]) > 0, "on the edge by step 300");
    }
}
