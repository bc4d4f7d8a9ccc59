package org.eoslab.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.numerics.Vectors;

/**
 * The deep linear network's loss on a plane through the weights, exactly: f(a, b) = ½c‖Π_ℓ(W_ℓ + aU_ℓ + bV_ℓ) − M*‖²
 * is a polynomial of degree 2L in (a, b), so the landscape view evaluates any number of points for the price of its
 * coefficients (no forward pass per point, and no rounding beyond the coefficients'):
 * <pre>
 *   Π_{k≤ℓ}(W_k + aU_k + bV_k) = Σ_{i+j≤ℓ} aⁱbʲ C⁽ℓ⁾_ij,   C⁽ℓ⁾_ij = W_ℓC⁽ℓ⁻¹⁾_ij + U_ℓC⁽ℓ⁻¹⁾_{i−1,j} + V_ℓC⁽ℓ⁻¹⁾_{i,j−1}
 *   E_ij = C⁽ᴸ⁾_ij − [i = j = 0]·M*,        f(a, b) = ½c Σ aⁱ⁺ᵏ bʲ⁺ˡ ⟨E_ij, E_kl⟩
 * </pre>
 * With b = 0 it is the 1-D slice f(w + s·u): f(0) the loss, f'(0) = ⟨∇f, u⟩, f''(0) = uᵀHu (the sharpness when u is
 * the top Hessian eigenvector with ‖u‖ = 1). Directions hold one d×d block per layer (index ℓ−1). Built on the engine
 * thread from the weights of one step; immutable and readable anywhere after.
 */
public final class LossPlane {
    private final int degree;
    private final double[][] coefficients;      // coefficients[p][q] of aᵖ bᵠ, p + q ≤ 2L

    private LossPlane(int degree, double[][] coefficients) {
        this.degree = degree;
        this.coefficients = coefficients;
    }

    /** The plane through {@code w} spanned by {@code u} and {@code v} (v may be null: the line along u). */
    public static LossPlane of(DMatrixRMaj[] w, DMatrixRMaj[] u, DMatrixRMaj[] v, DMatrixRMaj target, double lossScale) {
        int depth = w.length;
        DMatrixRMaj[][] e = productCoefficients(w, u, v);
        CommonOps_DDRM.subtractEquals(e[0][0], target);                    // E_00 = P − M*
        double[][] q = new double[2 * depth + 1][2 * depth + 1];
        for (int i = 0; i <= depth; i++) {
            for (int j = 0; i + j <= depth; j++) {
                for (int k = 0; k <= depth; k++) {
                    for (int l = 0; k + l <= depth; l++) {
                        if (e[i][j] != null && e[k][l] != null) q[i + k][j + l] += 0.5 * lossScale * Vectors.dot(e[i][j].data, e[k][l].data);
                    }
                }
            }
        }
        return new LossPlane(2 * depth, q);
    }

    /** C⁽ᴸ⁾_ij, null where the term is absent (every j > 0 when v is null). */
    private static DMatrixRMaj[][] productCoefficients(DMatrixRMaj[] w, DMatrixRMaj[] u, DMatrixRMaj[] v) {
        int depth = w.length;
        DMatrixRMaj[][] c = new DMatrixRMaj[depth + 1][depth + 1];
        c[0][0] = w[0].copy();
        c[1][0] = u[0].copy();
        if (v != null) c[0][1] = v[0].copy();
        for (int layer = 1; layer < depth; layer++) {
            DMatrixRMaj[][] next = new DMatrixRMaj[depth + 1][depth + 1];
            for (int i = 0; i <= layer + 1; i++) {
                for (int j = 0; i + j <= layer + 1; j++) {
                    next[i][j] = term(w[layer], c[i][j], null);
                    if (i > 0) next[i][j] = term(u[layer], c[i - 1][j], next[i][j]);
                    if (j > 0 && v != null) next[i][j] = term(v[layer], c[i][j - 1], next[i][j]);
                }
            }
            c = next;
        }
        return c;
    }

    /** sum + a·b (a fresh matrix when sum is null); null when b is absent. */
    private static DMatrixRMaj term(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj sum) {
        if (b == null) return sum;
        if (sum == null) {
            sum = new DMatrixRMaj(a.numRows, b.numCols);
            CommonOps_DDRM.mult(a, b, sum);
        } else {
            CommonOps_DDRM.multAdd(a, b, sum);
        }
        return sum;
    }

    /** f(w + a·u + b·v). */
    public double loss(double a, double b) {
        double sum = 0;
        for (int p = degree; p >= 0; p--) {
            double row = 0;                                                 // Σ_q coefficients[p][q] bᵠ, by Horner
            for (int q = degree - p; q >= 0; q--) row = row * b + coefficients[p][q];
            sum = sum * a + row;
        }
        return sum;
    }

    /** f(w + s·u), the 1-D slice. */
    public double loss(double s) { return loss(s, 0); }

    /** f'(0) along u: ⟨∇f(w), u⟩. */
    public double slope() { return coefficients[1][0]; }

    /** The k-th derivative of the slice at s = 0: k!·(its coefficient of sᵏ); D⁴f[u,u,u,u] for k = 4. */
    public double derivative(int k) {
        if (k > degree) return 0;
        double factorial = 1;
        for (int i = 2; i <= k; i++) factorial *= i;
        return factorial * coefficients[k][0];
    }

    /** f''(0) along u: uᵀH(w)u (the curvature of the slice at the current weights). */
    public double curvature() { return 2 * coefficients[2][0]; }
}
