package org.eoslab.cli;

import java.util.Arrays;

/** Medians over repeated timed blocks after a warm-up, so one slow block (GC, JIT) does not skew a figure. */
final class Timing {
    private final double blockSeconds;
    private final int blocks;

    Timing(double blockSeconds, int blocks) {
        this.blockSeconds = blockSeconds;
        this.blocks = blocks;
    }

    /** Operations per second of {@code op}, median over the blocks. */
    double perSecond(Runnable op) {
        long warmEnd = System.nanoTime() + (long) (blockSeconds * 2e9);
        int n = 0;
        while (System.nanoTime() < warmEnd || n < 3) {
            op.run();
            n++;
        }
        long start = System.nanoTime();
        int reps = 0;
        while (System.nanoTime() - start < blockSeconds * 1e9 || reps == 0) {
            op.run();
            reps++;
        }
        double[] rates = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) op.run();
            rates[b] = reps / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        return rates[blocks / 2];
    }
}
