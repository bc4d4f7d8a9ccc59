package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Independent tasks on a pool of daemon threads (sweeps, period maps): their results in task order. */
final class Parallel {
    private Parallel() {}

    /**
     * Runs {@code tasks} on {@code threads} workers named {@code name} and returns their non-null results (a task
     * returns null when cancelled), in order; a failed task fails the whole with "{@code what} task failed".
     */
    static <T> List<T> run(String name, int threads, List<Callable<T>> tasks, String what) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) futures.add(pool.submit(task));
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    T result = f.get();
                    if (result != null) results.add(result);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(what + " task failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
