package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/eos-lab-spark.jar as a cluster gets it: handed to Spark's own spark-submit entry point
 * ({@code org.apache.spark.deploy.SparkSubmit}, what the spark-submit script runs) with only Spark's jars beside it.
 * It holds no Spark and no JavaFX, and its sweep writes the rows of the same sweep run on local threads.
 */
class SparkSubmitIT {
    @TempDir Path tmp;

    @Test
    void theSparkJarRunsASweepThroughSparkSubmit() throws Exception {
        Path jar = Path.of("target/eos-lab-spark.jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.getEntry("org/eoslab/spark/SparkCells.class") != null);
            assertTrue(zip.getEntry("assets/fashion-mnist/LICENSE") != null || zip.stream().anyMatch(e -> e.getName().startsWith("assets/")),
                    "the shipped data subsets travel in the jar");
            assertFalse(zip.stream().anyMatch(e -> e.getName().startsWith("org/apache/spark/")), "Spark is the cluster's");
            assertFalse(zip.stream().anyMatch(e -> e.getName().startsWith("javafx/")), "no display libraries");
        }
        String sparkOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("eos-lab") && !e.endsWith("classes")).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        Path out = tmp.resolve("submitted");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("spark.jvm.options").trim().split("\\s+")));
        command.addAll(List.of("-Deoslab.blas=java", "-cp", sparkOnly, "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--class", "org.eoslab.cli.Main", jar.toString()));
        command.addAll(List.of(SparkSweepTest.MLP));
        command.addAll(List.of("--spark", "local[2]", "--out", out.toString()));
        Path log = tmp.resolve("log.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "spark-submit finished");
        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.contains("swept 3 cells (3 η × 1 seed × 1 depth) on Spark local[2,4]"), said);

        Path local = tmp.resolve("local");
        SparkSweepTest.Result l = SparkSweepTest.run(SparkSweepTest.MLP, "--threads", "2", "--out", local.toString());
        assertEquals(0, l.code(), l.err());
        assertEquals(Files.readAllLines(local.resolve("mlp-sweep.csv")), Files.readAllLines(out.resolve("mlp-sweep.csv")));
    }
}
