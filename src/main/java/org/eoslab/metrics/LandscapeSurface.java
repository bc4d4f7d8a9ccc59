package org.eoslab.metrics;

import org.eoslab.numerics.HessianOperator;

/**
 * A network as the {@link LandscapeProbe} sees it (issue 26): its parameters as one flat vector, a copy of the network
 * to measure at any parameters, and the loss on a plane through them. The deep linear network's plane is an exact
 * polynomial ({@link DenseSurface}); the ReLU network's is a forward pass per point ({@link MlpSurface}).
 */
public interface LandscapeSurface {
    /** The number of parameters. */
    int dimension();

    /** Copies the trained network's current parameters into {@code into}, flat. No allocation. */
    void copyCurrent(double[] into);

    /** Makes {@code w} the measured parameters of the copy and runs its forward pass (w is kept, not copied); the loss there. */
    double measureAt(double[] w);

    /** The Hessian at the measured parameters, prepared. */
    HessianOperator hessian();

    /** ∇f at the measured parameters, flat. */
    void gradient(double[] into);

    /** Lanczos' stopping tolerance for this network's λ_max. */
    double tolerance();

    /** The most slice points, and plane points per side, a refresh evaluates. */
    int maxPoints();

    int maxGrid();

    /** The loss on the plane w + a·u + b·v through the measured parameters w (u and v unit and orthogonal). */
    Plane plane(double[] u, double[] v);

    /** The loss over a plane, with its slope and curvature along u at the origin. */
    interface Plane {
        double loss(double a, double b);

        /** ⟨∇f(w), u⟩. */
        double slope();

        /** uᵀ∇²f(w)u. */
        double curvature();
    }
}
