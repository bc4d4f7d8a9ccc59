package org.eoslab.run.cells;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Cells on this machine: a pool of daemon threads, results handed on in the order cells finish. */
public final class LocalCells implements CellRunner {
    private static final long POLL_MILLIS = 50;
    private final int threads;
    private final String name;
    private volatile boolean cancelled;
    private volatile ExecutorService pool;

    /** @param name the worker threads' name */
    public LocalCells(int threads, String name) {
        this.threads = Math.max(1, threads);
        this.name = name;
    }

    @Override
    public <C extends Serializable, R extends Serializable> void run(List<C> cells, CellFunction<C, R> f, Sink<R> sink)
            throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        pool = workers;
        try {
            CompletionService<Done<R>> done = new ExecutorCompletionService<>(workers);
            int submitted = 0;
            for (int i = 0; i < cells.size() && !cancelled; i++, submitted++) {
                int index = i;
                try {
                    done.submit(() -> cancelled ? new Done<>(index, null) : new Done<>(index, f.apply(cells.get(index))));
                } catch (java.util.concurrent.RejectedExecutionException stopped) {    // cancelled meanwhile
                    break;
                }
            }
            for (int k = 0; k < submitted && !cancelled; k++) {
                Done<R> d = take(done);
                if (d == null) break;                                                  // cancelled
                if (d.result() != null && !cancelled) sink.accept(d.index(), d.result());
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** The next finished cell, or null once cancelled; a failed cell fails the whole, unless cancelled meanwhile. */
    private <R> Done<R> take(CompletionService<Done<R>> done) throws InterruptedException {
        Future<Done<R>> next;
        // polled, not taken: a cancel drops the queued cells, and if no cell is running then none would ever finish
        while ((next = done.poll(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) == null) {
            if (cancelled) return null;
        }
        try {
            return next.get();
        } catch (ExecutionException e) {
            if (cancelled) return new Done<>(-1, null);                     // interrupted by the cancel
            throw new IllegalStateException("a cell failed: " + e.getCause(), e.getCause());
        }
    }

    private record Done<R>(int index, R result) {}

    @Override
    public void cancel() {
        cancelled = true;
        ExecutorService p = pool;
        if (p != null) p.shutdownNow();
    }

    @Override
    public boolean isCancelled() { return cancelled; }

    @Override
    public String describe() { return threads + (threads == 1 ? " thread" : " threads"); }
}
