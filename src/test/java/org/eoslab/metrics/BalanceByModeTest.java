package org.eoslab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.run.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Fig. 4's balancedness is judged mode by mode: the dense engine's balance_gap_i (each layer's value on mode i's own
 * bases) equals the reduced recursion's, which follows each mode exactly, step for step. Ranked by sorted singular
 * value instead, "mode 1" read mode 2's gap whenever σ₁'s low branch dipped below σ₂* (6.5e-5 ↔ 1e-15 every other
 * step in the default run).
 */
class BalanceByModeTest {
    @Test
    void theDenseRunsBalanceGapsAreTheReducedRecursionsModeByMode() {
        Parameters dense = Parameters.defaults().withSteps(1500).validate();         // η = 0.3: σ₁ in its 2-cycle
        Trainer a = new Trainer(dense);
        Trainer b = new Trainer(dense.withEngine(EngineKind.REDUCED));
        Columns ca = a.columns();
        Columns cb = b.columns();
        for (long t = 0; t < dense.steps(); t++) {
            a.advance();
            b.advance();
            var ra = a.snapshot();
            var rb = b.snapshot();
            for (int i = 1; i <= dense.rank(); i++) {
                double expected = rb.get(cb.balanceGap(i));
                assertEquals(expected, ra.get(ca.balanceGap(i)), 1e-9 + 1e-6 * expected, "mode " + i + " at step " + (t + 1));
            }
        }
    }
}
