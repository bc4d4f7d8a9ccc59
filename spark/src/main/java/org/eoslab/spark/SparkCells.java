package org.eoslab.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskKilledException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.eoslab.run.cells.CellFunction;
import org.eoslab.run.cells.CellRunner;
import org.eoslab.run.cells.CellRunners;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A sweep's cells as one Spark job: each cell its own task (a partition), its result handed to the sweep as soon as
 * the task finishes, so a sweep stopped or a worker lost part way keeps every finished cell. Spark reschedules a
 * killed task and retries a failed one; a cell is a pure function of its input, so a retry gives the same row.
 */
public final class SparkCells implements CellRunner {
    /** Found by {@link CellRunners#spark} through META-INF/services. */
    public static final class Provider implements CellRunners.Provider {
        @Override
        public CellRunner open(String master) { return new SparkCells(master); }
    }

    /** Above this many cells, partitions hold several (a period map can have millions). */
    static final int MAX_PARTITIONS = 10_000;
    /** Tries of a failing cell in local mode (Spark's local[n] alone would not retry at all). */
    static final int LOCAL_TRIES = 4;
    private static final Pattern LOCAL_WITHOUT_TRIES = Pattern.compile("local(\\[(\\d+|\\*)])?");
    private static final String GROUP = "eos-lab-sweep";

    private final JavaSparkContext spark;
    private final String master;
    private volatile boolean cancelled;

    SparkCells(String master) {
        this.master = LOCAL_WITHOUT_TRIES.matcher(master).matches()
                ? (master.equals("local") ? "local[1" : master.substring(0, master.length() - 1)) + "," + LOCAL_TRIES + "]"
                : master;
        SparkConf conf = new SparkConf().setAppName("EOS Lab sweep").setMaster(this.master);
        if (this.master.startsWith("local")) conf.setIfMissing("spark.ui.enabled", "false");   // no web UI for one machine
        this.spark = new JavaSparkContext(conf);
    }

    /** The running context (for tests that watch or kill tasks). */
    public SparkContext context() { return spark.sc(); }

    @Override
    public <C extends Serializable, R extends Serializable> void run(List<C> cells, CellFunction<C, R> f, Sink<R> sink)
            throws InterruptedException {
        if (cells.isEmpty()) return;
        List<Indexed<C>> indexed = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) indexed.add(new Indexed<>(i, cells.get(i)));
        JavaRDD<Indexed<C>> rdd = spark.parallelize(indexed, Math.min(cells.size(), MAX_PARTITIONS));
        spark.setJobGroup(GROUP, "EOS Lab sweep of " + cells.size() + " cells", true);        // cancel interrupts
        try {
            spark.sc().runJob(rdd.rdd(), new Partition<>(f), new Handler<>(sink),
                    ClassTag$.MODULE$.<ArrayList<Indexed<R>>>apply(ArrayList.class));
        } catch (RuntimeException e) {
            if (cancelled) return;
            throw new IllegalStateException("a cell failed on Spark (after " + retries() + "): " + rootMessage(e), e);
        }
    }

    private String retries() {
        return master.startsWith("local") ? LOCAL_TRIES + " tries" : "spark.task.maxFailures tries";
    }

    private static String rootMessage(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m.lines().findFirst().orElse(m);
    }

    /** A cell and its place in the sweep's list. */
    record Indexed<T>(int index, T value) implements Serializable {}

    /** One task: its partition's cells, in turn; a kill (the thread interrupted) ends it as killed. */
    private static final class Partition<C extends Serializable, R extends Serializable>
            extends AbstractFunction2<TaskContext, scala.collection.Iterator<Indexed<C>>, ArrayList<Indexed<R>>>
            implements Serializable {
        private final CellFunction<C, R> f;

        Partition(CellFunction<C, R> f) { this.f = f; }

        @Override
        public ArrayList<Indexed<R>> apply(TaskContext context, scala.collection.Iterator<Indexed<C>> cells) {
            ArrayList<Indexed<R>> out = new ArrayList<>();
            while (cells.hasNext()) {
                Indexed<C> cell = cells.next();
                R result;
                try {
                    result = f.apply(cell.value());
                } catch (Exception e) {
                    throw new IllegalStateException("cell " + cell.index() + " (" + cell.value() + "): " + e, e);
                }
                if (result == null || context.isInterrupted()) throw new TaskKilledException("interrupted");
                out.add(new Indexed<>(cell.index(), result));
            }
            return out;
        }
    }

    /** On the driver, as each task succeeds: its cells' results to the sweep. */
    private static final class Handler<R> extends AbstractFunction2<Object, ArrayList<Indexed<R>>, BoxedUnit>
            implements Serializable {
        private final transient Sink<R> sink;

        Handler(Sink<R> sink) { this.sink = sink; }

        @Override
        public BoxedUnit apply(Object partition, ArrayList<Indexed<R>> results) {
            for (Indexed<R> r : results) sink.accept(r.index(), r.value());
            return BoxedUnit.UNIT;
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        spark.cancelJobGroup(GROUP);
    }

    @Override
    public boolean isCancelled() { return cancelled; }

    @Override
    public String describe() { return "Spark " + master; }

    @Override
    public void close() { spark.stop(); }
}
