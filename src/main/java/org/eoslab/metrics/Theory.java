package org.eoslab.metrics;

import org.eoslab.config.Parameters;

/**
 * Closed forms from math.md. c is the loss scale (1 for the paper's ½‖·‖², 2/d² for the mean), and every
 * Hessian quantity carries it.
 */
public final class Theory {
    private Theory() {}

    /**
     * λ_i = c·L·σ*_i^{2−2/L}: the Hessian eigenvalue of mode i at the balanced minimum (math.md "Where
     * oscillation starts"; the paper's Lemma 2 prints 2·σ^{2−2/L}, right only for L = 2).
     */
    public static double predictedSharpness(double s, int depth, double c) {
        return c * depth * Math.pow(s, 2.0 - 2.0 / depth);
    }

    /** η_i = 2/λ_i: mode i starts to oscillate above this learning rate. */
    public static double onsetLearningRate(double s, int depth, double c) {
        return 2.0 / predictedSharpness(s, depth, c);
    }

    /** η_i of mode i (1-based) of a parameter set's target spectrum, depth and loss. */
    public static double onsetLearningRate(Parameters p, int i) {
        return onsetLearningRate(p.singularValue(i), p.depth(), p.lossScale());
    }

    /** η_1..η_r of a parameter set. */
    public static double[] onsetLearningRates(Parameters p) {
        double[] onsets = new double[p.rank()];
        for (int i = 1; i <= onsets.length; i++) onsets[i - 1] = onsetLearningRate(p, i);
        return onsets;
    }

    /**
     * tr ∇²f at the balanced minimum reached from the identity init (paper eq. 15 evaluated there): every layer
     * holds s_i^{1/L} on mode i, the inner layers keep α on the other d − r directions, and W_L is zero on them, so
     * tr = c·[Σ_{ℓ<L} (Σᵢ sᵢ^{2(ℓ−1)/L} + (d−r)·α^{2(ℓ−1)})·Σᵢ sᵢ^{2(L−ℓ)/L} + d·(Σᵢ sᵢ^{2(L−1)/L} + (d−r)·α^{2(L−1)})].
     * The paper's closed form after Lemma 1 (appendix D) puts the α terms on the suffix side instead and gives the
     * suffix the exponent 2(L−ℓ−1)/L; this one is checked against eq. 15 and finite differences at an exact
     * balanced minimum (L = 2, 3, 4) and against eq. 15 on converged runs. The O(α²) imbalance the init leaves is ignored.
     */
    public static double hessianTraceAtMinimum(Parameters p) {
        int depth = p.depth();
        int rest = p.width() - p.rank();
        double total = 0;
        for (int l = 1; l <= depth; l++) {
            double prefix = rest * Math.pow(p.alpha(), 2.0 * (l - 1));
            double suffix = l == depth ? p.width() : 0;
            for (int i = 1; i <= p.rank(); i++) {
                prefix += Math.pow(p.singularValue(i), 2.0 * (l - 1) / depth);
                if (l < depth) suffix += Math.pow(p.singularValue(i), 2.0 * (depth - l) / depth);
            }
            total += prefix * suffix;
        }
        return p.lossScale() * total;
    }

    /** Number of modes with η_i &lt; η: the modes theory says oscillate at η. */
    public static int oscillatingModeCount(double eta, double[] singularValues, int depth, double c) {
        int n = 0;
        for (double s : singularValues) {
            if (eta > onsetLearningRate(s, depth, c)) n++;
        }
        return n;
    }

    /**
     * λ_ij = c·Σ_ℓ a_i^{2(L−ℓ)} a_j^{2(ℓ−1)} = c·(s_i² − s_j²)/(s_i^{2/L} − s_j^{2/L}) with a = s^{1/L}: the
     * Hessian eigenvalue (twice) of the off-diagonal pair (i, j) at the balanced minimum, where E = 0 and
     * the Hessian is JᵀJ with dP_ij = Σ_ℓ a_i^{L−ℓ} V_ℓ(i,j) a_j^{ℓ−1}. It lies strictly between λ_j and
     * λ_i (docs/findings.md; math.md only says "between").
     */
    public static double crossModeSharpness(double si, double sj, int depth, double c) {
        double ai2 = Math.pow(si, 2.0 / depth);
        double aj2 = Math.pow(sj, 2.0 / depth);
        double sum = 0;
        for (int l = 1; l <= depth; l++) sum += Math.pow(ai2, depth - l) * Math.pow(aj2, l - 1);
        return c * sum;
    }

    /**
     * η_ij = 2/λ_ij: past it the balanced minimum is unstable in the direction that mixes modes i and j,
     * so the dense engine can leave Theorem 1's invariant manifold (rounding errors grow) although the
     * reduced recursion, which lives on that manifold, cannot. η_i &lt; η_ij &lt; η_j for σ*_i &gt; σ*_j.
     */
    public static double crossModeOnset(double si, double sj, int depth, double c) {
        return 2.0 / crossModeSharpness(si, sj, depth, c);
    }

    /** Modes i &lt; j (1-based) lose Theorem 1's invariant manifold together past {@code eta} (docs/findings.md). */
    public record CrossModeOnset(int i, int j, double eta) {}

    /** The lowest cross-mode onset η_ij over the target's pairs of modes; empty for rank 1. */
    public static java.util.Optional<CrossModeOnset> lowestCrossModeOnset(Parameters p) {
        CrossModeOnset lowest = null;
        for (int i = 1; i <= p.rank(); i++) {
            for (int j = i + 1; j <= p.rank(); j++) {
                double eta = crossModeOnset(p.singularValue(i), p.singularValue(j), p.depth(), p.lossScale());
                if (lowest == null || eta < lowest.eta()) lowest = new CrossModeOnset(i, j, eta);
            }
        }
        return java.util.Optional.ofNullable(lowest);
    }

    /** σ*_i^{1/L}: every layer's i-th singular value at the balanced minimum. */
    public static double balancedLayerValue(double s, int depth) {
        return Math.pow(s, 1.0 / depth);
    }
}
