package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweeps on Spark ({@code --spark local[2]}, embedded) against the same sweeps on local threads: the same rows
 * bit for bit on the Java path (the surefire JVM runs with -Deoslab.blas=java), and a task killed mid-sweep is
 * rescheduled and the sweep completes with the same rows.
 */
class SparkSweepTest {
    /** The sweep: 200 samples, 60 steps, η = 1, 2, 3. */
    static final String[] MLP = {"sweep", "--model", "mlp", "--samples", "200", "--steps", "60", "--eta-from", "1",
            "--eta-to", "3", "--eta-count", "3"};

    /** A dense sweep from a Gaussian init (no reduced recursion there): periods 1 and 2 and a loss of period. */
    static final String[] DENSE = {"sweep", "--init", "gaussian", "--width", "12", "--depth", "3", "--rank", "2",
            "--eta-from", "0.2", "--eta-to", "0.34", "--eta-count", "8", "--transient", "2000", "--keep", "64"};

    @TempDir Path tmp;

    record Result(int code, String out, String err) {}

    static Result run(String[] base, String... more) {
        List<String> args = new ArrayList<>(List.of(base));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The same sweep on two local threads into tmp/local and on Spark local[2] into tmp/spark; both must succeed. */
    Result[] localAndSpark(String[] sweep) {
        Result l = run(sweep, "--threads", "2", "--out", tmp.resolve("local").toString());
        assertEquals(0, l.code(), l.err());
        Result s = run(sweep, "--spark", "local[2]", "--out", tmp.resolve("spark").toString());
        assertEquals(0, s.code(), s.err());
        return new Result[] {l, s};
    }

    @AfterEach
    void noListener() {
        System.clearProperty("spark.extraListeners");
    }

    @Test
    void anMlpSweepOnSparkWritesTheLocalRowsBitForBit() throws Exception {
        Result s = localAndSpark(MLP)[1];
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        assertTrue(s.out().contains("on Spark local[2,4]"), s.out());
        byte[] rows = Files.readAllBytes(local.resolve("mlp-sweep.csv"));
        assertEquals(4, Files.readAllLines(local.resolve("mlp-sweep.csv")).size(), "a header and three cells");
        assertArrayEquals(rows, Files.readAllBytes(spark.resolve("mlp-sweep.csv")));
    }

    /** Kills the first attempt of the second cell's task 300 ms after it starts, once; records every task's end. */
    public static final class KillOnce extends SparkListener {
        static final List<String> ENDS = new CopyOnWriteArrayList<>();
        static volatile boolean killed;

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            if (start.taskInfo().index() != 1 || start.taskInfo().attemptNumber() != 0 || killed) return;
            killed = true;
            long id = start.taskInfo().taskId();
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                SparkContext.getOrCreate().killTaskAttempt(id, true, "killed by the test mid-sweep");
            });
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            ENDS.add(end.taskInfo().index() + "/" + end.taskInfo().attemptNumber() + ":" + end.reason().getClass().getSimpleName());
        }
    }

    @Test
    void aTaskKilledMidSweepIsRunAgainAndTheSweepCompletes() throws Exception {
        Path local = tmp.resolve("local");
        assertEquals(0, run(MLP, "--threads", "2", "--out", local.toString()).code());
        KillOnce.ENDS.clear();
        KillOnce.killed = false;
        System.setProperty("spark.extraListeners", KillOnce.class.getName());
        Path spark = tmp.resolve("killed");
        Result s = run(MLP, "--spark", "local[2]", "--out", spark.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(KillOnce.ENDS.contains("1/0:TaskKilled"), "the first attempt was killed: " + KillOnce.ENDS);
        assertTrue(KillOnce.ENDS.contains("1/1:Success$"), "and run again: " + KillOnce.ENDS);
        assertArrayEquals(Files.readAllBytes(local.resolve("mlp-sweep.csv")), Files.readAllBytes(spark.resolve("mlp-sweep.csv")));
    }

    @Test
    void aDenseGaussianInitSweepFindsTheSamePeriodsOnSpark() throws Exception {
        Result l = localAndSpark(DENSE)[0];
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        assertTrue(l.out().contains("with the dense engine"), l.out());
        List<String> periods = Files.readAllLines(local.resolve("periods.csv"));
        assertEquals(periods, Files.readAllLines(spark.resolve("periods.csv")));
        assertEquals(Set.of("1", "2", "0"), periods.stream().skip(1).map(line -> line.split(",")[2]).collect(Collectors.toSet()),
                "the range holds fixed points, 2-cycles and the loss of a period");
        assertArrayEquals(Files.readAllBytes(local.resolve("bifurcation.csv")), Files.readAllBytes(spark.resolve("bifurcation.csv")));
    }

    @Test
    void aDensePeriodMapIsTheSameOnSpark() throws Exception {
        String[] map = {"sweep", "--init", "gaussian", "--width", "12", "--depth", "3", "--rank", "2", "--map", "--y", "alpha",
                "--y-from", "0.5", "--y-to", "1", "--y-count", "2", "--eta-from", "0.2", "--eta-to", "0.34", "--eta-count", "4",
                "--transient", "1000", "--keep", "64"};
        Result s = localAndSpark(map)[1];
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        assertTrue(s.out().startsWith("mapped 8 cells"), s.out());
        assertArrayEquals(Files.readAllBytes(local.resolve("map.csv")), Files.readAllBytes(spark.resolve("map.csv")));
    }
}
