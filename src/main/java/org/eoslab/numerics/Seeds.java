package org.eoslab.numerics;

import java.util.Random;

/**
 * Independent random streams derived from one user seed, so that changing the init never changes the
 * target and vice versa (SplitMix64 finalizer as the mixing function).
 */
public final class Seeds {
    public static final int TARGET = 1;
    public static final int INIT = 2;
    public static final int LANCZOS = 3;

    private Seeds() {}

    public static Random stream(long seed, int purpose) {
        long z = seed + 0x9E3779B97F4A7C15L * purpose;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
