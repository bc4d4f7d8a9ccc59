package org.eoslab.numerics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits the rows of a product between the calling thread and one shared helper thread (two cores, measured
 * on these machines). The helper spins briefly between tasks, so back-to-back products hand over in about a
 * microsecond, then parks. If the helper is busy (another engine uses it), the caller simply does all rows:
 * nothing ever waits for a lock. Tasks are reusable objects, so splitting allocates nothing.
 *
 * <p>Why one helper for the process and not one per engine: these machines have two cores. When the linear and
 * the ReLU engine both run, each engine thread already keeps one core busy; a helper per engine would put four
 * busy threads (two of them spinning) on two cores and slow both runs. With one helper, whichever engine claims
 * it first splits its products and the other runs on its own core, which is all the machine has. On a machine
 * with more cores a helper per engine would pay; {@link Runtime#availableProcessors()} is 2 here.
 */
public final class RowSplitter {
    /** A product over a row range, run with the scratch of the given thread slot (0 caller, 1 helper). */
    public interface RowTask {
        void run(int from, int to, int slot);
    }

    private static final long SPIN_NANOS = 50_000;
    private static final Helper HELPER = new Helper();

    private RowSplitter() {}

    /** Runs task over rows [0, rows), split in two halves (multiples of 4) when the helper is free. */
    public static void run(RowTask task, int rows) {
        int split = (rows / 2) & ~3;
        if (split == 0 || !HELPER.claim()) {
            task.run(0, rows, 0);
            return;
        }
        HELPER.start(task, split, rows);
        try {
            task.run(0, split, 0);
        } finally {
            HELPER.finish();
        }
    }

    private static final class Helper extends Thread {
        private final AtomicBoolean owned = new AtomicBoolean();
        private volatile RowTask task;
        private volatile int from;
        private volatile int to;
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

        void start(RowTask t, int rowFrom, int rowTo) {
            from = rowFrom;
            to = rowTo;
            failure = null;
            done = false;
            task = t;
            if (parked) LockSupport.unpark(this);
        }

        void finish() {
            while (!done) Thread.onSpinWait();
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
                    t.run(from, to, 1);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done = true;
                }
            }
        }

        private RowTask awaitTask() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            RowTask t;
            while ((t = task) == null) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (task == null) LockSupport.park(this);
                    parked = false;
                    spinUntil = System.nanoTime() + SPIN_NANOS;
                }
            }
            task = null;
            return t;
        }
    }
}
