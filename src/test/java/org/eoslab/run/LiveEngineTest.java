package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Columns;
import org.junit.jupiter.api.Test;

class LiveEngineTest {
    static final Parameters P = Parameters.defaults().withWidth(8).withSteps(1_000_000).withSharpnessEvery(0);

    static LiveState await(LiveEngine e, Predicate<LiveState> condition) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            LiveState s = e.state();
            if (s != null && condition.test(s)) return s;
            Thread.sleep(5);
        }
        throw new AssertionError("timed out; last state " + e.state());
    }

    @Test
    void etaAppliesAtTheNextStepWithoutARestart() throws InterruptedException {
        try (LiveEngine e = new LiveEngine(P, false)) {
            LiveState s0 = await(e, s -> s.history() != null);
            e.send(new LiveEngine.StepBy(10));
            await(e, s -> s.steps() == 10);
            e.send(new LiveEngine.SetLearningRate(0.2));
            e.send(new LiveEngine.StepBy(5));
            LiveState s = await(e, st -> st.steps() == 15);
            assertEquals(s0.generation(), s.generation(), "no restart");
            History h = s.history();
            assertEquals(0.3, h.get(10, h.columns().eta()));
            assertEquals(0.2, h.get(11, h.columns().eta()), "step 11 ran at the new η");
            assertEquals(16, h.size(), "every step is kept");
            assertFalse(s.playing());
        }
    }

    @Test
    void pausesAtTheStopStepAndResumesOnPlay() throws InterruptedException {
        try (LiveEngine e = new LiveEngine(P.withSteps(200).withEngine(EngineKind.REDUCED), true)) {
            LiveState s = await(e, st -> st.steps() == 200 && !st.playing());
            assertEquals(201, s.history().size());
            e.send(new LiveEngine.SetStopAt(300));
            e.send(new LiveEngine.Play());
            await(e, st -> st.steps() == 300 && !st.playing());
        }
    }

    @Test
    void aBurstOfRestartsIsCoalesced() throws InterruptedException {
        try (LiveEngine e = new LiveEngine(P.withWidth(200), true)) {   // slow to build: commands pile up
            int g0 = await(e, s -> s.history() != null).generation();
            for (int i = 0; i < 50; i++) e.send(new LiveEngine.Restart(P.withWidth(150 + i)));
            LiveState s = await(e, st -> st.parameters().width() == 199);
            assertTrue(s.generation() - g0 < 50, "restarted " + (s.generation() - g0) + " times for 50 commands");
        }
    }

    @Test
    void divergenceStopsTheRunAndKeepsItsRows() throws InterruptedException {
        try (LiveEngine e = new LiveEngine(P.withEta(1.0), true)) {
            LiveState s = await(e, LiveState::diverged);
            assertFalse(s.playing());
            assertEquals("diverged at step " + s.divergedAt(), s.message());
            assertEquals(s.divergedAt(), s.history().size(), "rows for steps 0..t−1");
            assertTrue(Double.isFinite(s.history().get(s.history().size() - 1, Columns.LOSS)));
        }
    }

    @Test
    void theHistoryLimitPausesWithAMessage() throws InterruptedException {
        try (LiveEngine e = new LiveEngine(P.withEngine(EngineKind.REDUCED), true, 500)) {
            LiveState s = await(e, st -> st.history() != null && st.history().size() == 500 && st.message() != null);
            assertTrue(s.message().startsWith("history full at 500 steps"), s.message());
            Thread.sleep(50);
            assertEquals(500, e.state().history().size());
        }
    }

    @Test
    void aBadRestartKeepsTheCurrentRun() throws InterruptedException {
        try (LiveEngine e = new LiveEngine(P, false)) {
            LiveState before = await(e, s -> s.history() != null);
            e.send(new LiveEngine.Restart(P.withRank(5)));   // rank 5 with 3 singular values: invalid
            LiveState after = await(e, s -> s.message() != null);
            assertTrue(after.message().startsWith("could not start: singularValues"), after.message());
            assertEquals(before.generation(), after.generation());
        }
    }
}
