package org.eoslab.metrics;

import org.eoslab.engine.mlp.Mlp;
import org.eoslab.engine.mlp.MlpHessian;
import org.eoslab.numerics.HessianOperator;
import org.eoslab.numerics.Vectors;

/**
 * The ReLU network's landscape (paper section 4.2): W_1 … W_L and the biases flat, a copy of the network to measure,
 * and the loss on a plane by one exact forward pass over all the data per point, so a refresh evaluates at most
 * {@link #MAX_POINTS} slice points and {@link #MAX_GRID}² plane points. Its slope and curvature along u are exact: the
 * gradient and one Hessian-vector product.
 */
public final class MlpSurface implements LandscapeSurface {
    static final int MAX_POINTS = 41;
    static final int MAX_GRID = 15;
    /**
     * Lanczos' tolerance, the training run's own (MlpTrainer.SHARPNESS_TOLERANCE): a residual ‖Hv − λv‖ ≤ 1e-4·λ
     * puts λ within 1.6e-8 of the value at 1e-8 on the live tab's network.
     */
    static final double TOLERANCE = 1e-4;

    private final Mlp trained;
    private final Mlp measuring;
    private final MlpHessian hessian;
    private final double[][] blocks;
    private final double[] point;
    private final double[] scratch;
    private double[] measured;

    public MlpSurface(Mlp trained) {
        this.trained = trained;
        this.measuring = trained.copy();
        this.hessian = new MlpHessian(measuring);
        this.blocks = measuring.state();
        this.point = new double[trained.parameterCount()];
        this.scratch = new double[point.length];
    }

    @Override public int dimension() { return point.length; }

    @Override public void copyCurrent(double[] into) { trained.copyParameters(into); }

    @Override
    public double measureAt(double[] w) {
        measured = w;
        measuring.setParameters(w);
        return measuring.forward();
    }

    @Override
    public HessianOperator hessian() {
        hessian.prepare();
        return hessian;
    }

    @Override
    public void gradient(double[] into) {
        measuring.gradient(blocks);
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, into, at, b.length);
            at += b.length;
        }
    }

    @Override public double tolerance() { return TOLERANCE; }

    @Override public int maxPoints() { return MAX_POINTS; }

    @Override public int maxGrid() { return MAX_GRID; }

    @Override
    public Plane plane(double[] u, double[] v) {
        double[] w = measured;
        gradient(scratch);                                  // at w: the measured forward pass is current
        double slope = Vectors.dot(scratch, u);
        hessian().apply(u, scratch);
        double curvature = Vectors.dot(scratch, u);
        return new Plane() {
            @Override
            public double loss(double a, double b) {        // one forward pass at w + a·u + b·v
                for (int i = 0; i < point.length; i++) point[i] = w[i] + a * u[i] + b * v[i];
                measuring.setParameters(point);
                return measuring.forward();
            }

            @Override public double slope() { return slope; }

            @Override public double curvature() { return curvature; }
        };
    }
}
