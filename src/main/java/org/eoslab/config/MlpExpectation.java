package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a preset promises about its ReLU network (paper section 4.2, Figs. 1, 9, 15-18), checkable headless:
 * run the preset's network (samples, η and steps optionally overridden, layer spectra measured every step) and
 * compare. "After the edge" means the steps after the sharpness first reached 2/η; the layer is the
 * penultimate one.
 *
 * @param samples run on this many samples instead of the preset's (null: the preset's)
 * @param eta run at this η instead of the preset's (null: the preset's)
 * @param steps run this many steps instead of the preset's (null: the preset's)
 * @param seed run with this seed (init draw and sample subset) instead of the preset's (null: the preset's)
 * @param reachesEdgeByStep the sharpness reaches 2/η by this step
 * @param medianSharpnessOverTwoOverEtaAtLeast the median sharpness of the second half, in units of 2/η, at least
 * @param medianSharpnessOverTwoOverEtaAtMost ... at most
 * @param lowestSharpnessOverTwoOverEtaAtLeast the smallest sharpness sampled in the second half, in units of 2/η,
 *                                             at least (1: it never dips below 2/η)
 * @param lowestSharpnessOverTwoOverEtaAtMost ... at most (below 1: it dips below 2/η, it hovers)
 * @param lossRiseFractionAtLeast the loss rises on at least this fraction of the steps after the edge
 * @param topToBottomMotionAtLeast the top-5 singular values move at least this many times more per step than
 *                                 the bottom-5 after the edge
 * @param bottomToTopRelativeMotionAtLeast relative to themselves (|Δσ|/σ), the bottom-5 move at least this many
 *                                         times more per step than the top-5 after the edge
 * @param topReversalFractionAtLeast σ₁'s step changes sign (a zig-zag) on at least this fraction of the steps
 *                                   after the edge
 * @param topReversalFractionAtMost ... at most
 * @param topGrowthAtLeast σ₁ of the layer grows by at least this fraction over the run
 * @param ended "diverged" or "died" if the run must end that way; null: it must run to the end
 * @param landscapeSharpnessOverTwoOverEtaAtLeast at the final step, the ReLU landscape tab's S (through the sharper of
 *                                                the last two iterates), in units of 2/η, at least
 * @param landscapeSharpnessOverTwoOverEtaAtMost ... at most
 * @param landscapeAlternates the tab's last 16 iterates change sides along u₁ at every step (false: not at every step)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MlpExpectation(Integer samples, Double eta, Long steps, Long seed, Long reachesEdgeByStep,
                             Double medianSharpnessOverTwoOverEtaAtLeast, Double medianSharpnessOverTwoOverEtaAtMost,
                             Double lowestSharpnessOverTwoOverEtaAtLeast, Double lowestSharpnessOverTwoOverEtaAtMost,
                             Double lossRiseFractionAtLeast, Double topToBottomMotionAtLeast,
                             Double bottomToTopRelativeMotionAtLeast, Double topReversalFractionAtLeast,
                             Double topReversalFractionAtMost, Double topGrowthAtLeast, String ended,
                             Double landscapeSharpnessOverTwoOverEtaAtLeast, Double landscapeSharpnessOverTwoOverEtaAtMost,
                             Boolean landscapeAlternates) {

    /** The parameters this expectation runs with: every step measured, sharpness every 11 steps (odd: both branches). */
    public MlpParameters applyTo(MlpParameters p) {
        MlpParameters q = p.withMetricsEvery(1).withSharpnessEvery(11);
        if (samples != null) q = q.withSamples(samples);
        if (eta != null) q = q.withEta(eta);
        if (steps != null) q = q.withSteps(steps);
        if (seed != null) q = q.withSeed(seed);
        return q;
    }
}
