package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eoslab.run.cells.CellProgress;
import org.eoslab.run.cells.CellRunner;
import org.eoslab.run.cells.LocalCells;

/**
 * A ReLU network sweep computed in the background for the app: its cells on local threads, its rows and progress
 * readable from any thread as cells finish, cancellable (the finished rows stay).
 */
public final class MlpSweepJob {
    private final MlpSweep.Spec spec;
    private final CellRunner runner;
    private final CellProgress progress;
    private final List<MlpSweep.Row> rows = new ArrayList<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private MlpSweepJob(MlpSweep.Spec spec, CellRunner runner) {
        this.spec = spec;
        this.runner = runner;
        this.progress = new CellProgress(spec.cells().size(), 0);
    }

    /** Starts {@code spec}'s cells on {@code threads} workers, driven from a daemon thread. */
    public static MlpSweepJob start(MlpSweep.Spec spec, int threads) {
        MlpSweepJob job = new MlpSweepJob(spec, new LocalCells(threads, "eos-mlp-sweep"));
        Thread driver = new Thread(job::drive, "eos-mlp-sweep-driver");
        driver.setDaemon(true);
        driver.start();
        return job;
    }

    private void drive() {
        try {
            runner.run(spec.cells(), new MlpSweep.Task(spec), (i, row) -> {
                synchronized (rows) {
                    rows.add(row);
                }
                progress.add();
            });
            finished.complete(null);
        } catch (Throwable e) {                                // reported by the view, not thrown on its thread
            finished.completeExceptionally(e);
        }
    }

    public MlpSweep.Spec spec() { return spec; }

    /** The rows finished so far, in the order they finished. */
    public List<MlpSweep.Row> rows() {
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }

    public CellProgress progress() { return progress; }

    public String where() { return runner.describe(); }

    public boolean running() { return !finished.isDone(); }

    public boolean cancelled() { return runner.isCancelled(); }

    /** Completes when the sweep ends: all cells, cancelled, or failed (exceptionally, with the cell's error). */
    public CompletableFuture<Void> finished() { return finished; }

    public void cancel() { runner.cancel(); }
}
