package org.eoslab.numerics;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The largest <em>algebraic</em> eigenvalue of a symmetric operator by Lanczos with full
 * reorthogonalization (math.md, "Sharpness": power iteration would return the eigenvalue of largest
 * magnitude, which is negative near a saddle). Stops when the Ritz residual β_j·|s_j| falls below
 * tol·|θ|. On breakdown (an invariant Krylov subspace) it continues from a fresh random direction, so a
 * warm start that happens to be an eigenvector cannot hide a larger eigenvalue. Workspace is allocated once.
 */
public final class Lanczos {
    /** y = A·x for a symmetric A. */
    public interface Operator {
        void apply(double[] x, double[] y);
    }

    /** θ: the estimate; residual: ‖A y − θ y‖ for the returned unit vector y; iterations: operator applications. */
    public record Result(double eigenvalue, double residual, int iterations) {}

    private final int n;
    private final int maxIterations;
    private final double[][] basis;
    private final double[] alpha;
    private final double[] beta;
    private final double[] work;
    private final DMatrixRMaj[] tridiagonals;                       // by size m − 1
    private final EigenDecomposition_F64<DMatrixRMaj>[] decompositions; // EJML's fails when reused across sizes
    private EigenDecomposition_F64<DMatrixRMaj> eig;
    private final Random rng;
    private double ritzValue;
    private double ritzLast;
    private int ritzIndex;

    /** Never accept a Ritz value from fewer Krylov vectors than this (guards a lucky warm start). */
    private static final int MIN_ITERATIONS = 4;

    public Lanczos(int n, int maxIterations, Random rng) {
        this.n = n;
        this.maxIterations = Math.max(1, Math.min(n, maxIterations));
        this.basis = new double[this.maxIterations][n];
        this.alpha = new double[this.maxIterations];
        this.beta = new double[this.maxIterations];
        this.work = new double[n];
        this.tridiagonals = new DMatrixRMaj[this.maxIterations];
        @SuppressWarnings("unchecked")
        EigenDecomposition_F64<DMatrixRMaj>[] decs = new EigenDecomposition_F64[this.maxIterations];
        this.decompositions = decs;
        this.rng = rng;
    }

    /**
     * Largest algebraic eigenvalue of {@code op}, Krylov space started from {@code start} (random if null
     * or zero). The Ritz vector is written to {@code vectorOut} (length n) when it is not null.
     */
    public Result largest(Operator op, double[] start, double tol, double[] vectorOut) {
        return largest(op, start, tol, Double.MIN_NORMAL, vectorOut);
    }

    /**
     * The same, converged when the residual is below tol·max(|θ|, {@code scale}): an eigenvalue far below the
     * scale that matters (a sharpness of 1e-9 near the saddle, against 2/η) needs no more relative digits.
     */
    public Result largest(Operator op, double[] start, double tol, double scale, double[] vectorOut) {
        double[] q0 = basis[0];
        if (start == null || norm(start) == 0) {
            randomUnit(q0);
        } else {
            System.arraycopy(start, 0, q0, 0, n);
            scale(q0, 1.0 / norm(q0));
        }
        double residual = Double.POSITIVE_INFINITY;
        int m = 0;
        int minIterations = Math.min(maxIterations, MIN_ITERATIONS);
        for (int j = 0; j < maxIterations; j++) {
            op.apply(basis[j], work);
            alpha[j] = dot(basis[j], work);
            orthogonalize(work, j + 1);
            double b = norm(work);
            m = j + 1;
            topRitzPair(m);
            residual = b * Math.abs(ritzLast);
            boolean converged = residual <= tol * Math.max(Math.abs(ritzValue), scale);
            if ((converged && m >= minIterations) || m == maxIterations) {
                break;
            }
            beta[j] = b;
            if (b <= 1e-14 * Math.max(Math.abs(ritzValue), Double.MIN_NORMAL)) {
                beta[j] = 0;                     // invariant subspace: continue in its complement
                randomUnit(work);
                orthogonalize(work, j + 1);
                b = norm(work);
                if (b == 0) break;
            }
            double[] q = basis[j + 1];
            for (int i = 0; i < n; i++) q[i] = work[i] / b;
        }
        if (vectorOut != null) {
            ritzVector(m, vectorOut);
        }
        return new Result(ritzValue, residual, m);
    }

    /** Eigen-decomposes the m×m tridiagonal T_m; sets θ_max, its index and the last component of its unit eigenvector. */
    private void topRitzPair(int m) {
        if (decompositions[m - 1] == null) {
            decompositions[m - 1] = DecompositionFactory_DDRM.eig(m, true, true);
            tridiagonals[m - 1] = new DMatrixRMaj(m, m);
        }
        eig = decompositions[m - 1];
        DMatrixRMaj tridiagonal = tridiagonals[m - 1];
        tridiagonal.zero();
        for (int i = 0; i < m; i++) {
            tridiagonal.set(i, i, alpha[i]);
            if (i + 1 < m) {
                tridiagonal.set(i, i + 1, beta[i]);
                tridiagonal.set(i + 1, i, beta[i]);
            }
        }
        if (!eig.decompose(tridiagonal)) {
            throw new IllegalStateException("tridiagonal eigen-decomposition failed");
        }
        ritzIndex = 0;
        for (int i = 1; i < m; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(ritzIndex).real) ritzIndex = i;
        }
        DMatrixRMaj s = eig.getEigenVector(ritzIndex);
        double norm = 0;
        for (int i = 0; i < m; i++) norm += s.data[i] * s.data[i];
        ritzValue = eig.getEigenvalue(ritzIndex).real;
        ritzLast = s.data[m - 1] / Math.sqrt(norm);
    }

    /** y = Q_m s for the top Ritz pair of the last {@link #topRitzPair} call, normalized. */
    private void ritzVector(int m, double[] out) {
        DMatrixRMaj s = eig.getEigenVector(ritzIndex);
        java.util.Arrays.fill(out, 0);
        for (int j = 0; j < m; j++) {
            double sj = s.data[j];
            double[] q = basis[j];
            for (int i = 0; i < n; i++) out[i] += sj * q[i];
        }
        scale(out, 1.0 / norm(out));
    }

    /** Two passes of classical Gram-Schmidt against the first k basis vectors (DGKS). */
    private void orthogonalize(double[] v, int k) {
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < k; j++) {
                double[] q = basis[j];
                double h = dot(q, v);
                for (int i = 0; i < n; i++) v[i] -= h * q[i];
            }
        }
    }

    private void randomUnit(double[] v) {
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        scale(v, 1.0 / norm(v));
    }

    static double dot(double[] a, double[] b) {
        return Vectors.dot(a, b);
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) a[i] *= f;
    }
}
