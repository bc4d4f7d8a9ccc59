package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a preset promises the viewer, checkable headless: run the preset (η, steps or engine optionally
 * overridden) and compare the run with every field that is set. Modes are judged by their own values
 * u*ᵢᵀPv*ᵢ. "Second half" means the steps after half of the run.
 *
 * @param eta run at this η instead of the preset's (null: the preset's)
 * @param steps run this many steps instead of the preset's (null: the preset's)
 * @param engine run with this engine instead of the preset's (null: the preset's)
 * @param status "converged", "oscillating", "diverged" or "training" at the end
 * @param oscillatingModes how many modes oscillate at the end
 * @param period the period of mode 1 at the end (0 = none up to 64)
 * @param escapedModes how many modes have left the saddle at the end (own value at least half of σ*ᵢ)
 * @param sharpnessOverTwoOverEtaAtMost largest sharpness sampled in the second half, in units of 2/η, at most
 * @param sharpnessOverTwoOverEtaAtLeast ... at least
 * @param lowestSharpnessOverTwoOverEtaAtMost smallest sharpness sampled in the second half, in units of 2/η, at most
 * @param lowestSharpnessOverTwoOverEtaAtLeast ... at least
 * @param balanceGapAtMost mode 1's final balancedness gap is at most this
 * @param balanceGapAtLeast ... or at least this (a gap that GD does not close)
 * @param angleDegreesAtMost P's singular subspaces end within this angle of U*, V*
 * @param angleDegreesAtLeast ... or are at least this far from them at some step of the second half
 * @param firstAngleDegreesAtLeast the angle at step 1 is at least this (the vectors start away from U*, V*)
 * @param modeMixingAtLeast modes mix at least this much at some step of the second half
 * @param modeMixingAtMost modes never mix more than this, over the whole run
 * @param basisDistanceAtMost every layer stays this close to its Theorem 1 / Conjecture 2 bases, over the run
 * @param finalBasisDistanceAtLeast some layer ends at least this far from them (they do not hold)
 * @param orbit mode 1's two values on its final steps, low then high, each within 0.1 % (a period-2 orbit)
 * @param residualSingularValueAtMost σ_{r+1}(P) stays at most this over the whole run (P keeps rank r)
 * @param escapedModeAngleDegreesAtMost once a mode has left the saddle, its own vectors stay within this angle of
 *                                      u*ᵢ, v*ᵢ (the angles of Pv*ᵢ to u*ᵢ and of Pᵀu*ᵢ to v*ᵢ; dense engine)
 * @param finalSvdBasisDistanceAtLeast at the final step, the paper's SVD-based distance of some layer from its
 *                                     predicted bases is at least this (Fig. 11)
 * @param finalSvdBasisDistanceAtMost ... of every layer at most this
 * @param landscapeSharpnessOverTwoOverEtaAtLeast at the final step, the Landscape tab's S (through the sharper of the
 *                                               last two iterates), in units of 2/η, at least this
 * @param landscapeSharpnessOverTwoOverEtaAtMost ... at most this
 * @param landscapeAlternates the Landscape tab's last 16 iterates change sides of the valley along u₁ at every step
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Expectation(Double eta, Long steps, EngineKind engine, String status, Integer oscillatingModes,
                          Integer period, Integer escapedModes,
                          Double sharpnessOverTwoOverEtaAtMost, Double sharpnessOverTwoOverEtaAtLeast,
                          Double lowestSharpnessOverTwoOverEtaAtMost, Double lowestSharpnessOverTwoOverEtaAtLeast,
                          Double balanceGapAtMost, Double balanceGapAtLeast, Double angleDegreesAtMost,
                          Double angleDegreesAtLeast, Double firstAngleDegreesAtLeast, Double modeMixingAtLeast,
                          Double modeMixingAtMost, Double basisDistanceAtMost, Double finalBasisDistanceAtLeast,
                          double[] orbit, Double residualSingularValueAtMost, Double escapedModeAngleDegreesAtMost,
                          Double finalSvdBasisDistanceAtLeast, Double finalSvdBasisDistanceAtMost,
                          Double landscapeSharpnessOverTwoOverEtaAtLeast, Double landscapeSharpnessOverTwoOverEtaAtMost,
                          Boolean landscapeAlternates) {

    /** The parameters this expectation runs with. */
    public Parameters applyTo(Parameters p) {
        Parameters q = p;
        if (eta != null) q = q.withEta(eta);
        if (steps != null) q = q.withSteps(steps);
        if (engine != null) q = q.withEngine(engine);
        return q;
    }

    /** True when a sharpness bound is promised (the run must then estimate it). */
    public boolean needsSharpness() {
        return sharpnessOverTwoOverEtaAtMost != null || sharpnessOverTwoOverEtaAtLeast != null
                || lowestSharpnessOverTwoOverEtaAtMost != null || lowestSharpnessOverTwoOverEtaAtLeast != null;
    }
}
