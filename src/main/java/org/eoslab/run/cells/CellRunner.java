package org.eoslab.run.cells;

import java.io.Serializable;
import java.util.List;

/**
 * Where a sweep's cells run: this machine's cores ({@link LocalCells}) or a Spark cluster (the {@code spark} module,
 * found through {@link CellRunners#spark}). Results come back as cells finish, so a sweep stopped part way keeps
 * every finished cell.
 */
public interface CellRunner extends AutoCloseable {
    /** Receives each finished cell's result, on the thread that runs the sweep's bookkeeping (one at a time). */
    @FunctionalInterface
    interface Sink<R> {
        void accept(int index, R result);
    }

    /**
     * Computes {@code f} on every cell and hands each result to {@code sink} as it arrives (index into
     * {@code cells}); returns when all are done or the runner was cancelled. A failing cell fails the whole
     * with an {@link IllegalStateException} naming it, after the retries the runner allows.
     */
    <C extends Serializable, R extends Serializable> void run(List<C> cells, CellFunction<C, R> f, Sink<R> sink)
            throws InterruptedException;

    /** Stops: no new cell starts and running ones are interrupted; {@link #run} returns soon after. */
    void cancel();

    boolean isCancelled();

    /** Where the cells run, for progress lines and reports: "4 threads", "Spark local[2]". */
    String describe();

    @Override
    default void close() {}
}
