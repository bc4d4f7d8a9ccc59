package org.eoslab.metrics;

/**
 * One refresh of the landscape view (issue 26): the loss along the top Hessian eigenvector u₁ through the current
 * iterate, the last iterates on that line, and the loss over the plane of u₁ and the gradient's part orthogonal to
 * it. Positions x are ⟨w − w̄, u₁⟩, with w̄ the mean of the last iterates, so a period-2 orbit shows as a ball on
 * both walls of the valley. Immutable; made on the engine thread, read by the view.
 *
 * @param step         the step of the current iterate
 * @param eta          the learning rate in force
 * @param loss         f(w) at the current iterate
 * @param sharpness    λ_max(H(w)) by Lanczos, the curvature along u₁
 * @param curvature    the slice's own second derivative at the current iterate, u₁ᵀHu₁ from its polynomial
 * @param slope        ⟨∇f(w), u₁⟩
 * @param current      the current iterate's position x on the line
 * @param x            positions along u₁ where the slice is evaluated
 * @param slice        f(w + (x − current)·u₁)
 * @param iterateX     the last iterates' positions ⟨w_t − w̄, u₁⟩, oldest first (the current one last)
 * @param iterateLoss  their losses f(w_t)
 * @param iterateY     their positions along the plane's second direction, relative to the current iterate
 * @param planeX       the contour's grid along u₁ (positions x)
 * @param planeY       the contour's grid along the second direction (relative to the current iterate)
 * @param plane        f over the grid, plane[j][i] at (planeX[i], planeY[j])
 * @param nanos        what measuring it cost the engine thread
 */
public record Landscape(long step, double eta, double loss, double sharpness, double curvature, double slope,
                        double current, double[] x, double[] slice, double[] iterateX, double[] iterateLoss,
                        double[] iterateY, double[] planeX, double[] planeY, double[][] plane, long nanos) {

    /** The second-order model along u₁ with the given curvature, tangent to the slice at the current iterate. */
    public double quadratic(double at, double curvature) {
        double s = at - current;
        return loss + slope * s + 0.5 * curvature * s * s;
    }

    /** The widest valley GD descends at this η: curvature 2/η (paper §3, the edge of stability). */
    public double stableCurvature() { return 2 / eta; }
}
