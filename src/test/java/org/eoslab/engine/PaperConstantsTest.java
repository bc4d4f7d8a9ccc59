package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Outcome;
import org.eoslab.metrics.Theory;
import org.eoslab.ui.PaperConstants;
import org.junit.jupiter.api.Test;

/**
 * The Help menu's note on the paper's constants says what the runs show: Conjecture 1's η = 1/σ*^(2−2/L) is
 * (L/2)·η₁, the same as the onset for L = 2 and, for L = 3, 1.5·η₁, past the cascade, in a period-6 window. (The sharpness,
 * onset and trace claims are checked by SharpnessAtMinimumTest, OscillationTest and HessianTraceTest.)
 */
class PaperConstantsTest {
    static double conjectureOneEta(double s, int depth) {
        return 1 / Math.pow(s, 2 - 2.0 / depth);               // paper, Conjecture 1 (sum loss)
    }

    @Test
    void conjectureOnesLearningRateIsTheOnsetOnlyForTwoLayers() {
        assertEquals(Theory.onsetLearningRate(1.7, 2, 1.0), conjectureOneEta(1.7, 2), 1e-15);
        assertEquals(1.5 * Theory.onsetLearningRate(1.7, 3, 1.0), conjectureOneEta(1.7, 3), 1e-15);
    }

    @Test
    void atConjectureOnesLearningRateAThreeLayerOrbitHasPeriodSixNotTwo() {
        Parameters p = Parameters.defaults().withWidth(4).withTop(3).withSpectrum(new double[] {1.0}).withEngine(EngineKind.REDUCED)
                .withSharpnessEvery(0).withEta(conjectureOneEta(1.0, 3)).withSteps(20_000).validate();
        Outcome outcome = OscillationTest.runToEnd(p);
        assertEquals(Outcome.Status.OSCILLATING, outcome.status(), outcome.describe());
        assertEquals(6, outcome.modes().get(0).period(), "a period-6 window past the cascade: " + outcome.describe());
    }

    @Test
    void theNoteSaysSo() {
        String note = PaperConstants.text();
        assertTrue(note.contains("(L/2)·ηᵢ: 1.5·ηᵢ for L = 3"), note);
        assertTrue(note.contains("there the orbit has period 6"), note);
        assertTrue(note.contains("L·σ*ᵢ^(2−2/L)"), note);
    }
}
