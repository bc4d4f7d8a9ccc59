package org.eoslab.numerics;

/** An exact Hessian-vector product at a model's current point, on flat parameter vectors. */
public interface HessianOperator {
    /** Number of parameters. */
    int dimension();

    /** Caches what {@link #apply} needs from the model's last forward pass. */
    void prepare();

    /** y = H·x. */
    void apply(double[] x, double[] y);
}
