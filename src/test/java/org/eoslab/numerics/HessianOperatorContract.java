package org.eoslab.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HessianOperator} must do, checked the same way for each model (in the style of EJML's
 * {@code StandardSvdChecks}): it is symmetric and linear, it is the derivative of the model's gradient (central
 * differences), it leaves the model where it was, and Lanczos on it finds the top eigenvalue of its dense form.
 * A subclass supplies the model.
 */
public abstract class HessianOperatorContract {
    /** A model at a fixed point with its Hessian operator. */
    protected interface Subject {
        HessianOperator hessian();

        /** The model's parameters at the point, flat in the operator's order. */
        double[] point();

        /** The flat gradient at {@code w} (may move the model; {@link #atPoint} puts it back). */
        double[] gradientAt(double[] w);

        /** Puts the model back at {@link #point()} with its forward pass done. */
        void atPoint();
    }

    protected abstract Subject subject();

    /** Relative accuracy expected of the central differences of the gradient (step 1e-6 or so). */
    protected double finiteDifferenceTolerance() { return 1e-5; }

    private static double[] random(int n, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] times(HessianOperator h, double[] x) {
        double[] y = new double[h.dimension()];
        h.apply(x, y);
        return y;
    }

    private HessianOperator prepared(Subject s) {
        s.atPoint();
        HessianOperator h = s.hessian();
        h.prepare();
        return h;
    }

    @Test
    void theDimensionIsTheNumberOfParameters() {
        Subject s = subject();
        assertEquals(s.point().length, s.hessian().dimension());
    }

    @Test
    void isSymmetric() {
        Subject s = subject();
        HessianOperator h = prepared(s);
        double[] x = random(h.dimension(), 1);
        double[] y = random(h.dimension(), 2);
        double xHy = dot(x, times(h, y));
        double yHx = dot(y, times(h, x));
        assertEquals(xHy, yHx, 1e-10 * Math.max(1, Math.abs(xHy)), "xᵀHy = yᵀHx");
    }

    @Test
    void isLinear() {
        Subject s = subject();
        HessianOperator h = prepared(s);
        double[] x = random(h.dimension(), 3);
        double[] y = random(h.dimension(), 4);
        double[] combined = new double[x.length];
        for (int i = 0; i < x.length; i++) combined[i] = 2.5 * x[i] - 0.75 * y[i];
        double[] hx = times(h, x);
        double[] hy = times(h, y);
        double[] hc = times(h, combined);
        for (int i = 0; i < x.length; i++) {
            double want = 2.5 * hx[i] - 0.75 * hy[i];
            assertEquals(want, hc[i], 1e-10 * Math.max(1, Math.abs(want)), "H(2.5x − 0.75y)[" + i + "]");
        }
    }

    @Test
    void isTheDerivativeOfTheGradient() {
        Subject s = subject();
        double[] w = s.point();
        double[] v = random(w.length, 5);
        double[] hv = times(prepared(s), v);
        double e = 1e-6;
        double[] plus = w.clone();
        double[] minus = w.clone();
        for (int i = 0; i < w.length; i++) { plus[i] += e * v[i]; minus[i] -= e * v[i]; }
        double[] gp = s.gradientAt(plus);
        double[] gm = s.gradientAt(minus);
        for (int i = 0; i < w.length; i++) {
            double fd = (gp[i] - gm[i]) / (2 * e);
            assertEquals(fd, hv[i], finiteDifferenceTolerance() * Math.max(1, Math.abs(fd)), "(Hv)[" + i + "]");
        }
    }

    @Test
    void leavesTheModelWhereItWas() {
        Subject s = subject();
        double[] before = s.gradientAt(s.point());
        HessianOperator h = prepared(s);
        double[] x = random(h.dimension(), 6);
        double[] first = times(h, x);
        double[] again = times(h, x);
        for (int i = 0; i < first.length; i++) {
            assertEquals(Double.doubleToRawLongBits(first[i]), Double.doubleToRawLongBits(again[i]), "repeatable at " + i);
        }
        double[] after = s.gradientAt(s.point());
        for (int i = 0; i < before.length; i++) {
            assertEquals(Double.doubleToRawLongBits(before[i]), Double.doubleToRawLongBits(after[i]), "gradient unmoved at " + i);
        }
    }

    @Test
    void lanczosFindsTheTopEigenvalueOfTheDenseForm() {
        Subject s = subject();
        HessianOperator h = prepared(s);
        double dense = ExplicitHessian.largestEigenvalue(h);
        s.atPoint();
        h.prepare();
        double[] vector = new double[h.dimension()];
        Lanczos.Result r = new Lanczos(h.dimension(), h.dimension(), new Random(11)).largest(h::apply, null, 1e-10, vector);
        assertTrue(Math.abs(r.eigenvalue() - dense) <= 1e-8 * Math.max(1, Math.abs(dense)),
                "Lanczos " + r.eigenvalue() + " against the dense spectrum's " + dense);
    }
}
