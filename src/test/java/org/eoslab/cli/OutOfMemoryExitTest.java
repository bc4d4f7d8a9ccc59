package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, kind 3: a render whose heap is too small ends (JavaFX's threads do not keep the JVM alive), with one line
 * that says so, exit 2, and no file left behind. A separate JVM, as a user would run it.
 */
class OutOfMemoryExitTest {
    @TempDir Path tmp;

    @org.eoslab.Slow
    @org.junit.jupiter.api.Test
    void aRenderOutOfMemoryExitsWithOneLine() throws Exception {
        Path out = tmp.resolve("pictures");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx96m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.eoslab.cli.Main", "render", "--preset",
                "presets/fig06-paper-eta-145.json", "--scale", "3", "--out", out.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        assertTrue(ended, "the JVM ended");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.startsWith("eos-lab render: out of memory") && err.lines().count() == 1, err);
        assertTrue(!Files.exists(out) || Files.list(out).findAny().isEmpty(), "nothing left in " + out);
    }

    /**
     * Issue 25, kind 5: a render stopped (SIGTERM) after its first picture was drawn leaves neither part of the set nor
     * a temporary file: the pictures are committed together, at the end.
     */
    @org.eoslab.Slow
    @org.junit.jupiter.api.Test
    void aStoppedRenderLeavesNoPartialSet() throws Exception {
        Path out = tmp.resolve("stopped");
        Files.createDirectories(out);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.eoslab.cli.Main", "render", "--preset", "presets/fig06-paper-eta-145.json", "--view", "all",
                "--out", out.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline) {          // the first picture is drawn, not yet placed
            try (var files = Files.list(out)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp") && sizeOf(f) > 0)) break;
            }
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the render was still drawing");
        p.destroy();                                                   // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "it stopped");
        try (var files = Files.list(out)) {
            List<Path> left = files.toList();
            assertTrue(left.isEmpty(), "left behind: " + left);
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
