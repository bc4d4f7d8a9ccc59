package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eoslab.config.Expectation;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Outcome;

/**
 * Runs a preset headless under one of its {@link Expectation}s and lists every promise that did not hold,
 * each with the value measured. Used by the tests that keep the shipped presets honest.
 */
public final class PresetCheck {
    private PresetCheck() {}

    /** Every failed promise of {@code e} for {@code preset}; empty if all hold. */
    public static List<String> failures(Preset preset, Expectation e) {
        Parameters p = e.applyTo(preset.parameters()).validate();
        boolean needsSharpness = e.sharpnessOverTwoOverEtaAtMost() != null || e.sharpnessOverTwoOverEtaAtLeast() != null;
        if (!needsSharpness) p = p.withSharpnessEvery(0);   // sharpness never changes the trajectory
        Trainer trainer = new Trainer(p);
        Columns c = trainer.columns();
        TailWindow tail = new TailWindow(c, trainer.target().singularValues(), TailWindow.DEFAULT_CAPACITY);
        long half = p.steps() / 2;
        double maxSharpness = Double.NEGATIVE_INFINITY;
        double maxAngle = 0;
        double maxMixing = 0;
        tail.add(trainer.snapshot());
        while (trainer.step() < p.steps() && trainer.advance()) {
            Snapshot s = trainer.snapshot();
            tail.add(s);
            if (s.step() < half) continue;
            if (!Double.isNaN(s.sharpness())) maxSharpness = Math.max(maxSharpness, s.sharpness());
            maxAngle = Math.max(maxAngle, finiteOrZero(Math.max(s.get(c.angleLeft()), s.get(c.angleRight()))));
            maxMixing = Math.max(maxMixing, finiteOrZero(s.get(c.modeMixing())));
        }
        Outcome outcome = tail.outcome(trainer.divergedAt());
        Snapshot last = trainer.snapshot();
        List<String> failed = new ArrayList<>();
        String where = "at η = " + p.eta() + ", " + p.steps() + " steps: ";
        if (e.status() != null && !e.status().equalsIgnoreCase(outcome.status().name())) {
            failed.add(where + "status " + outcome.describe() + ", promised " + e.status());
        }
        if (e.oscillatingModes() != null && e.oscillatingModes() != outcome.oscillatingModes().size()) {
            failed.add(where + outcome.describe() + ", promised " + e.oscillatingModes() + " oscillating modes");
        }
        if (e.period() != null && (outcome.modes().isEmpty() || outcome.modes().get(0).period() != e.period())) {
            failed.add(where + "mode 1 " + outcome.describe() + ", promised period " + e.period());
        }
        double twoOverEta = 2.0 / p.eta();
        if (e.sharpnessOverTwoOverEtaAtMost() != null && !(maxSharpness <= e.sharpnessOverTwoOverEtaAtMost() * twoOverEta)) {
            failed.add(where + fmt("largest sharpness %.4g·(2/η), promised ≤ %.4g", maxSharpness / twoOverEta, e.sharpnessOverTwoOverEtaAtMost()));
        }
        if (e.sharpnessOverTwoOverEtaAtLeast() != null && !(maxSharpness >= e.sharpnessOverTwoOverEtaAtLeast() * twoOverEta)) {
            failed.add(where + fmt("largest sharpness %.4g·(2/η), promised ≥ %.4g", maxSharpness / twoOverEta, e.sharpnessOverTwoOverEtaAtLeast()));
        }
        double gap = last.get(c.balanceGap(1));
        if (e.balanceGapAtMost() != null && !(gap <= e.balanceGapAtMost())) {
            failed.add(where + fmt("final balance gap of mode 1 %.3g, promised ≤ %.3g", gap, e.balanceGapAtMost()));
        }
        if (e.balanceGapAtLeast() != null && !(gap >= e.balanceGapAtLeast())) {
            failed.add(where + fmt("final balance gap of mode 1 %.3g, promised ≥ %.3g", gap, e.balanceGapAtLeast()));
        }
        double angle = Math.max(last.get(c.angleLeft()), last.get(c.angleRight()));
        if (e.angleDegreesAtMost() != null && !(angle <= e.angleDegreesAtMost())) {
            failed.add(where + fmt("final angle to U*, V* %.3g°, promised ≤ %.3g°", angle, e.angleDegreesAtMost()));
        }
        if (e.angleDegreesAtLeast() != null && !(maxAngle >= e.angleDegreesAtLeast())) {
            failed.add(where + fmt("largest angle in the second half %.3g°, promised ≥ %.3g°", maxAngle, e.angleDegreesAtLeast()));
        }
        if (e.modeMixingAtLeast() != null && !(maxMixing >= e.modeMixingAtLeast())) {
            failed.add(where + fmt("largest mode mixing in the second half %.3g, promised ≥ %.3g", maxMixing, e.modeMixingAtLeast()));
        }
        return failed;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
