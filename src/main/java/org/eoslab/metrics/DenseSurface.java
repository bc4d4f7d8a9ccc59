package org.eoslab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.DenseHessian;
import org.eoslab.engine.LossPlane;
import org.eoslab.numerics.HessianOperator;
import org.eoslab.numerics.Sharpness;

/**
 * The deep linear network's landscape: W_1 … W_L flat, a copy of the engine to measure, and the exact loss polynomial
 * on a plane ({@link LossPlane}: O(L³) products per plane, not a forward pass per point).
 */
public final class DenseSurface implements LandscapeSurface {
    private final DenseEngine engine;
    private final DenseEngine measuring;
    private final DenseHessian hessian;
    private final int depth;
    private final int block;
    private final double[][] layers;            // the measured weights, one block per layer
    private final DMatrixRMaj[] gradient;

    public DenseSurface(DenseEngine engine) {
        this.engine = engine;
        this.depth = engine.depth();
        int d = engine.width();
        this.block = d * d;
        DMatrixRMaj[] copy = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) copy[l] = engine.layer(l + 1).copy();
        this.measuring = new DenseEngine(engine.target(), copy, engine.lossScale(), false);
        this.hessian = new DenseHessian(measuring);
        this.layers = new double[depth][block];
        this.gradient = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) gradient[l] = new DMatrixRMaj(d, d);
    }

    @Override public int dimension() { return depth * block; }

    @Override
    public void copyCurrent(double[] into) {
        for (int l = 0; l < depth; l++) System.arraycopy(engine.layer(l + 1).data, 0, into, l * block, block);
    }

    @Override
    public double measureAt(double[] w) {
        for (int l = 0; l < depth; l++) System.arraycopy(w, l * block, layers[l], 0, block);
        measuring.restore(layers);
        return measuring.forward();
    }

    @Override
    public HessianOperator hessian() {
        hessian.prepare();
        return hessian;
    }

    @Override
    public void gradient(double[] into) {
        measuring.gradient(gradient);
        for (int l = 0; l < depth; l++) System.arraycopy(gradient[l].data, 0, into, l * block, block);
    }

    @Override public double tolerance() { return Sharpness.DEFAULT_TOLERANCE; }

    @Override public int maxPoints() { return Integer.MAX_VALUE; }

    @Override public int maxGrid() { return Integer.MAX_VALUE; }

    @Override
    public Plane plane(double[] u, double[] v) {
        LossPlane p = LossPlane.of(measured(), blocks(u), blocks(v), engine.target().matrix(), engine.lossScale());
        return new Plane() {
            @Override public double loss(double a, double b) { return p.loss(a, b); }

            @Override public double slope() { return p.slope(); }

            @Override public double curvature() { return p.curvature(); }
        };
    }

    /** The measured weights as matrices over their own arrays (LossPlane.of reads them, copying what it keeps). */
    private DMatrixRMaj[] measured() {
        int d = engine.width();
        DMatrixRMaj[] out = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) out[l] = DMatrixRMaj.wrap(d, d, layers[l]);
        return out;
    }

    private DMatrixRMaj[] blocks(double[] flat) {
        int d = engine.width();
        DMatrixRMaj[] out = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            out[l] = new DMatrixRMaj(d, d);
            System.arraycopy(flat, l * block, out[l].data, 0, block);
        }
        return out;
    }
}
