package org.eoslab.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundled OpenBLAS that cannot load (here: JavaCPP told the platform is one no jar carries) is no crash: the run
 * completes on the next path (the system library where installed, else the Java kernels) and says why, in a child
 * JVM (the choice is made once per process).
 */
class NativeFallbackTest {
    @TempDir Path tmp;

    @Test
    void aBundledLibraryThatCannotLoadIsReportedAndTheRunGoesOn() throws Exception {
        Path out = tmp.resolve("run");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.bytedeco.javacpp.platform=linux-nowhere", "-Dorg.bytedeco.javacpp.cachedir=" + tmp.resolve("cache"),
                "-cp", System.getProperty("java.class.path"), "org.eoslab.cli.Main",
                "run", "--model", "mlp", "--samples", "100", "--steps", "2", "--out", out.toString()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        String report = Files.readString(out.resolve("run.json"));
        assertTrue(report.contains("the bundled OpenBLAS did not load: UnsatisfiedLinkError"), report);
        assertTrue(report.contains("\"computePath\" : \"Java kernels (") || report.contains("system "), report);
        assertTrue(!output.contains("Exception in thread"), output);
    }
}
