package org.eoslab.numerics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Shares the rows of a product between the calling thread and one shared helper thread (two cores, measured
 * on these machines). The rows are cut into a few chunks (boundaries at multiples of 4, fixed by the row count
 * alone, so the result never depends on which thread did which chunk: a native BLAS may round a chunk differently
 * from the whole product, so even a caller left alone runs the same chunks) and both threads take chunks until none
 * is left: when the window's threads hold the other core, the caller simply does more of them instead of
 * waiting for a helper that is not running (with two fixed halves the engine spent half its time spinning
 * in that wait on the live ReLU tab). The helper spins briefly between tasks, so back-to-back products hand over
 * in about a microsecond, then parks. If the helper is busy (another engine uses it), the caller does every
 * chunk itself: nothing ever waits for a lock. Tasks are reusable objects, so sharing allocates nothing.
 *
 * <p>Why one helper for the process and not one per engine: these machines have two cores. When the linear and
 * the ReLU engine both run, each engine thread already keeps one core busy; a helper per engine would put four
 * busy threads (two of them spinning) on two cores and slow both runs. With one helper, whichever engine claims
 * it first shares its products and the other runs on its own core, which is all the machine has. On a machine
 * with more cores a helper per engine would pay; {@link Runtime#availableProcessors()} is 2 here.
 */
public final class RowSplitter {
    /** A product over a row range, run with the scratch of the given thread slot (0 caller, 1 helper). */
    public interface RowTask {
        void run(int from, int to, int slot);
    }

    private static final long SPIN_NANOS = 50_000;
    /** Rows per chunk at least, and chunks per product at most. */
    static final int MIN_CHUNK_ROWS = 32;
    static final int MAX_CHUNKS = 8;
    private static final Helper HELPER = new Helper();

    private RowSplitter() {}

    /** Runs task over rows [0, rows), shared with the helper when it is free and there are two chunks or more. */
    public static void run(RowTask task, int rows) {
        run(task, rows, chunks(rows), true);
    }

    /**
     * The same with a chunk count of the caller's (fixed by the shape alone, as {@link #chunks} is); {@code share}
     * false runs the same chunks all here (what a caller left alone by a busy helper does; tests compare the two).
     */
    static void run(RowTask task, int rows, int chunks, boolean share) {
        if (chunks < 2) {
            task.run(0, rows, 0);
            return;
        }
        if (!share || !HELPER.claim()) {                // the same chunks, all here: the same bits as shared
            for (int i = 0; i < chunks; i++) task.run(boundary(rows, chunks, i), boundary(rows, chunks, i + 1), 0);
            return;
        }
        HELPER.start(task, rows, chunks);
        try {
            HELPER.work(task, 0);
        } finally {
            HELPER.finish();
        }
    }

    /** How many chunks {@code rows} rows are cut into. */
    static int chunks(int rows) {
        return chunks(rows, MIN_CHUNK_ROWS);
    }

    /** How many chunks of at least {@code least} rows (at most {@link #MAX_CHUNKS}). */
    static int chunks(int rows, int least) {
        return Math.min(MAX_CHUNKS, rows / least);
    }

    /** Start of chunk i of {@code chunks} over {@code rows} rows: a multiple of 4 (the kernels' row block). */
    static int boundary(int rows, int chunks, int i) {
        return i >= chunks ? rows : (int) ((long) rows * i / chunks) & ~3;
    }

    private static final class Helper extends Thread {
        private final AtomicBoolean owned = new AtomicBoolean();
        private final AtomicReference<RowTask> offered = new AtomicReference<>();
        private final AtomicInteger next = new AtomicInteger();
        private volatile int rows;
        private volatile int chunks;
        private volatile boolean done = true;
        private volatile boolean parked;
        private volatile Throwable failure;

        Helper() {
            super("eos-row-helper");
            setDaemon(true);
        }

        boolean claim() {
            if (!owned.compareAndSet(false, true)) return false;
            if (getState() == State.NEW) {
                synchronized (this) {
                    if (getState() == State.NEW) start();
                }
            }
            return true;
        }

        void start(RowTask t, int rowCount, int chunkCount) {
            rows = rowCount;
            chunks = chunkCount;
            next.set(0);
            failure = null;
            done = false;
            offered.set(t);
            if (parked) LockSupport.unpark(this);
        }

        /** Takes chunks until none is left. */
        void work(RowTask t, int slot) {
            int n = chunks;
            int r = rows;
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                t.run(boundary(r, n, i), boundary(r, n, i + 1), slot);
            }
        }

        /** Withdraws the task if the helper never took it, else waits for its last chunk. */
        void finish() {
            if (offered.getAndSet(null) == null) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (!done) {
                    if (System.nanoTime() < spinUntil) Thread.onSpinWait(); else Thread.yield();
                }
            }
            owned.set(false);
            Throwable f = failure;
            if (f != null) {
                if (f instanceof RuntimeException re) throw re;
                if (f instanceof Error e) throw e;
                throw new IllegalStateException(f);
            }
        }

        @Override
        public void run() {
            while (true) {
                RowTask t = awaitTask();
                try {
                    work(t, 1);
                } catch (Throwable e) {
                    failure = e;
                    next.set(Integer.MAX_VALUE / 2);       // no more chunks: the caller stops too
                } finally {
                    done = true;
                }
            }
        }

        private RowTask awaitTask() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (true) {
                RowTask t = offered.get();
                if (t != null && offered.compareAndSet(t, null)) return t;
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (offered.get() == null) LockSupport.park(this);
                    parked = false;
                    spinUntil = System.nanoTime() + SPIN_NANOS;
                }
            }
        }
    }
}
