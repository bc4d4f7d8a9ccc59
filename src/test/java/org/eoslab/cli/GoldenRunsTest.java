package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden runs: {@code trajectory.csv} and {@code run.json} (without its timings) of a few fixed runs, bit for bit
 * as recorded before the run-core refactor. A refactor keeps them identical; a change of numbers re-records them
 * in a commit of its own that says why ({@code mvn test -Dtest=GoldenRunsTest -Dgolden.record=true}).
 */
class GoldenRunsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static String blasBefore;

    /** Recorded on the Java kernels: the native BLAS rounds differently (NativePathTest compares the two). */
    @org.junit.jupiter.api.BeforeAll
    static void javaKernels() {
        blasBefore = System.setProperty("eoslab.blas", "java");
    }

    @org.junit.jupiter.api.AfterAll
    static void restore() {
        if (blasBefore == null) System.clearProperty("eoslab.blas"); else System.setProperty("eoslab.blas", blasBefore);
    }

    record Case(String name, List<String> args) {
        @Override public String toString() { return name; }
    }

    static List<Case> cases() {
        return List.of(
                new Case("dense-identity", List.of("run", "--preset", "presets/default.json", "--steps", "300")),
                new Case("dense-orthogonal", List.of("run", "--width", "40", "--depth", "3", "--svals", "12.0997,7,5,3,1.5",
                        "--alpha", "0.01", "--init", "orthogonal", "--loss", "mean", "--seed", "2", "--top", "6",
                        "--eta", "140", "--steps", "120", "--sharpness-every", "7")),
                new Case("reduced", List.of("run", "--preset", "presets/fig07-oscillation-range.json", "--steps", "600")),
                new Case("mlp", List.of("run", "--model", "mlp", "--samples", "200", "--hidden", "32", "--depth", "3",
                        "--alpha", "0.41", "--eta", "2", "--steps", "40", "--sharpness-every", "7", "--metrics-every", "3")));
    }

    @TempDir Path tmp;

    @ParameterizedTest
    @MethodSource("cases")
    void trajectoryAndReportAreBitIdenticalToTheRecordedRun(Case c) throws IOException {
        Path out = tmp.resolve(c.name());
        String[] args = java.util.stream.Stream.concat(c.args().stream(), java.util.stream.Stream.of("--out", out.toString()))
                .toArray(String[]::new);
        RunCommandTest.Result r = RunCommandTest.run(args);
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(out.resolve("trajectory.csv"));
        String report = reportWithoutTimings(out.resolve("run.json"));
        Path csvGolden = GOLDEN.resolve(c.name() + ".trajectory.csv.gz");
        Path reportGolden = GOLDEN.resolve(c.name() + ".run.json");
        if (Boolean.getBoolean("golden.record")) {
            Files.createDirectories(GOLDEN);
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(csvGolden))) {
                o.write(csv.getBytes(StandardCharsets.UTF_8));
            }
            Files.writeString(reportGolden, report);
        }
        assertTrue(Files.exists(csvGolden), "no golden file " + csvGolden + " (record with -Dgolden.record=true)");
        assertLinesEqual(gunzip(csvGolden), csv, c.name() + " trajectory.csv");
        assertEquals(Files.readString(reportGolden), report, c.name() + " run.json");
    }

    /**
     * run.json with the wall-clock fields and the compute path (which library this machine has) removed: everything
     * else is a function of the inputs.
     */
    private static String reportWithoutTimings(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(file.toFile());
        node.remove(List.of("seconds", "stepsPerSecond", "computePath"));
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Equal text, reported at the first differing line (a whole trajectory in a message helps nobody). */
    private static void assertLinesEqual(String expected, String actual, String what) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], what + ", line " + (i + 1));
        }
        assertEquals(e.length, a.length, what + ": line count");
    }
}
