package org.eoslab.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eoslab.config.Parameters;

/**
 * The layout of one per-step row of measurements, shared by probes, history, charts and the CSV
 * writer. The first columns are exactly {@code step,loss,sharpness,sigma_1..sigma_k}.
 */
public final class Columns implements Layout {

    private final int top;
    private final int depth;
    private final int rank;
    private final int eta;
    private final int trace;
    private final int mode;
    private final int angleLeft;
    private final int angleRight;
    private final int mixing;
    private final int gap;
    private final int subspace;
    private final int layer;
    private final int basis;
    private final int layerMode;
    private final int svdBasis;
    private final int count;
    private final List<String> names;

    /** The layout of a run of these parameters (the one function of them every reader uses). */
    public static Columns of(Parameters p) {
        return new Columns(p.top(), p.depth(), p.rank());
    }

    public Columns(int top, int depth, int rank) {
        this.top = top;
        this.depth = depth;
        this.rank = rank;
        this.eta = 3 + top;
        this.trace = eta + 1;
        this.mode = trace + 1;
        this.angleLeft = mode + rank;
        this.angleRight = angleLeft + 1;
        this.mixing = angleRight + 1;
        this.gap = mixing + 1;
        this.subspace = gap + rank;
        this.layer = subspace + depth;
        this.basis = layer + depth * top;
        this.layerMode = basis + depth;
        this.svdBasis = layerMode + depth * rank;
        this.count = svdBasis + depth;
        this.names = Collections.unmodifiableList(buildNames());
    }

    private List<String> buildNames() {
        List<String> n = new ArrayList<>(List.of("step", "loss", "sharpness"));
        for (int i = 1; i <= top; i++) n.add("sigma_" + i);
        n.add("eta");
        n.add("hessian_trace");
        for (int i = 1; i <= rank; i++) n.add("mode_" + i);
        n.add("angle_left_deg");
        n.add("angle_right_deg");
        n.add("mode_mixing");
        for (int i = 1; i <= rank; i++) n.add("balance_gap_" + i);
        for (int l = 1; l <= depth; l++) n.add("subspace_distance_" + l);
        for (int l = 1; l <= depth; l++) {
            for (int j = 1; j <= top; j++) n.add("layer" + l + "_sigma_" + j);
        }
        for (int l = 1; l <= depth; l++) n.add("basis_distance_" + l);
        for (int l = 1; l <= depth; l++) {
            for (int i = 1; i <= rank; i++) n.add("layer" + l + "_mode_" + i);
        }
        for (int l = 1; l <= depth; l++) n.add("svd_basis_distance_" + l);
        return n;
    }

    /** σ_i of the product, i = 1..top. */
    public int sigma(int i) { return 2 + i; }

    /** η in force for this step (it can change mid-run). */
    @Override
    public int eta() { return eta; }

    /** tr ∇²f. */
    public int hessianTrace() { return trace; }

    /** u*_iᵀ P v*_i: mode i's own singular value when the vectors are invariant, i = 1..r. */
    public int mode(int i) { return mode + i - 1; }

    /** Largest principal angle between P's top-r left singular subspace and U*, in degrees. */
    public int angleLeft() { return angleLeft; }

    /** The same for the right singular subspace and V*. */
    public int angleRight() { return angleRight; }

    /**
     * ‖offdiag(B)‖_F / ‖B‖_F for B = U*ᵀPV* (r×r): 0 on Theorem 1's invariant manifold; grows when modes
     * mix inside the top-r subspace, which the principal angles cannot see.
     */
    public int modeMixing() { return mixing; }

    /** max over ℓ &lt; L of |σ_i(W_L)² − σ_i(W_ℓ)²|, i = 1..r (paper Fig. 4). */
    public int balanceGap(int i) { return gap + i - 1; }

    /** Paper eq. 8 for layer ℓ between the previous step and this one, ℓ = 1..L. */
    public int subspaceDistance(int l) { return subspace + l - 1; }

    /** σ_j of layer ℓ, ℓ = 1..L, j = 1..top. */
    public int layerSigma(int l, int j) { return layer + (l - 1) * top + j - 1; }

    /**
     * Layer ℓ's distance from the bases Theorem 1 / Conjecture 2 predict (paper Fig. 11, {@link PredictedBases}),
     * ℓ = 1..L.
     */
    public int basisDistance(int l) { return basis + l - 1; }

    /**
     * Mode i's own value in layer ℓ, a_ℓᵢᵀW_ℓb_ℓᵢ in the predicted bases (x_i for ℓ = L, y_i for the others in
     * math.md's recursion; paper Fig. 4's phase plane), ℓ = 1..L, i = 1..r. NaN where the bases are undefined.
     */
    public int layerMode(int l, int i) { return layerMode + (l - 1) * rank + i - 1; }

    /**
     * The paper's Fig. 11 measure of layer ℓ: sin of the largest principal angle between the top-r singular vectors
     * an SVD of W_ℓ returns and the predicted frames (left and right, the larger), ℓ = 1..L. Where W_ℓ's top r values
     * are all equal (α·P_ℓ at the start) the SVD's vectors are arbitrary and this reads high although
     * {@link #basisDistance} is 0. NaN for a zero layer, without predicted frames, or on the reduced engine.
     */
    public int svdBasisDistance(int l) { return svdBasis + l - 1; }

    @Override
    public int count() { return count; }

    /** Sessions written before the SVD-based basis distances (Fig. 11) were added end at them. */
    @Override
    public int olderCount() { return svdBasis; }

    public int top() { return top; }

    public int depth() { return depth; }

    public int rank() { return rank; }

    @Override
    public List<String> names() { return names; }
}
