package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output is all or nothing: refused commands leave no folder, pairs change together, leftovers are swept. */
class OutputSafetyTest {
    @TempDir Path tmp;

    @Test
    void aRefusedRunLeavesNoFolderBehind() {
        Path out = tmp.resolve("new/sub");
        RunCommandTest.Result r = RunCommandTest.run("run", "--model", "mlp", "--samples", "0", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertFalse(Files.exists(tmp.resolve("new")), "no empty folder");
        r = RunCommandTest.run("run", "--width", "1000", "--depth", "50", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("needs about") && r.err().contains("MiB, more than this Java heap allows"), r.err());
        assertFalse(Files.exists(tmp.resolve("new")), "no empty folder");
    }

    @Test
    void whenTheReportCannotBeWrittenTheOldPairStaysTogether() throws Exception {
        Path out = tmp.resolve("pair");
        assertEquals(0, RunCommandTest.run("run", "--width", "6", "--steps", "5", "--out", out.toString()).code());
        String before = Files.readString(out.resolve("trajectory.csv"));
        Files.delete(out.resolve("run.json"));
        Files.writeString(Files.createDirectory(out.resolve("run.json")).resolve("keep"), "x");  // cannot be replaced
        RunCommandTest.Result r = RunCommandTest.run("run", "--width", "6", "--steps", "9", "--out", out.toString());
        assertTrue(r.code() != 0, r.err());
        assertEquals(before, Files.readString(out.resolve("trajectory.csv")), "the trajectory was not replaced alone");
        try (var files = Files.list(out)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(), "no temporary files");
        }
    }

    @Test
    void staleTemporaryFilesOfAKilledRunAreRemovedAndFilesFollowTheUmask() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("old"));
        Path stale = Files.writeString(out.resolve(".trajectory.csv.123456789.tmp"), "half a run");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Path fresh = Files.writeString(out.resolve(".run.json.987654321.tmp"), "another run, still going");
        assertEquals(0, RunCommandTest.run("run", "--width", "6", "--steps", "3", "--out", out.toString()).code());
        assertFalse(Files.exists(stale), "an hour-old leftover is removed");
        assertTrue(Files.exists(fresh), "a file another run is writing now is left alone");
        // a leftover that names its process: removed at once when that process is gone (issue 25), kept while it runs
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.writeString(out.resolve(".loss.png." + gone.pid() + "-42.tmp"), "a killed render's picture");
        Path running = Files.writeString(out.resolve(".loss.png." + ProcessHandle.current().pid() + "-43.tmp"), "ours, being written");
        assertEquals(0, RunCommandTest.run("run", "--width", "6", "--steps", "3", "--out", out.toString()).code());
        assertFalse(Files.exists(killed), "the leftover of a process that is gone is removed at once");
        assertTrue(Files.exists(running), "a file of a running process is left alone");
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            Path plain = Files.createFile(out.resolve("plain"));                 // what any tool would create here
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out.resolve("trajectory.csv")));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out.resolve("run.json")));
        }
    }

    /** Issue 25, kind 5: an output folder deleted mid-run is not made again, empty; the message says what happened. */
    @org.eoslab.Slow
    @Test
    void anOutputFolderRemovedMidRunIsNotMadeAgain() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("vanishing"));
        java.util.concurrent.CompletableFuture<RunCommandTest.Result> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> RunCommandTest.run("run", "--width", "40", "--steps", "60000", "--sharpness-every", "0", "--out", out.toString()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && !run.isDone()) {            // the trajectory is being written
            try (var files = Files.list(out)) {
                if (files.findAny().isPresent()) break;
            }
            Thread.sleep(20);
        }
        try (var files = Files.walk(out)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        RunCommandTest.Result r = run.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("was removed while EOS Lab was writing into it"), r.err());
        assertFalse(Files.exists(out), "not made again, empty");
    }

    @Test
    void benchRefusesAFolderAsItsJsonFileBeforeMeasuring() {
        RunCommandTest.Result r = RunCommandTest.run("bench", "--out", tmp.toString(), "--no-numpy");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is a folder; bench writes one JSON file"), r.err());
        assertTrue(r.out().isEmpty(), "nothing measured first: " + r.out());
    }

    @Test
    void anOutputFolderThatCannotExistSaysWhy() {
        RunCommandTest.Result r = RunCommandTest.run("run", "--steps", "2", "--out", "/proc/eoslab-x");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cannot write to folder /proc to create /proc/eoslab-x: "), r.err());
    }

    /** SIGTERM part way through a sweep: what finished is written, under names that say it is partial. */
    @Test
    void anInterruptedSweepWritesWhatItFinishedAsPartial() throws Exception {
        Path out = tmp.resolve("sweep");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "org.eoslab.cli.Main", "sweep",
                "--eta-from", "0.1", "--eta-to", "0.35", "--eta-count", "2000", "--transient", "200000", "--threads", "1",
                "--out", out.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        Thread.sleep(6000);
        p.destroy();                                                             // SIGTERM
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the sweep stopped");
        String log = Files.readString(tmp.resolve("log"));
        assertTrue(log.contains("interrupted: wrote the "), log);
        assertTrue(Files.exists(out.resolve("periods.partial.csv")) && Files.exists(out.resolve("bifurcation.partial.csv")), log);
        assertFalse(Files.exists(out.resolve("periods.csv")), "never taken for a complete sweep");
        long rows = Files.readAllLines(out.resolve("periods.partial.csv")).size() - 1;
        assertTrue(rows > 0 && rows < 2000 * 3, "some, not all, learning rates: " + rows + " rows");
    }
}
