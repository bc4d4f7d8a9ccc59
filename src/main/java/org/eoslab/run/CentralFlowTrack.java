package org.eoslab.run;

import org.eoslab.config.InvalidParameterException;
import org.eoslab.engine.CentralFlow;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.FlowModel;
import org.eoslab.metrics.CentralFlowColumns;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.MlpSurface;
import org.eoslab.metrics.SurfaceFlow;

/**
 * The central flow beside a run, from the same initial weights, one unit of time per GD step, measured into rows of
 * {@link CentralFlowColumns}: a dense linear run's ({@link CentralFlow}: exact derivatives, the paper's flow or GD's
 * 2-cycle) or a ReLU network's ({@link SurfaceFlow}: the paper's flow on its flat parameters, ∇S by a central
 * difference of Hessian-vector products). Made before the run steps; owned by the thread that steps the run.
 */
public final class CentralFlowTrack {
    /** Midpoint steps per unit of time (against 8: the default preset's σ², loss and σ₁ at 1.05 η₁ agree to 6 digits). */
    static final int SUBSTEPS = 4;
    /**
     * The ReLU network's midpoint steps per unit of time: each evaluation is a warm Lanczos and two more
     * Hessian-vector products, so a flow step costs about as many HVPs as {@value} × 2 × 17.
     */
    static final int RELU_SUBSTEPS = 8;

    private final FlowModel flow;
    private final CentralFlowColumns columns;

    private CentralFlowTrack(FlowModel flow, int top) {
        this.flow = flow;
        this.columns = new CentralFlowColumns(top);
    }

    /**
     * The flow of a dense linear run at its step 0.
     *
     * @param cycle hold GD's 2-cycle condition (with the fourth derivative) instead of the paper's S = 2/η
     */
    public static CentralFlowTrack of(Run<?> run, boolean cycle) {
        if (run.step() != 0) throw new IllegalStateException("the flow starts where GD starts, at step 0");
        if (run instanceof MlpTrainer relu) {
            if (cycle) {
                throw new InvalidParameterException("central flow", "'cycle' holds GD's 2-cycle condition through the"
                        + " loss's fourth derivative, which a ReLU network (piecewise linear) does not have; use 'paper'");
            }
            return new CentralFlowTrack(new SurfaceFlow(new MlpSurface(relu.mlp()), relu.parameters().seed(), RELU_SUBSTEPS), 0);
        }
        if (!(run instanceof Trainer t) || !(t.dynamics() instanceof DenseEngine dense)) {
            throw new InvalidParameterException("central flow", "follows the deep linear network's dense engine"
                    + " (engine: dense) or the ReLU network; the reduced recursion has none here");
        }
        return new CentralFlowTrack(new CentralFlow(dense, t.parameters().seed(), SUBSTEPS, cycle),
                Math.min(t.parameters().top(), dense.width()));
    }

    public Layout columns() { return columns; }

    /** The step at which the flow's numbers stopped being finite (its later rows are NaN), or −1. */
    public long brokeAt() { return flow.brokeAt(); }

    /** The row of the flow's starting point (GD's step 0). */
    public Snapshot start(double eta) {
        flow.measure(eta);
        return row(0, eta);
    }

    /** One unit of time at η; the row of step {@code step}. */
    public Snapshot advance(long step, double eta) {
        flow.advance(eta);
        return row(step, eta);
    }

    private Snapshot row(long step, double eta) {
        double[] row = columns.emptyRow();
        row[Layout.STEP] = step;
        row[columns.eta()] = eta;
        if (flow.brokeAt() >= 0) return Snapshot.of(columns, row);
        row[Layout.LOSS] = flow.loss();
        row[Layout.SHARPNESS] = flow.sharpness();
        row[columns.variance()] = flow.variance();
        row[columns.meanLoss()] = flow.predictedLoss();
        if (columns.top() == 0) return Snapshot.of(columns, row);
        double[] own = flow.singularValues(columns.top()), mean = flow.predictedSingularValues(columns.top());
        for (int i = 1; i <= columns.top(); i++) {
            row[columns.sigma(i)] = own[i - 1];
            row[columns.meanSigma(i)] = mean[i - 1];
        }
        return Snapshot.of(columns, row);
    }
}
