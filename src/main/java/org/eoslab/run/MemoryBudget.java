package org.eoslab.run;

import java.util.Locale;
import org.eoslab.config.EngineKind;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.numerics.Sharpness;

/**
 * The memory a run will need, estimated from its parameters before anything is allocated, so that a run too
 * large for this Java heap is refused with the figures instead of failing with OutOfMemoryError part way.
 * Estimates count every n×n or n×samples buffer the engines allocate (generously: about 15 % over what was
 * measured), and the sharpness estimator's Lanczos basis when sharpness is on.
 */
public final class MemoryBudget {
    /** The share of the maximum heap a run may plan to use; the rest is for the history and the app. */
    static final double SHARE = 0.8;
    /** The field named when a run is too large. */
    public static final String FIELD = "memory";

    private MemoryBudget() {}

    /** Bytes for a linear-network run: weights, products, gradients, probes, and the Lanczos basis. */
    public static long bytes(Parameters p) {
        if (p.engine() == EngineKind.REDUCED) return 8L * p.rank() * p.depth() * 64;
        long d2 = (long) p.width() * p.width();
        long matrices = (4L * p.depth() + 16) * d2;
        long lanczos = p.sharpnessEvery() > 0 ? (Sharpness.MAX_ITERATIONS + 4L) * p.depth() * d2 : 0;
        return 8 * (matrices + lanczos);
    }

    /** Bytes for a ReLU-network run on data with {@code features} inputs per sample. */
    public static long bytes(MlpParameters p, int features) {
        long n = p.samples(), h = p.hidden(), c = 10, layers = p.depth();
        long parameters = features * h + (layers - 2) * h * h + h * c + (p.biases() ? layers * h : 0);
        long wide = Math.max(h, c) * n;
        long data = 3L * features * n;                                   // X, and X, Xᵀ packed (Java kernels)
        long network = 2 * (layers - 1) * h * n + c * n + 2 * wide + 2 * parameters;
        long hessian = 2 * ((layers - 1) * h * n + c * n) + 2 * wide + 2 * parameters;   // rH, G cached, rG
        long lanczos = p.sharpnessEvery() > 0 ? (Sharpness.MAX_ITERATIONS + 4L) * parameters : 0;
        long probes = 2 * h * h * layers;
        return 8 * (data + network + hessian + lanczos + probes);
    }

    static Parameters require(Parameters p) {
        check(bytes(p), "width " + p.width() + ", depth " + p.depth()
                + (p.sharpnessEvery() > 0 ? " with sharpness on" : ""), "a smaller width or depth, or sharpness off");
        return p;
    }

    static MlpParameters require(MlpParameters p, int features) {
        check(bytes(p, features), p.samples() + " samples, width " + p.hidden() + ", depth " + p.depth()
                + (p.sharpnessEvery() > 0 ? " with sharpness on" : ""), "fewer samples, a smaller width or depth, or sharpness off");
        return p;
    }

    /** A sweep: its kept values and one engine per thread. */
    public static void requireSweep(Parameters p, int count, int keep, int threads) {
        check(Sweep.bytes(p, count, keep, threads), count + " learning rates × " + keep + " kept steps × " + p.rank()
                + " modes on " + threads + " threads (width " + p.width() + ")", "fewer learning rates, fewer kept steps or fewer threads");
    }

    private static void check(long bytes, String what, String remedy) {
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes <= SHARE * heap) return;
        throw new InvalidParameterException(FIELD, String.format(Locale.ROOT,
                "%s needs about %,d MiB, more than this Java heap allows (%,d MiB); choose %s, or give Java more "
                        + "memory (java -Xmx…g -jar eos-lab.jar)", what, bytes >> 20, heap >> 20, remedy));
    }
}
