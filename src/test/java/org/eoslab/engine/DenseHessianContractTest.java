package org.eoslab.engine;

import org.ejml.data.DMatrixRMaj;
import org.eoslab.numerics.HessianOperator;
import org.eoslab.numerics.HessianOperatorContract;

/** The deep linear network's exact HVP (math.md eq. 5) passes the Hessian operator contract: d = 4, L = 3, c = 0.5. */
class DenseHessianContractTest extends HessianOperatorContract {
    @Override
    protected Subject subject() {
        int d = 4;
        int depth = 3;
        double c = 0.5;
        Target target = Fixtures.target(d, new double[] {1.5, 1.0}, 3);
        DMatrixRMaj[] w = Fixtures.randomWeights(d, depth, 0.9, 7);
        DenseEngine engine = new DenseEngine(target, w, c);
        DenseHessian hessian = new DenseHessian(engine);
        double[] point = Fixtures.flatten(w);
        return new Subject() {
            @Override public HessianOperator hessian() { return hessian; }

            @Override public double[] point() { return point.clone(); }

            @Override
            public double[] gradientAt(double[] flat) {
                DMatrixRMaj[] at = Fixtures.zerosLike(w);
                for (int l = 0; l < depth; l++) System.arraycopy(flat, l * d * d, at[l].data, 0, d * d);
                return Fixtures.flatten(Fixtures.gradient(target, at, c));   // a separate engine: this one stays put
            }

            @Override public void atPoint() { engine.forward(); }
        };
    }
}
