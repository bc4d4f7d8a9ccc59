package org.eoslab.engine.mlp;

import org.eoslab.numerics.HessianOperator;
import org.eoslab.numerics.HessianOperatorContract;

/** The ReLU network's R-operator HVP passes the Hessian operator contract: depth 3, width 5, with biases. */
class MlpHessianContractTest extends HessianOperatorContract {
    @Override
    protected Subject subject() {
        Mlp mlp = new Mlp(MlpDerivativesTest.tiny(6, 9, 3, 4), 3, 5, 1.0, 5, 1.0, true, false);
        double[] point = MlpDerivativesTest.flatten(mlp.state());
        for (int i = point.length - 13; i < point.length; i++) point[i] = 0.3 * Math.sin(i);   // biases off zero
        MlpHessian hessian = new MlpHessian(mlp);
        return new Subject() {
            @Override public HessianOperator hessian() { return hessian; }

            @Override public double[] point() { return point.clone(); }

            @Override public double[] gradientAt(double[] w) { return MlpDerivativesTest.gradientAt(mlp, w); }

            @Override
            public void atPoint() {
                mlp.restore(MlpDerivativesTest.unflatten(point, mlp.state()));
                mlp.forward();
            }
        };
    }
}
