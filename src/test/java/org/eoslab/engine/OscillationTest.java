package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Outcome;
import org.eoslab.metrics.Theory;
import org.eoslab.numerics.SingularSpectrum;
import org.eoslab.run.TailWindow;
import org.eoslab.run.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mode i oscillates exactly when η &gt; η_i = 2/(L·σ*_i^{2−2/L}) (math.md), and just past the first onset
 * the orbit is an exact 2-cycle of the reduced map.
 */
class OscillationTest {
    /** Spectrum with onsets η_i = 0.20, 0.215, 0.23 at L = 3 (sum loss): σ*_i = (2/(3η_i))^{3/4}. */
    static double[] spectrumWithOnsets(double... onsets) {
        double[] s = new double[onsets.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.pow(2.0 / (3 * onsets[i]), 0.75);
        return s;
    }

    /** Runs a trainer to the end and judges the tail. */
    static Outcome runToEnd(Parameters p) {
        Trainer trainer = new Trainer(p);
        TailWindow tail = new TailWindow(trainer.columns(), p.singularValues(), TailWindow.DEFAULT_CAPACITY);
        while (trainer.step() < p.steps() && trainer.advance()) tail.add(trainer.snapshot());
        return tail.outcome(trainer.divergedAt());
    }

    static void assertOscillating(Outcome outcome, int expected) {
        List<Integer> modes = outcome.oscillatingModes();
        assertEquals(expected, modes.size(), outcome.describe());
        for (int i = 1; i <= expected; i++) assertTrue(modes.contains(i), "mode " + i + " oscillates: " + outcome.describe());
        for (Outcome.ModeBehaviour m : outcome.modes()) {
            assertEquals(m.oscillating() ? 2 : 1, m.period(), "period of mode " + m.mode() + ": " + outcome.describe());
        }
    }

    /** Close onsets (0.20, 0.215, 0.23) keep mode 1 in its period-2 band while all three modes join. */
    @ParameterizedTest(name = "reduced, eta={0}: {1} modes")
    @CsvSource({"0.196, 0", "0.204, 1", "0.2107, 1", "0.2193, 2", "0.2254, 2", "0.2346, 3"})
    void eachModeOscillatesPastItsOnsetInTheReducedEngine(double eta, int expected) {
        double[] s = spectrumWithOnsets(0.20, 0.215, 0.23);
        assertEquals(expected, Theory.oscillatingModeCount(eta, s, 3, 1.0), "the spectrum is built for this count");
        assertOscillating(runToEnd(Parameters.defaults().withWidth(8).withSpectrum(s).withEta(eta)
                .withEngine(org.eoslab.config.EngineKind.REDUCED).withSteps(6000).validate()), expected);
    }

    /**
     * The dense engine agrees with the count while η stays below the cross-mode onset η_12 (here
     * 0.392 = 1.48·η_1 for σ* = (2, 1), L = 3); mode 2's own onset is 0.667.
     */
    @ParameterizedTest(name = "dense, eta/eta1={0}: {1} modes")
    @CsvSource({"0.95, 0", "0.99, 0", "1.02, 1", "1.10, 1", "1.20, 1"})
    void denseEngineMatchesBelowTheCrossModeOnset(double ratio, int expected) {
        double[] s = {2.0, 1.0};
        double eta = ratio * Theory.onsetLearningRate(s[0], 3, 1.0);
        assertTrue(eta < Theory.crossModeOnset(s[0], s[1], 3, 1.0));
        assertEquals(expected, Theory.oscillatingModeCount(eta, s, 3, 1.0));
        assertOscillating(runToEnd(Parameters.defaults().withWidth(8).withSpectrum(s).withEta(eta)
                .withSteps(5000).withSharpnessEvery(0).validate()), expected);
    }

    /**
     * Past η_12 the balanced minimum is unstable in the direction that mixes modes 1 and 2: rounding
     * errors grow and the dense engine leaves Theorem 1's invariant manifold: modes 1 and 2 mix (inside
     * the top-r subspace, so the principal angles stay small and only {@code mode_mixing} sees it),
     * although only mode 1 is past its own onset. Just below η_12 the mixing stays at rounding level.
     */
    @ParameterizedTest(name = "eta/eta12={0}")
    @CsvSource({"0.97, false", "1.04, true"})
    void denseEngineLeavesTheInvariantManifoldPastTheCrossModeOnset(double ratio, boolean leaves) {
        double[] s = {2.0, 1.8};
        double eta12 = Theory.crossModeOnset(s[0], s[1], 3, 1.0);
        double eta = ratio * eta12;
        assertTrue(eta > Theory.onsetLearningRate(s[0], 3, 1.0) && eta < Theory.onsetLearningRate(s[1], 3, 1.0),
                "only mode 1 is past its own onset");
        Trainer trainer = new Trainer(Parameters.defaults().withWidth(6).withSpectrum(s).withEta(eta)
                .withSteps(6000).withSharpnessEvery(0).validate());
        double worstMixing = 0;
        while (trainer.step() < 6000 && trainer.advance()) {
            double mixing = trainer.snapshot().get(trainer.columns().modeMixing());
            if (trainer.step() > 1000) worstMixing = Math.max(worstMixing, mixing);
        }
        if (leaves) {
            assertTrue(trainer.diverged() || worstMixing > 1e-2, "modes 1 and 2 mix: worst mixing " + worstMixing);
        } else {
            assertTrue(!trainer.diverged() && worstMixing < 1e-10, "no mixing: worst " + worstMixing);
        }
    }

    @Test
    void periodTwoOrbitIsExactlyPeriodicAndSolvesTheTwoStepMap() {
        int depth = 3;
        double s = 1.5;
        double eta = 1.1 * Theory.onsetLearningRate(s, depth, 1.0);
        Parameters p = Parameters.defaults().withWidth(6).withSpectrum(new double[] {s}).withEta(eta)
                .withAlpha(0.05).validate();
        DenseEngine engine = DenseEngine.create(p, Targets.of(p));
        double[] mode = new double[4000];
        for (int t = 0; t < mode.length; t++) {
            engine.forward();
            mode[t] = singularValue(engine);
            engine.step(eta);
        }
        int t = mode.length - 2;
        assertEquals(mode[t - 2], mode[t], 1e-12 * s, "σ(t+2) = σ(t)");
        assertEquals(mode[t - 1], mode[t + 1], 1e-12 * s, "σ(t+3) = σ(t+1)");
        assertTrue(Math.abs(mode[t] - mode[t + 1]) > 0.05 * s, "the two orbit points are distinct");

        // Independent: Newton on F(F(z)) = z for math.md's scalar map z = (x, y) started near the orbit
        double x = Math.cbrt(mode[t]);
        double y = x;
        double[] z = newtonTwoCycle(x, y, s, eta);
        double low = Math.min(mode[t], mode[t + 1]);
        double high = Math.max(mode[t], mode[t + 1]);
        double p1 = z[0] * z[1] * z[1];
        double[] next = map(z[0], z[1], s, eta);
        double p2 = next[0] * next[1] * next[1];
        assertNotEquals(p1, p2, 1e-6);
        assertEquals(low, Math.min(p1, p2), 1e-10);
        assertEquals(high, Math.max(p1, p2), 1e-10);
    }

    private static double singularValue(DenseEngine engine) {
        SingularSpectrum spectrum = new SingularSpectrum(engine.width(), false);
        spectrum.compute(engine.product());
        return spectrum.value(1);
    }

    /** math.md: p = x y², x ← x − η(p − s)y², y ← y − η x (p − s) y (L = 3). */
    static double[] map(double x, double y, double s, double eta) {
        double g = eta * (x * y * y - s);
        return new double[] {x - g * y * y, y - g * x * y};
    }

    static double[] newtonTwoCycle(double x, double y, double s, double eta) {
        for (int it = 0; it < 100; it++) {
            double h = 1e-7;
            double[] f = residual(x, y, s, eta);
            double[] fx = residual(x + h, y, s, eta);
            double[] fy = residual(x, y + h, s, eta);
            double a = (fx[0] - f[0]) / h, b = (fy[0] - f[0]) / h;
            double c = (fx[1] - f[1]) / h, d = (fy[1] - f[1]) / h;
            double det = a * d - b * c;
            double dx = (d * f[0] - b * f[1]) / det;
            double dy = (a * f[1] - c * f[0]) / det;
            x -= dx;
            y -= dy;
            if (Math.abs(dx) + Math.abs(dy) < 1e-15) break;
        }
        return new double[] {x, y};
    }

    private static double[] residual(double x, double y, double s, double eta) {
        double[] one = map(x, y, s, eta);
        double[] two = map(one[0], one[1], s, eta);
        return new double[] {two[0] - x, two[1] - y};
    }

    /**
     * Modes are judged by their own values u*ᵢᵀPv*ᵢ, not by the sorted σᵢ(P): with the orthogonal init at η = 0.3
     * (only η₁ = 0.265 passed, σ* = (2, 1.5, 1)) σ₁'s low branch (≈1.38) lies below σ₂* = 1.5, so the sorted σ₂
     * alternates with σ₁'s branches, while mode 2's own value stays put.
     */
    @Test
    void modesAreJudgedByTheirOwnValuesNotBySortedSingularValues() {
        Parameters p = Parameters.defaults().withInit(org.eoslab.config.Init.ORTHOGONAL).withSharpnessEvery(0)
                .withSteps(4000).validate();
        Trainer trainer = new Trainer(p);
        TailWindow tail = new TailWindow(trainer.columns(), p.singularValues(), TailWindow.DEFAULT_CAPACITY);
        double sortedMin = Double.POSITIVE_INFINITY, sortedMax = 0, ownMin = Double.POSITIVE_INFINITY, ownMax = 0;
        while (trainer.step() < p.steps() && trainer.advance()) {
            tail.add(trainer.snapshot());
            if (trainer.step() < p.steps() - 100) continue;
            double sorted = trainer.snapshot().get(trainer.columns().sigma(2));
            double own = Math.abs(trainer.snapshot().get(trainer.columns().mode(2)));
            sortedMin = Math.min(sortedMin, sorted);
            sortedMax = Math.max(sortedMax, sorted);
            ownMin = Math.min(ownMin, own);
            ownMax = Math.max(ownMax, own);
        }
        assertTrue(sortedMax - sortedMin > 0.05, "the sorted σ₂ alternates: " + sortedMin + ".." + sortedMax);
        assertTrue(ownMax - ownMin < 1e-9, "mode 2's own value is still: " + ownMin + ".." + ownMax);
        assertEquals(1.5, ownMax, 1e-6, "at σ₂*");
        assertOscillating(tail.outcome(trainer.divergedAt()), 1);
    }
}
