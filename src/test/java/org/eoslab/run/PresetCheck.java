package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eoslab.config.Expectation;
import org.eoslab.config.MlpExpectation;
import org.eoslab.metrics.LandscapeProbe;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.EdgeOfStabilityStats;
import org.eoslab.metrics.Outcome;

/**
 * Runs a preset headless under one of its {@link Expectation}s and lists every promise that did not hold,
 * each with the value measured. Used by the tests that keep the shipped presets honest.
 */
public final class PresetCheck {
    private PresetCheck() {}

    /** An orbit's promised values are given to four digits. */
    static final double ORBIT_TOLERANCE = 1e-3;

    /** What a run showed, reduced to the quantities expectations speak of. */
    private record Measured(Outcome outcome, double maxSharpness, double minSharpness, double maxAngle,
                            double firstAngle, double finalAngle, double maxMixingSecondHalf, double maxMixing,
                            double finalGap, int escaped, double maxBasisDistance, double finalBasisDistance,
                            double[] finalOrbit, double maxResidual, double maxEscapedModeAngle,
                            double finalSvdBasisDistance, org.eoslab.metrics.Landscape landscape) {}

    /** Every failed promise of {@code e} for {@code preset}; empty if all hold. */
    public static List<String> failures(Preset preset, Expectation e) {
        Parameters p = e.applyTo(preset.parameters()).validate();
        if (!e.needsSharpness()) p = p.withSharpnessEvery(0);   // sharpness never changes the trajectory
        Measured m = measure(p);
        List<String> failed = new ArrayList<>();
        String where = "at η = " + p.eta() + ", " + p.steps() + " steps, " + p.engine() + " engine: ";
        String described = m.outcome().describe();
        if (e.status() != null && !e.status().equalsIgnoreCase(m.outcome().status().name())) {
            failed.add(where + "status " + described + ", promised " + e.status());
        }
        if (e.oscillatingModes() != null && e.oscillatingModes() != m.outcome().oscillatingModes().size()) {
            failed.add(where + described + ", promised " + e.oscillatingModes() + " oscillating modes");
        }
        if (e.period() != null && (m.outcome().modes().isEmpty() || m.outcome().modes().get(0).period() != e.period())) {
            failed.add(where + "mode 1 " + described + ", promised period " + e.period());
        }
        if (e.escapedModes() != null && e.escapedModes() != m.escaped()) {
            failed.add(where + m.escaped() + " modes left the saddle, promised " + e.escapedModes());
        }
        double edge = 2.0 / p.eta();
        bound(failed, where, "largest sharpness in the second half, ·(2/η)", m.maxSharpness() / edge,
                e.sharpnessOverTwoOverEtaAtLeast(), e.sharpnessOverTwoOverEtaAtMost());
        bound(failed, where, "smallest sharpness in the second half, ·(2/η)", m.minSharpness() / edge,
                e.lowestSharpnessOverTwoOverEtaAtLeast(), e.lowestSharpnessOverTwoOverEtaAtMost());
        bound(failed, where, "final balance gap of mode 1", m.finalGap(), e.balanceGapAtLeast(), e.balanceGapAtMost());
        bound(failed, where, "final angle to U*, V* [°]", m.finalAngle(), null, e.angleDegreesAtMost());
        bound(failed, where, "largest angle in the second half [°]", m.maxAngle(), e.angleDegreesAtLeast(), null);
        bound(failed, where, "angle at step 1 [°]", m.firstAngle(), e.firstAngleDegreesAtLeast(), null);
        bound(failed, where, "largest mode mixing in the second half", m.maxMixingSecondHalf(), e.modeMixingAtLeast(), null);
        bound(failed, where, "largest mode mixing", m.maxMixing(), null, e.modeMixingAtMost());
        bound(failed, where, "largest distance of a layer from its predicted bases", m.maxBasisDistance(), null,
                e.basisDistanceAtMost());
        bound(failed, where, "final distance of the layers from their predicted bases", m.finalBasisDistance(),
                e.finalBasisDistanceAtLeast(), null);
        if (e.orbit() != null) {
            for (int k = 0; k < 2; k++) {
                bound(failed, where, (k == 0 ? "low" : "high") + " value of mode 1's final orbit", m.finalOrbit()[k],
                        e.orbit()[k] * (1 - ORBIT_TOLERANCE), e.orbit()[k] * (1 + ORBIT_TOLERANCE));
            }
        }
        bound(failed, where, "largest σ_{r+1}(P)", m.maxResidual(), null, e.residualSingularValueAtMost());
        bound(failed, where, "largest angle of an escaped mode's own vectors [°]", m.maxEscapedModeAngle(), null,
                e.escapedModeAngleDegreesAtMost());
        bound(failed, where, "final SVD-based distance of the layers from their predicted bases",
                m.finalSvdBasisDistance(), e.finalSvdBasisDistanceAtLeast(), e.finalSvdBasisDistanceAtMost());
        landscape(failed, where, m.landscape(), e.landscapeSharpnessOverTwoOverEtaAtLeast(),
                e.landscapeSharpnessOverTwoOverEtaAtMost(), e.landscapeAlternates());
        return failed;
    }

    /** The Landscape tab's promises, at the final step. */
    private static void landscape(List<String> failed, String where, org.eoslab.metrics.Landscape l, Double atLeast,
                                  Double atMost, Boolean promisedAlternates) {
        if (promisedAlternates == null && atLeast == null && atMost == null) return;
        if (l == null) {
            failed.add(where + "no landscape (the dense engine and the ReLU network have one)");
            return;
        }
        bound(failed, where, "the Landscape tab's S, ·(2/η)", l.sharpness() * l.eta() / 2, atLeast, atMost);
        if (promisedAlternates != null) {
            double[] x = l.iterateX();
            boolean alternates = x.length > 1;
            for (int i = 1; i < x.length; i++) alternates &= x[i] * x[i - 1] < 0;
            if (alternates != promisedAlternates) {
                failed.add(where + "the last " + x.length + " iterates " + (alternates ? "alternate" : "do not alternate")
                        + " sides along u₁, promised the opposite");
            }
        }
    }

    /** Every failed promise about the preset's ReLU network; empty if all hold. */
    public static List<String> failures(Preset preset, MlpExpectation e) {
        MlpParameters p = e.applyTo(preset.mlpOrDefault()).validate();
        MlpTrainer trainer = new MlpTrainer(p);
        EdgeOfStabilityStats stats = new EdgeOfStabilityStats(trainer.columns());
        stats.add(trainer.snapshot()::get);
        boolean landscape = e.landscapeAlternates() != null || e.landscapeSharpnessOverTwoOverEtaAtLeast() != null
                || e.landscapeSharpnessOverTwoOverEtaAtMost() != null;
        while (trainer.step() < p.steps() && trainer.advance()) {
            stats.add(trainer.snapshot()::get);
            if (landscape && trainer.step() == p.steps() - LandscapeProbe.RECENT) trainer.landscape(3, 3);   // keep the last 16
        }
        EdgeOfStabilityStats.Summary m = stats.summary(p.eta());
        List<String> failed = new ArrayList<>();
        String where = "ReLU network, " + p.samples() + " samples, η = " + p.eta() + ", " + p.steps() + " steps, seed "
                + p.seed() + ": ";
        String ended = trainer.diverged() ? "diverged" : trainer.diedAt() >= 0 ? "died" : null;
        if (!java.util.Objects.equals(e.ended(), ended)) {
            failed.add(where + (ended == null ? "ran to the end" : trainer.endMessage()) + ", promised "
                    + (e.ended() == null ? "to run to the end" : e.ended()));
        }
        if (e.reachesEdgeByStep() != null && (m.edgeStep() < 0 || m.edgeStep() > e.reachesEdgeByStep())) {
            failed.add(where + "sharpness reached 2/η at step " + m.edgeStep() + ", promised by " + e.reachesEdgeByStep());
        }
        bound(failed, where, "median sharpness of the second half, ·(2/η)", m.medianSharpnessOverTwoOverEta(),
                e.medianSharpnessOverTwoOverEtaAtLeast(), e.medianSharpnessOverTwoOverEtaAtMost());
        bound(failed, where, "smallest sharpness of the second half, ·(2/η)", m.lowestSharpnessOverTwoOverEta(),
                e.lowestSharpnessOverTwoOverEtaAtLeast(), e.lowestSharpnessOverTwoOverEtaAtMost());
        bound(failed, where, "fraction of steps the loss rose after the edge", m.lossRiseFraction(),
                e.lossRiseFractionAtLeast(), null);
        bound(failed, where, "top-5 / bottom-5 motion per step", m.topToBottomMotion(), e.topToBottomMotionAtLeast(), null);
        bound(failed, where, "bottom-5 / top-5 motion per step relative to themselves", m.bottomToTopRelativeMotion(),
                e.bottomToTopRelativeMotionAtLeast(), null);
        bound(failed, where, "fraction of steps σ₁ turned back after the edge", m.topReversalFraction(),
                e.topReversalFractionAtLeast(), e.topReversalFractionAtMost());
        bound(failed, where, "growth of σ₁", m.topGrowth(), e.topGrowthAtLeast(), null);
        if (landscape) {
            landscape(failed, where, trainer.landscape(3, 3).orElse(null), e.landscapeSharpnessOverTwoOverEtaAtLeast(),
                    e.landscapeSharpnessOverTwoOverEtaAtMost(), e.landscapeAlternates());
        }
        return failed;
    }

    /** Adds a failure when {@code value} is below {@code atLeast} or above {@code atMost} (null: no bound). */
    private static void bound(List<String> failed, String where, String what, double value, Double atLeast, Double atMost) {
        if (atLeast != null && !(value >= atLeast)) failed.add(where + fmt("%s %.4g, promised ≥ %.4g", what, value, atLeast));
        if (atMost != null && !(value <= atMost)) failed.add(where + fmt("%s %.4g, promised ≤ %.4g", what, value, atMost));
    }

    private static Measured measure(Parameters p) {
        Trainer trainer = new Trainer(p);
        Columns c = trainer.columns();
        TailWindow tail = new TailWindow(c, trainer.targetValues(), TailWindow.DEFAULT_CAPACITY);
        long half = p.steps() / 2;
        double maxSharpness = Double.NEGATIVE_INFINITY, minSharpness = Double.POSITIVE_INFINITY;
        double maxAngle = 0, firstAngle = Double.NaN, maxMixingSecondHalf = 0, maxMixing = 0, maxBasis = 0;
        double maxResidual = 0, maxModeAngle = 0;
        ModeAngles modeAngles = ModeAngles.of(trainer);
        double[] targets = trainer.targetValues();
        boolean[] escapedOnce = new boolean[targets.length];
        double previousMode = Double.NaN;
        tail.add(trainer.snapshot());
        while (trainer.step() < p.steps() && trainer.advance()) {
            Snapshot s = trainer.snapshot();
            tail.add(s);
            double angle = finiteOrZero(Math.max(s.get(c.angleLeft()), s.get(c.angleRight())));
            double mixing = finiteOrZero(s.get(c.modeMixing()));
            if (s.step() == 1) firstAngle = angle;
            maxMixing = Math.max(maxMixing, mixing);
            maxBasis = Math.max(maxBasis, basisDistance(s, c));
            if (c.top() > targets.length) maxResidual = Math.max(maxResidual, finiteOrZero(s.get(c.sigma(targets.length + 1))));
            for (int i = 1; i <= targets.length; i++) escapedOnce[i - 1] |= Math.abs(s.get(c.mode(i))) >= targets[i - 1] / 2;
            if (modeAngles != null) maxModeAngle = Math.max(maxModeAngle, modeAngles.largest(escapedOnce));
            if (s.step() < p.steps()) previousMode = s.get(c.mode(1));
            if (s.step() < half) continue;
            if (!Double.isNaN(s.sharpness())) {
                maxSharpness = Math.max(maxSharpness, s.sharpness());
                minSharpness = Math.min(minSharpness, s.sharpness());
            }
            maxAngle = Math.max(maxAngle, angle);
            maxMixingSecondHalf = Math.max(maxMixingSecondHalf, mixing);
        }
        Snapshot last = trainer.snapshot();
        double lastMode = last.get(c.mode(1));
        double[] orbit = {Math.min(previousMode, lastMode), Math.max(previousMode, lastMode)};
        int escaped = 0;
        for (int i = 1; i <= targets.length; i++) if (Math.abs(last.get(c.mode(i))) >= targets[i - 1] / 2) escaped++;
        return new Measured(tail.outcome(trainer.divergedAt()), maxSharpness, minSharpness, maxAngle, firstAngle,
                Math.max(last.get(c.angleLeft()), last.get(c.angleRight())), maxMixingSecondHalf, maxMixing,
                last.get(c.balanceGap(1)), escaped, maxBasis, basisDistance(last, c), orbit, maxResidual, maxModeAngle,
                svdBasisDistance(last, c), trainer.landscape(101, 5).orElse(null));
    }

    /** The largest SVD-based distance of a layer from its predicted bases (Fig. 11); NaN counts as 0. */
    private static double svdBasisDistance(Snapshot s, Columns c) {
        double max = 0;
        for (int l = 1; l <= c.depth(); l++) max = Math.max(max, finiteOrZero(s.get(c.svdBasisDistance(l))));
        return max;
    }

    /** The largest distance of a layer from its predicted bases at this step (NaN, undefined, counts as 0). */
    private static double basisDistance(Snapshot s, Columns c) {
        double max = 0;
        for (int l = 1; l <= c.depth(); l++) max = Math.max(max, finiteOrZero(s.get(c.basisDistance(l))));
        return max;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
