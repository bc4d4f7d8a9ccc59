package org.eoslab.metrics;

import org.ejml.data.DMatrixRMaj;

/**
 * One layer's top-k left singular subspace followed from step to step, for both networks: each step's basis is
 * filled in place ({@link #basis()}), then {@link #step} gives eq. 8's distance k − ‖U_tᵀU_{t+1}‖_F² to the previous
 * step's basis. Two buffers, swapped: nothing is allocated per step.
 */
final class SubspaceTrail {
    private final Subspaces subspaces;
    private DMatrixRMaj current;
    private DMatrixRMaj previous;
    private boolean previousDefined;

    SubspaceTrail(int rows, int k) {
        this.subspaces = new Subspaces(rows, k);
        this.current = new DMatrixRMaj(rows, k);
        this.previous = new DMatrixRMaj(rows, k);
    }

    /** Where this step's basis goes. */
    DMatrixRMaj basis() { return current; }

    /**
     * The distance from the previous step's basis to this one, NaN unless both are defined (a basis is not when its
     * k-th singular value is degenerate) and the steps are consecutive; then this step's basis becomes the previous.
     */
    double step(boolean defined, boolean consecutive) {
        double distance = defined && consecutive && previousDefined ? subspaces.distance(previous, current) : Double.NaN;
        DMatrixRMaj done = current;
        current = previous;
        previous = done;
        previousDefined = defined;
        return distance;
    }

    /** The previous step is unknown (weights replaced, or not measured): the next distance is NaN. */
    void forget() { previousDefined = false; }
}
