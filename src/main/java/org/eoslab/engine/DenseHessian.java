package org.eoslab.engine;

import org.ejml.data.DMatrixRMaj;
import org.eoslab.numerics.HessianOperator;

/** The factorization's {@link HessianVectorProduct} on flat vectors (one d×d block per layer, W_1 first). */
public final class DenseHessian implements HessianOperator {
    private final HessianVectorProduct hvp;
    private final DMatrixRMaj[] in;
    private final DMatrixRMaj[] out;
    private final int blockSize;

    public DenseHessian(DenseEngine engine) {
        this.hvp = new HessianVectorProduct(engine);
        int d = engine.width();
        this.blockSize = d * d;
        this.in = new DMatrixRMaj[engine.depth()];
        this.out = new DMatrixRMaj[engine.depth()];
        for (int l = 0; l < engine.depth(); l++) {
            in[l] = new DMatrixRMaj(d, d);
            out[l] = new DMatrixRMaj(d, d);
        }
    }

    @Override
    public int dimension() { return hvp.dimension(); }

    @Override
    public void prepare() { hvp.prepare(); }

    @Override
    public void apply(double[] x, double[] y) {
        for (int l = 0; l < in.length; l++) System.arraycopy(x, l * blockSize, in[l].data, 0, blockSize);
        hvp.apply(in, out);
        for (int l = 0; l < out.length; l++) System.arraycopy(out[l].data, 0, y, l * blockSize, blockSize);
    }
}
