package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.Parameters;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Layout;
import org.junit.jupiter.api.Test;

/**
 * A fork continues a run from its weights at any step: with the same η it reproduces the original run (the
 * weights and every quantity that is a function of them, bit for bit), across a live change of η and with
 * checkpoints thinned to fit their memory budget.
 */
class ForkTest {
    static final Parameters P = Parameters.defaults().withWidth(10).withEta(0.3).withSharpnessEvery(5).withSteps(1_000_000);

    @Test
    void aForkWithTheSameEtaReproducesTheRunBitForBit() throws Exception {
        try (LiveEngine<Parameters> e = LiveEngine.linear(P, false)) {
            LiveEngineTest.await(e, s -> s.history() != null);
            e.stepBy(400);
            LiveEngineTest.await(e, s -> s.steps() == 400 && !s.playing());
            e.setEta(0.31);                                                  // a live change the replay must follow
            e.stepBy(800);
            LiveState<Parameters> original = LiveEngineTest.await(e, s -> s.steps() == 1200 && !s.playing());
            History before = original.history();

            e.fork(420, 0.31);                                                // replays 384 → 420 across the change at 400
            LiveEngineTest.await(e, s -> s.generation() > original.generation());
            e.pause();
            e.stepBy(1200);
            LiveState<Parameters> forked = LiveEngineTest.await(e, s -> s.generation() > original.generation()
                    && s.steps() >= 1200 && !s.playing());
            e.pause();
            History after = forked.history();
            Columns c = Columns.of(P);
            int[] exact = {Layout.LOSS, c.eta(), c.mode(1), c.mode(2), c.mode(3)};
            for (int i = 0; i <= 1200; i++) {
                for (int col : exact) {
                    assertEquals(Double.doubleToLongBits(before.get(i, col)), Double.doubleToLongBits(after.get(i, col)),
                            "row " + i + ", column " + c.names().get(col));
                }
                // iterative measurements (Lanczos sharpness, warm-started top singular triplets) restart at the
                // checkpoint: equal to their solvers' tolerance
                for (int col = 0; col < c.count(); col++) {
                    double a = before.get(i, col);
                    double b = after.get(i, col);
                    if (Double.isNaN(a) && Double.isNaN(b)) continue;
                    assertEquals(a, b, 1e-9 * (1 + Math.abs(a)), "row " + i + ", column " + c.names().get(col));
                }
            }
        }
    }

    @Test
    void aForkWithAnotherEtaBranchesOffAtItsStep() throws Exception {
        try (LiveEngine<Parameters> e = LiveEngine.linear(P, false)) {
            LiveEngineTest.await(e, s -> s.history() != null);
            e.stepBy(600);
            LiveState<Parameters> original = LiveEngineTest.await(e, s -> s.steps() == 600 && !s.playing());
            double lossAt600 = original.history().get(600, Layout.LOSS);
            e.fork(300, 0.2);
            LiveState<Parameters> forked = LiveEngineTest.await(e, s -> s.generation() > original.generation() && s.steps() >= 600);
            e.pause();
            assertEquals(original.history().get(300, Layout.LOSS), forked.history().get(300, Layout.LOSS), 0.0, "shared up to the fork");
            assertEquals(0.2, forked.history().get(301, Columns.of(P).eta()), 0.0, "the new η from the step after");
            assertNotEquals(lossAt600, forked.history().get(600, Layout.LOSS), "a different branch");
            assertTrue(forked.message().startsWith("forked at step 300"), forked.message());

            e.fork(5_000, 0.2);                                                // past the run: refused, the run goes on
            LiveState<Parameters> refused = LiveEngineTest.await(e, s -> s.message() != null && s.message().startsWith("cannot fork"));
            assertEquals(forked.generation(), refused.generation());
        }
    }

    /** The fork tour's text on its own run: forked at 1500 with η = 0.25 the alternation dies out, the old branch's goes on. */
    @Test
    void theForkTourDoesWhatItsTextSays() throws Exception {
        Parameters tour = org.eoslab.config.Presets.load(java.nio.file.Path.of("presets/tour-fork.json")).parameters();
        assertEquals(0.2646, org.eoslab.metrics.Theory.onsetLearningRate(tour, 1), 5e-5, "η₁ as the text says");
        try (LiveEngine<Parameters> e = LiveEngine.linear(tour, true)) {
            LiveState<Parameters> original = LiveEngineTest.await(e, s -> s.history() != null && s.steps() == 3000 && !s.playing());
            e.fork(1500, 0.25);
            LiveState<Parameters> forked = LiveEngineTest.await(e, s -> s.generation() > original.generation() && s.steps() == 3000
                    && !s.playing());
            int mode1 = Columns.of(tour).mode(1);
            var before = tail(original.history(), mode1);
            var after = tail(forked.history(), mode1);
            assertEquals(2, before.period(), "the pinned branch alternates");
            assertEquals(1, after.period(), "the fork's alternation has died out");
            assertEquals(2.0, after.values()[0], 1e-9, "σ₁ converges to σ₁* = 2");
        }
    }

    private static org.eoslab.metrics.OrbitAnalysis tail(History h, int column) {
        double[] x = new double[256];
        h.column(column, h.size() - 256, h.size(), x);
        for (int i = 0; i < x.length; i++) x[i] = Math.abs(x[i]);
        return org.eoslab.metrics.OrbitAnalysis.of(x, x.length, 1e-8);
    }

    @Test
    void checkpointsThinToTheirBudgetAndKeepTheFirst() {
        Trainer run = new Trainer(P.withSharpnessEvery(0));
        long perCheckpoint = 3L * (8L * 100 + 16);                             // L = 3 layers of 10 × 10
        Checkpoints c = new Checkpoints(10 * perCheckpoint);
        c.offer(run);
        for (int s = 1; s <= 2000; s++) {
            run.advance();
            c.offer(run);
        }
        assertTrue(c.bytes() <= 10 * perCheckpoint, c.bytes() + " bytes");
        assertTrue(c.spacing() > Checkpoints.FIRST_SPACING, "spacing grew: " + c.spacing());
        assertEquals(0, c.floor(10).step(), "the first checkpoint stays");
        assertEquals(2000 - 2000 % c.spacing(), c.floor(2000).step());
        c.dropAfter(100);
        assertEquals(0, c.floor(2000).step());
        assertNull(new Checkpoints(1).floor(5));
    }
}
