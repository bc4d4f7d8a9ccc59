package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.DenseProbe;
import org.eoslab.metrics.ReducedProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** tr ∇²f = c·Σ‖R_ℓ‖²‖S_ℓ‖² against the trace of a finite-difference Hessian, and dense against reduced. */
class HessianTraceTest {

    @ParameterizedTest(name = "d={0} L={1} c={2}")
    @CsvSource({"2, 2, 1.0", "3, 3, 1.0", "3, 4, 0.5", "4, 3, 1.0"})
    void closedFormEqualsFiniteDifferenceTrace(int d, int depth, double c) {
        Target target = Fixtures.target(d, new double[] {1.7, 0.4}, 8);
        DMatrixRMaj[] w = Fixtures.randomWeights(d, depth, 0.9, 17);
        DenseEngine engine = new DenseEngine(target, w, c);
        engine.forward();
        double closedForm = new HessianTrace(engine).compute();
        double fdTrace = CommonOps_DDRM.trace(Fixtures.finiteDifferenceHessian(target, w, c, 1e-5));
        assertEquals(fdTrace, closedForm, 1e-6 * Math.abs(fdTrace));
    }

    @Test
    void reducedTraceEqualsDenseTraceAlongTheIdentityInitTrajectory() {
        Parameters p = Parameters.defaults().withWidth(9).withDepth(4).withEta(0.2).withAlpha(0.3).validate();
        Target target = Targets.of(p);
        DenseEngine dense = DenseEngine.create(p, target);
        ReducedDynamics reduced = ReducedDynamics.create(p, target);
        Columns columns = new Columns(5, 4, 3);
        double[] a = columns.emptyRow();
        double[] b = columns.emptyRow();
        DenseProbe denseProbe = new DenseProbe(dense, columns);
        ReducedProbe reducedProbe = new ReducedProbe(reduced, columns);
        for (int t = 0; t < 200; t++) {
            dense.forward();
            reduced.forward();
            denseProbe.measure(a);
            reducedProbe.measure(b);
            assertEquals(a[columns.hessianTrace()], b[columns.hessianTrace()], 1e-11 * a[columns.hessianTrace()], "step " + t);
            dense.step(p.eta());
            reduced.step(p.eta());
        }
    }
}
