package org.eoslab.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The central flow's columns (issue 26), one row per GD step beside trajectory.csv's: step, cf_loss, cf_sharpness,
 * eta, cf_sigma2 (σ², the predicted variance of GD's oscillation along u), cf_mean_loss (the predicted time average of
 * GD's loss), the flow's own singular values cf_sigma_i and the predicted time averages of GD's, cf_mean_sigma_i.
 */
public record CentralFlowColumns(int top) implements Layout {
    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of("step", "cf_loss", "cf_sharpness", "eta", "cf_sigma2", "cf_mean_loss"));
        for (int i = 1; i <= top; i++) names.add("cf_sigma_" + i);
        for (int i = 1; i <= top; i++) names.add("cf_mean_sigma_" + i);
        return names;
    }

    @Override public int count() { return 6 + 2 * top; }

    @Override public int eta() { return 3; }

    public int variance() { return 4; }

    public int meanLoss() { return 5; }

    /** The flow's σ_i(P), 1-based. */
    public int sigma(int i) { return 5 + i; }

    /** The predicted time average of GD's σ_i(P), 1-based. */
    public int meanSigma(int i) { return 5 + top + i; }
}
