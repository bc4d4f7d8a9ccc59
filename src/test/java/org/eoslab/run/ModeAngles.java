package org.eoslab.run;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.Target;

/**
 * Each mode's own alignment, computed from the product itself (not from the probe's columns): the angle between
 * Pv*ᵢ and u*ᵢ and between Pᵀu*ᵢ and v*ᵢ, the larger. Both are 0 exactly when (u*ᵢ, v*ᵢ) is a singular pair of P,
 * whatever the other modes do; a principal angle of the top-r subspace cannot tell one mode from another.
 */
final class ModeAngles {
    private final DenseEngine engine;
    private final DMatrixRMaj mapped;       // P V*, d×r
    private final DMatrixRMaj mappedBack;   // Pᵀ U*, d×r

    private ModeAngles(DenseEngine engine) {
        this.engine = engine;
        int d = engine.width();
        int r = engine.target().rank();
        this.mapped = new DMatrixRMaj(d, r);
        this.mappedBack = new DMatrixRMaj(d, r);
    }

    /** For the trainer's dense engine; null on the reduced recursion (its modes are aligned by construction). */
    static ModeAngles of(Trainer trainer) {
        return trainer.dynamics() instanceof DenseEngine dense ? new ModeAngles(dense) : null;
    }

    /** The largest angle, in degrees, over the modes {@code which} marks. */
    double largest(boolean[] which) {
        Target t = engine.target();
        CommonOps_DDRM.mult(engine.product(), t.right(), mapped);
        CommonOps_DDRM.multTransA(engine.product(), t.left(), mappedBack);
        double largest = 0;
        for (int i = 0; i < which.length; i++) {
            if (!which[i]) continue;
            largest = Math.max(largest, Math.max(angle(mapped, t.left(), i), angle(mappedBack, t.right(), i)));
        }
        return largest;
    }

    /** The angle between column i of {@code a} and the unit column i of {@code unit}, in degrees (sin from the residual). */
    private static double angle(DMatrixRMaj a, DMatrixRMaj unit, int i) {
        double dot = 0, norm = 0;
        for (int row = 0; row < a.numRows; row++) {
            dot += a.get(row, i) * unit.get(row, i);
            norm += a.get(row, i) * a.get(row, i);
        }
        double residual = 0;
        for (int row = 0; row < a.numRows; row++) {
            double off = a.get(row, i) - dot * unit.get(row, i);
            residual += off * off;
        }
        return Math.toDegrees(Math.asin(Math.min(1, Math.sqrt(residual / norm))));
    }
}
