package org.eoslab.engine.mlp;

import java.util.Random;
import org.eoslab.numerics.Kernels;
import org.eoslab.numerics.RectOps;

/**
 * The paper's ReLU network (section 4.2, eq. 7): F = W_L ρ(W_{L−1} ⋯ ρ(W_1 X)), optionally with biases,
 * Z_ℓ = W_ℓ H_{ℓ−1} + b_ℓ 1ᵀ (the paper's footnote 4: left out of the exposition only), trained by full-batch
 * GD on f = (c/2)‖F − Y‖_F² with one-hot Y (c = 2/(n·classes) for the mean-squared loss, 1 for the sum).
 * Forward caches Z_ℓ and H_ℓ = ρ(Z_ℓ); backward is the usual
 * <pre>
 *   G_L = c(F − Y),   ∇_{W_ℓ} f = G_ℓ H_{ℓ−1}ᵀ,   ∇_{b_ℓ} f = G_ℓ 1,   G_{ℓ−1} = (W_ℓᵀ G_ℓ) ⊙ 1[Z_{ℓ−1} &gt; 0]
 * </pre>
 * (H_0 = X) and a step updates W_ℓ in place after G_{ℓ−1} is formed from the old W_ℓ. Layer ℓ is rows[ℓ] ×
 * cols[ℓ] (index ℓ−1): hidden × features, hidden × hidden, …, classes × hidden. Biases start at 0, so the
 * weights' random draws are the same with and without them. Parameters are ordered W_1 … W_L, then b_1 … b_L.
 * Buffers are allocated once.
 */
public final class Mlp {
    private final Dataset data;
    private final double[] y;
    private final double[][] xRows;   // X (features × n) and Xᵀ (n × features) packed for the Java kernels
    private final double[][] xTRows;  // once (X never changes); null on the native BLAS, which reads X itself
    private final int n;
    private final int depth;
    private final int[] rows;
    private final int[] cols;
    private final double c;
    private final double[][] w;
    private final double[][] b;       // b[ℓ−1] = b_ℓ (rows[ℓ]), null without biases
    private final double[][] z;       // z[ℓ−1] = Z_ℓ for ℓ < L, hidden × n
    private final double[][] h;       // h[ℓ−1] = H_ℓ = ρ(Z_ℓ)
    private final double[] out;       // F, then the residual F − Y after forward
    private final double[] g;         // G_ℓ, ping-pong with gNext
    private final double[] gNext;
    private final RectOps ops;
    private boolean forwardCurrent;
    private long forwards;            // forward passes so far: which one a Hessian's cache belongs to

    /**
     * @param scale init scale α: entries of W_ℓ are N(0, α²·2/fan_in) (He's scaling times α)
     * @param lossScale c: 2/(n·classes) for the mean-squared loss, 1 for the sum
     * @param biases whether each layer has a bias b_ℓ (initialised to 0)
     */
    public Mlp(Dataset data, int depth, int hidden, double scale, long seed, double lossScale, boolean biases,
               boolean parallel) {
        if (depth < 2) throw new IllegalArgumentException("depth must be at least 2");
        this.data = data;
        this.y = data.oneHot();
        this.n = data.samples();
        this.ops = RectOps.fastest(parallel);
        this.xRows = ops.isNative() ? null : new double[data.features()][n];
        this.xTRows = ops.isNative() ? null : new double[n][data.features()];
        if (xRows != null) {
            Kernels.packRows(data.x(), data.features(), n, xRows);
            Kernels.packTransposedRows(data.x(), data.features(), n, xTRows);
        }
        this.depth = depth;
        this.c = lossScale;
        this.rows = new int[depth];
        this.cols = new int[depth];
        for (int l = 0; l < depth; l++) {
            rows[l] = l == depth - 1 ? data.classes() : hidden;
            cols[l] = l == 0 ? data.features() : hidden;
        }
        Random rng = new Random(seed);
        this.w = new double[depth][];
        for (int l = 0; l < depth; l++) {
            w[l] = new double[rows[l] * cols[l]];
            double std = scale * Math.sqrt(2.0 / cols[l]);
            for (int i = 0; i < w[l].length; i++) w[l][i] = std * rng.nextGaussian();
        }
        this.b = biases ? new double[depth][] : null;
        if (biases) for (int l = 0; l < depth; l++) b[l] = new double[rows[l]];
        this.z = new double[depth - 1][hidden * n];
        this.h = new double[depth - 1][hidden * n];
        this.out = new double[data.classes() * n];
        int widest = Math.max(hidden, data.classes());
        this.g = new double[widest * n];
        this.gNext = new double[widest * n];
    }

    /** The loss at the current weights; caches activations and the residual. */
    public double forward() {
        for (int l = 0; l < depth; l++) {
            double[] target = l == depth - 1 ? out : z[l];
            timesLayerInput(l + 1, w[l], target, 1.0, false);                    // Z_ℓ = W_ℓ H_{ℓ−1}
            if (b != null) addToRows(b[l], target, n);                           //      + b_ℓ 1ᵀ
            if (l < depth - 1) {
                double[] act = h[l];
                relu(target, act);
            }
        }
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] -= y[i];
            sum += out[i] * out[i];
        }
        forwardCurrent = true;
        forwards++;
        return 0.5 * c * sum;
    }

    /** One GD step with learning rate η from the cache of the last {@link #forward()}. */
    public void step(double eta) {
        backward(-eta, null);
        forwardCurrent = false;
    }

    /** ∇f into blocks shaped like {@link #state()}: ∇_{W_ℓ} f (flat rows×cols), then ∇_{b_ℓ} f; nothing moves. */
    public void gradient(double[][] gradient) {
        backward(1.0, gradient);
    }

    private void backward(double scale, double[][] target) {
        if (!forwardCurrent) throw new IllegalStateException("forward() must run before step() or gradient()");
        double[] cur = g;
        double[] next = gNext;
        outputSignal(cur);
        for (int l = depth - 1; l >= 0; l--) {
            if (l > 0) signalBelow(l + 1, cur, next);                             // with the old W_ℓ
            if (target == null) {
                timesInputTransposed(l + 1, cur, w[l], scale, true);             // W_ℓ += −η G_ℓ H_{ℓ−1}ᵀ
                if (b != null) rowSums(cur, n, scale, b[l], true);               // b_ℓ += −η G_ℓ 1
            } else {
                timesInputTransposed(l + 1, cur, target[l], scale, false);
                if (b != null) rowSums(cur, n, scale, target[depth + l], false);
            }
            double[] t = cur;
            cur = next;
            next = t;
        }
    }

    /** G_L = c(F − Y) into {@code signal}: the output's backward signal at the last forward pass. */
    void outputSignal(double[] signal) {
        for (int i = 0; i < out.length; i++) signal[i] = c * out[i];
    }

    /** G_{ℓ−1} = (W_ℓᵀ G_ℓ) ⊙ ρ'(Z_{ℓ−1}) into {@code below}, for 2 ≤ ℓ ≤ L: the backward signal one layer down. */
    void signalBelow(int l, double[] signal, double[] below) {
        ops.multTransA(w[l - 1], rows[l - 1], cols[l - 1], signal, n, below, 1.0, false);
        zeroWhereInactive(z[l - 2], below, cols[l - 1] * n);
    }

    /**
     * out ← s·G·H_{ℓ−1}ᵀ (or += it) for a layer-ℓ signal G (rows(ℓ) × n), H_0 = X: the weight-gradient
     * form. Layer 1 reads the cached Xᵀ.
     */
    void timesInputTransposed(int l, double[] signal, double[] out, double s, boolean accumulate) {
        if (l == 1 && xTRows == null) ops.multTransB(signal, rows[0], n, data.x(), cols[0], out, s, accumulate);
        else if (l == 1) ops.multPacked(signal, rows[0], n, xTRows, cols[0], out, s, accumulate);
        else ops.multTransB(signal, rows[l - 1], n, h[l - 2], cols[l - 1], out, s, accumulate);
    }

    /** out ← s·M·H_{ℓ−1} (or += it) for M shaped like W_ℓ, H_0 = X: the forward form. */
    void timesLayerInput(int l, double[] m, double[] out, double s, boolean accumulate) {
        if (l == 1 && xRows == null) ops.mult(m, rows[0], cols[0], data.x(), n, out, s, accumulate);
        else if (l == 1) ops.multPacked(m, rows[0], cols[0], xRows, n, out, s, accumulate);
        else ops.mult(m, rows[l - 1], cols[l - 1], h[l - 2], n, out, s, accumulate);
    }

    /**
     * act = max(z, 0) entry by entry. {@code Math.max} runs without a branch; the branch of {@code z > 0 ? z : 0}
     * is taken at random (half the units are off) and mispredicts half the time.
     * The two agree bit for bit on every number (−0 gives +0 in both); only NaN, a diverged run, differs.
     */
    static void relu(double[] z, double[] act) {
        for (int i = 0; i < z.length; i++) act[i] = Math.max(z[i], 0.0);
    }

    /**
     * m[i] = +0 where pre[i] ≤ 0: the ReLU's derivative applied to a backward signal, without a branch (see
     * {@link #relu}). pre[i] > 0 exactly when its bits, read as a signed long, are positive (+0 is 0, negative
     * numbers have the sign bit set), so {@code (−bits & ~bits) >> 63} is all ones to keep m[i] and zero to clear
     * it: bit for bit the branchy {@code if (pre[i] <= 0) m[i] = 0} for every number but NaN.
     */
    static void zeroWhereInactive(double[] pre, double[] m, int length) {
        for (int i = 0; i < length; i++) {
            long bits = Double.doubleToRawLongBits(pre[i]);
            long keep = (-bits & ~bits) >> 63;
            m[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(m[i]) & keep);
        }
    }

    /** M ← M + v 1ᵀ for M with v.length rows of {@code width} entries: a bias added to every sample. */
    static void addToRows(double[] v, double[] m, int width) {
        for (int i = 0; i < v.length; i++) {
            double add = v[i];
            int from = i * width;
            for (int j = from; j < from + width; j++) m[j] += add;
        }
    }

    /** out ← s·M 1 (or += it): the row sums of M (out.length rows of {@code width} entries), a bias gradient. */
    static void rowSums(double[] m, int width, double s, double[] out, boolean accumulate) {
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            int from = i * width;
            for (int j = from; j < from + width; j++) sum += m[j];
            out[i] = accumulate ? out[i] + s * sum : s * sum;
        }
    }

    /**
     * True when the last hidden layer is zero for every sample: the output is 0, every gradient is 0, and GD
     * can never leave (a "dead" network, the usual end of a too-large step without biases).
     */
    public boolean dead() {
        for (double a : h[depth - 2]) if (a != 0) return false;
        return true;
    }

    /** Fraction of samples whose largest output is their label, from the last forward pass. */
    public double accuracy() {
        int right = 0;
        int classes = data.classes();
        for (int j = 0; j < n; j++) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double v = out[k * n + j] + y[k * n + j];                       // F = residual + Y
                if (v > bestValue) { bestValue = v; best = k; }
            }
            if (best == data.labels()[j]) right++;
        }
        return right / (double) n;
    }

    public int depth() { return depth; }

    public int rows(int l) { return rows[l - 1]; }

    public int cols(int l) { return cols[l - 1]; }

    /** W_ℓ (1-based), flat rows×cols. Owned by the engine thread: read-only elsewhere. */
    public double[] layer(int l) { return w[l - 1]; }

    /** Whether the layers have biases. */
    public boolean hasBiases() { return b != null; }

    public double lossScale() { return c; }

    public Dataset data() { return data; }

    double[] preActivation(int l) { return z[l - 1]; }

    RectOps ops() { return ops; }

    /** Whether the products run on a native BLAS (chosen when the network was built). */
    public boolean onNativeBlas() { return ops.isNative(); }

    /** The number of the last forward pass; a different one means the weights or the cache changed. */
    long forwards() { return forwardCurrent ? forwards : -1; }

    /** A network of the same shape, data and loss with this one's parameters (a copy to measure at other weights). */
    public Mlp copy() {
        Mlp m = new Mlp(data, depth, rows[0], 0.0, 0, c, b != null, true);
        m.restore(state());
        return m;
    }

    /** The number of parameters, in the order of {@link #copyParameters}. */
    public int parameterCount() {
        int n = 0;
        for (int l = 0; l < depth; l++) n += w[l].length + (b == null ? 0 : b[l].length);
        return n;
    }

    /** The parameters into one flat vector, W_1 … W_L then b_1 … b_L (the Hessian's order). No allocation. */
    public void copyParameters(double[] into) {
        int at = 0;
        for (int l = 0; l < depth; l++, at += w[l - 1].length) System.arraycopy(w[l], 0, into, at, w[l].length);
        if (b != null) for (int l = 0; l < depth; l++, at += b[l - 1].length) System.arraycopy(b[l], 0, into, at, b[l].length);
    }

    /** Sets the parameters from a flat vector in the order of {@link #copyParameters}. */
    public void setParameters(double[] from) {
        int at = 0;
        for (int l = 0; l < depth; l++, at += w[l - 1].length) System.arraycopy(from, at, w[l], 0, w[l].length);
        if (b != null) for (int l = 0; l < depth; l++, at += b[l - 1].length) System.arraycopy(from, at, b[l], 0, b[l].length);
        forwardCurrent = false;
    }

    /** Copies of the parameters, W_1 … W_L then b_1 … b_L (sessions, tests). */
    public double[][] state() {
        double[][] s = new double[b == null ? depth : 2 * depth][];
        for (int l = 0; l < depth; l++) s[l] = w[l].clone();
        if (b != null) for (int l = 0; l < depth; l++) s[depth + l] = b[l].clone();
        return s;
    }

    /** Sets the parameters from a {@link #state()} of a network of the same shape. */
    public void restore(double[][] state) {
        if (state.length != (b == null ? depth : 2 * depth)) {
            throw new IllegalArgumentException("state has " + state.length + " blocks, the network "
                    + (b == null ? depth : 2 * depth));
        }
        for (int l = 0; l < depth; l++) System.arraycopy(state[l], 0, w[l], 0, w[l].length);
        if (b != null) for (int l = 0; l < depth; l++) System.arraycopy(state[depth + l], 0, b[l], 0, b[l].length);
        forwardCurrent = false;
    }
}
