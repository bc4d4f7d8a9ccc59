package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a preset promises the viewer, checkable headless: run the preset (η and steps optionally
 * overridden) and compare the end of the run with every field that is set.
 *
 * @param eta run at this η instead of the preset's (null: the preset's)
 * @param steps run this many steps instead of the preset's (null: the preset's)
 * @param status "converged", "oscillating", "diverged" or "training" at the end
 * @param oscillatingModes how many modes oscillate at the end
 * @param period the period of mode 1 at the end (0 = none up to 64)
 * @param sharpnessOverTwoOverEtaAtMost largest sharpness over the last half of the run, in units of 2/η, is at most this
 * @param sharpnessOverTwoOverEtaAtLeast ... and at least this
 * @param balanceGapAtMost mode 1's final balancedness gap is at most this
 * @param balanceGapAtLeast ... or at least this (a gap that GD does not close)
 * @param angleDegreesAtMost P's singular subspaces end within this angle of U*, V*
 * @param angleDegreesAtLeast ... or move at least this much at some point of the second half
 * @param modeMixingAtLeast modes mix at least this much at some point of the second half
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Expectation(Double eta, Long steps, String status, Integer oscillatingModes, Integer period,
                          Double sharpnessOverTwoOverEtaAtMost, Double sharpnessOverTwoOverEtaAtLeast,
                          Double balanceGapAtMost, Double balanceGapAtLeast, Double angleDegreesAtMost, Double angleDegreesAtLeast,
                          Double modeMixingAtLeast) {

    /** The parameters this expectation runs with. */
    public Parameters applyTo(Parameters p) {
        Parameters q = p;
        if (eta != null) q = q.withEta(eta);
        if (steps != null) q = q.withSteps(steps);
        return q;
    }
}
