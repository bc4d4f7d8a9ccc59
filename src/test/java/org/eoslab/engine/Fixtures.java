package org.eoslab.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.numerics.RandomMatrices;

/** Small problems at arbitrary points, for derivative checks. */
final class Fixtures {
    private Fixtures() {}

    static DMatrixRMaj[] randomWeights(int d, int depth, double scale, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) w[l] = RandomMatrices.gaussian(d, scale, rng);
        return w;
    }

    static Target target(int d, double[] s, long seed) {
        return Target.random(d, s, false, new Random(seed));
    }

    static DMatrixRMaj[] zerosLike(DMatrixRMaj[] w) {
        DMatrixRMaj[] z = new DMatrixRMaj[w.length];
        for (int l = 0; l < w.length; l++) z[l] = new DMatrixRMaj(w[l].numRows, w[l].numCols);
        return z;
    }

    /** w + h·v, a new array. */
    static DMatrixRMaj[] shifted(DMatrixRMaj[] w, DMatrixRMaj[] v, double h) {
        DMatrixRMaj[] out = new DMatrixRMaj[w.length];
        for (int l = 0; l < w.length; l++) {
            out[l] = w[l].copy();
            CommonOps_DDRM.addEquals(out[l], h, v[l]);
        }
        return out;
    }

    static double loss(Target target, DMatrixRMaj[] w, double c) {
        return new DenseEngine(target, w, c).forward();
    }

    static DMatrixRMaj[] gradient(Target target, DMatrixRMaj[] w, double c) {
        DenseEngine e = new DenseEngine(target, w, c);
        e.forward();
        DMatrixRMaj[] g = zerosLike(w);
        e.gradient(g);
        return g;
    }

    static double[] flatten(DMatrixRMaj[] blocks) {
        int size = blocks[0].getNumElements();
        double[] out = new double[blocks.length * size];
        for (int l = 0; l < blocks.length; l++) System.arraycopy(blocks[l].data, 0, out, l * size, size);
        return out;
    }

    /** The explicit Hessian by central differences of the gradient, column by column (symmetrized). */
    static DMatrixRMaj finiteDifferenceHessian(Target target, DMatrixRMaj[] w, double c, double h) {
        int d = target.width();
        int n = w.length * d * d;
        DMatrixRMaj hessian = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            DMatrixRMaj[] e = zerosLike(w);
            e[k / (d * d)].data[k % (d * d)] = 1;
            double[] plus = flatten(gradient(target, shifted(w, e, h), c));
            double[] minus = flatten(gradient(target, shifted(w, e, -h), c));
            for (int i = 0; i < n; i++) hessian.set(i, k, (plus[i] - minus[i]) / (2 * h));
        }
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(hessian, sym);
        CommonOps_DDRM.add(0.5, hessian, 0.5, sym, sym);
        return sym;
    }
}
