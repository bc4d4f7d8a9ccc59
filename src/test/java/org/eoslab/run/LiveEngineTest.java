package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Predicate;
import org.eoslab.config.EngineKind;
import org.eoslab.config.LossKind;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.RunParameters;
import org.eoslab.engine.mlp.IdxFixtures;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.MlpColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveEngineTest {
    static final Parameters P = Parameters.defaults().withWidth(8).withSteps(1_000_000).withSharpnessEvery(0);

    static <P extends RunParameters> LiveState<P> await(LiveEngine<P> e, Predicate<LiveState<P>> condition) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            LiveState<P> s = e.state();
            if (condition.test(s)) return s;
            Thread.sleep(5);
        }
        throw new AssertionError("timed out; last state " + e.state());
    }

    /** A linear run that fails with OutOfMemoryError at step 20 (a proxy over a real Trainer). */
    @SuppressWarnings("unchecked")
    private static RunFactory<Parameters> failingAtStep20() {
        return new RunFactory<>() {
            @Override
            public Run<Parameters> start(Parameters p) {
                Trainer t = new Trainer(p);
                return (Run<Parameters>) java.lang.reflect.Proxy.newProxyInstance(Run.class.getClassLoader(),
                        new Class<?>[] {Run.class}, (proxy, m, args) -> {
                            if (m.getName().equals("advance") && t.step() >= 20) throw new OutOfMemoryError("Java heap space (simulated)");
                            try {
                                return m.invoke(t, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public Run<Parameters> resume(Parameters p, double[][] state, long step) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aRunOutOfMemoryStopsWithAMessageAndTheEngineThreadLivesOn() throws InterruptedException {
        try (LiveEngine<Parameters> e = new LiveEngine<>(failingAtStep20(), P, true, 10_000)) {
            LiveState<Parameters> s = await(e, st -> st.message() != null && st.message().contains("out of memory"));
            assertEquals("stopped at step 20: out of memory", s.message().substring(0, "stopped at step 20: out of memory".length()));
            assertEquals(21, s.history().size(), "the rows up to the failure are kept");
            assertFalse(s.playing());
            assertTrue(e.thread().isAlive(), "the engine thread lives on");
            e.restart(P.withEta(0.2), true);                         // and takes the next command
            await(e, st -> st.generation() > s.generation() && st.history() != null && st.steps() == 20
                    && st.message() != null && st.message().contains("out of memory"));
        }
    }

    @Test
    void etaAppliesAtTheNextStepWithoutARestart() throws InterruptedException {
        try (LiveEngine<Parameters> e = LiveEngine.linear(P, false)) {
            LiveState<Parameters> s0 = await(e, s -> s.history() != null);
            e.stepBy(10);
            await(e, s -> s.steps() == 10);
            e.setEta(0.2);
            e.stepBy(5);
            LiveState<Parameters> s = await(e, st -> st.steps() == 15);
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
        try (LiveEngine<Parameters> e = LiveEngine.linear(P.withSteps(200).withEngine(EngineKind.REDUCED), true)) {
            LiveState<Parameters> s = await(e, st -> st.steps() == 200 && !st.playing());
            assertEquals(201, s.history().size());
            e.stopAt(300);
            e.play();
            await(e, st -> st.steps() == 300 && !st.playing());
        }
    }

    /**
     * Issue 25's limit in the window: a start that was slow to measure (lowered threshold; a rank-30 target) pauses
     * before stepping, says what the run will cost with the rank cut, and on Play runs and keeps the cost, not "paused".
     */
    @Test
    void aSlowStartPausesAndSaysWhatTheRunWillCost() throws InterruptedException {
        double before = SlowStart.thresholdSeconds;
        SlowStart.thresholdSeconds = 0;
        double[] thirty = java.util.stream.IntStream.rangeClosed(1, 30).mapToDouble(i -> 31 - i).toArray();
        try (LiveEngine<Parameters> e = LiveEngine.linear(P.withWidth(40).withSpectrum(thirty).withEta(0.002).withSteps(50), true)) {
            LiveState<Parameters> s = await(e, st -> st.history() != null);
            assertFalse(s.playing(), "paused before stepping");
            assertEquals(0, s.steps());
            assertTrue(s.message().startsWith("paused before stepping: measuring the starting point took ")
                    && s.message().contains("50 steps take at least") && s.message().contains("A rank-30 target measures 31")
                    && s.message().contains("a rank of 20 or fewer (the rank field)") && s.message().endsWith("Press Play to run anyway."),
                    s.message());
            e.play();
            LiveState<Parameters> done = await(e, st -> st.steps() == 50);
            assertTrue(done.message().startsWith("measuring the starting point took "), done.message());
        } finally {
            SlowStart.thresholdSeconds = before;
        }
        try (LiveEngine<Parameters> e = LiveEngine.linear(P.withWidth(40).withSpectrum(thirty).withEta(0.002).withSteps(50), true)) {
            LiveState<Parameters> quick = await(e, st -> st.steps() == 50);
            assertEquals(null, quick.message(), "a quick start plays at once and says nothing");
        }
    }

    @Test
    void aBurstOfRestartsIsCoalesced() throws InterruptedException {
        try (LiveEngine<Parameters> e = LiveEngine.linear(P.withWidth(200), true)) {   // slow to build: commands pile up
            int g0 = await(e, s -> s.history() != null).generation();
            for (int i = 0; i < 50; i++) e.restart(P.withWidth(150 + i), false);
            LiveState<Parameters> s = await(e, st -> st.parameters().width() == 199);
            assertTrue(s.generation() - g0 < 50, "restarted " + (s.generation() - g0) + " times for 50 commands");
        }
    }

    @Test
    void divergenceStopsTheRunAndKeepsItsRows() throws InterruptedException {
        try (LiveEngine<Parameters> e = LiveEngine.linear(P.withEta(1.0), true)) {
            LiveState<Parameters> s = await(e, LiveState::diverged);
            assertFalse(s.playing());
            assertEquals("diverged at step " + s.divergedAt(), s.end());
            assertEquals(s.divergedAt(), s.history().size(), "rows for steps 0..t−1");
            assertTrue(Double.isFinite(s.history().get(s.history().size() - 1, Columns.LOSS)));
        }
    }

    @Test
    void theHistoryLimitPausesWithAMessage() throws InterruptedException {
        try (LiveEngine<Parameters> e = new LiveEngine<>(RunFactory.linear(), P.withEngine(EngineKind.REDUCED), true, 500)) {
            LiveState<Parameters> s = await(e, st -> st.history() != null && st.history().size() == 500 && st.message() != null);
            assertTrue(s.message().startsWith("history full at 500 steps"), s.message());
            Thread.sleep(50);
            assertEquals(500, e.state().history().size());
        }
    }

    @Test
    void aBadRestartKeepsTheCurrentRun() throws InterruptedException {
        try (LiveEngine<Parameters> e = LiveEngine.linear(P, false)) {
            LiveState<Parameters> before = await(e, s -> s.history() != null);
            e.restart(P.withRank(5), false);   // rank 5 with 3 singular values: invalid
            LiveState<Parameters> after = await(e, s -> s.message() != null);
            assertTrue(after.message().startsWith("could not start: singularValues"), after.message());
            assertEquals(before.generation(), after.generation());
        }
    }

    /** A ReLU network on 30 images of a 40-image IDX pair written to {@code dir}: depth 3, width 6, sharpness off. */
    private static MlpParameters tinyRelu(Path dir, long steps) throws Exception {
        Path images = IdxFixtures.write(dir.resolve("tiny-images-idx3-ubyte.gz"), IdxFixtures.images(2051, 40, 3, 4, 40), true);
        IdxFixtures.write(dir.resolve("tiny-labels-idx1-ubyte.gz"), IdxFixtures.labels(2049, 40, 40), true);
        return new MlpParameters(images.toString(), 30, 3, 6, 1.0, false, 0.3, LossKind.MEAN, 1L, steps, 0, 5);
    }

    @Test
    void theSameCommandsDriveTheReluNetwork(@TempDir Path tmp) throws Exception {
        MlpParameters p = tinyRelu(tmp, 12);
        try (LiveEngine<MlpParameters> e = LiveEngine.mlp(p, true)) {
            LiveState<MlpParameters> s = await(e, st -> st.steps() == 12 && !st.playing());
            assertEquals(13, s.history().size(), "it pauses at the run's length, like the linear run");
            assertTrue(s.source().contains("tiny-images-idx3-ubyte.gz") && s.source().endsWith("30 samples"), s.source());
            e.setEta(0.1);
            e.stepBy(2);
            s = await(e, st -> st.steps() == 14);
            MlpTrainer same = new MlpTrainer(p);                     // independent: the same run, stepped by hand
            for (int t = 1; t <= 12; t++) same.advance();
            same.setEta(0.1);
            same.advance();
            same.advance();
            assertEquals(same.snapshot().loss(), s.history().get(14, MlpColumns.LOSS), 0.0, "η applied at step 13");
            assertEquals(0.1, s.eta());
            assertEquals(org.eoslab.metrics.Phase.TRAINING, s.phase(), "the ReLU network has no mode-based phase: training");
        }
    }

    /**
     * The sharpness cadence of the ReLU network changes live, as the linear network's: the same run goes on (no new
     * generation, no step lost) and from the next step measures every K steps.
     */
    @Test
    void theReluSharpnessCadenceChangesLive(@TempDir Path tmp) throws Exception {
        MlpParameters p = tinyRelu(tmp, 10);
        try (LiveEngine<MlpParameters> e = LiveEngine.mlp(p, true)) {
            LiveState<MlpParameters> s = await(e, st -> st.steps() == 10 && !st.playing());
            int generation = s.generation();
            for (int t = 1; t <= 10; t++) assertTrue(Double.isNaN(s.history().get(t, MlpColumns.SHARPNESS)), "off: step " + t);
            e.setSharpnessEvery(3);
            e.stepBy(9);
            s = await(e, st -> st.steps() == 19);
            assertEquals(generation, s.generation(), "no restart");
            assertEquals(3, s.parameters().sharpnessEvery());
            for (int t = 11; t <= 19; t++) {
                assertEquals(t % 3 == 0, !Double.isNaN(s.history().get(t, MlpColumns.SHARPNESS)), "every 3 from step 11: step " + t);
            }
        }
    }

    /**
     * The central flow follows a dense run from step 0 with the η each step used, and starts again with every new
     * run; the reduced recursion has none, and the overlay says why.
     */
    @Test
    void theCentralFlowFollowsEachRunFromStepZeroOrSaysWhyNot() throws InterruptedException {
        try (LiveEngine<Parameters> e = LiveEngine.linear(P.withSteps(40), true)) {
            await(e, s -> s.steps() == 40 && !s.playing());
            e.followCentralFlow(FlowFollower.Kind.PAPER);
            for (int i = 0; i < 2000 && (e.centralFlow().current() == null || e.centralFlow().current().history().size() < 41); i++) Thread.sleep(5);
            FlowFollower first = e.centralFlow().current();
            assertEquals(41, first.history().size(), "one row per GD row, from step 0");
            assertEquals(0, first.history().get(0, org.eoslab.metrics.Layout.STEP));
            assertEquals(P.eta(), first.history().get(40, first.history().columns().eta()), "the η of GD's step 40");
            e.restart(P.withSteps(20).withEngine(org.eoslab.config.EngineKind.REDUCED), true);
            await(e, s -> s.generation() > 1 && s.parameters().engine() == org.eoslab.config.EngineKind.REDUCED);
            assertEquals(null, e.centralFlow().current());
            assertTrue(e.centralFlow().refusal().startsWith("No central flow: it follows the deep linear network's dense engine"),
                    e.centralFlow().refusal());
            assertTrue(first.history().size() == 41, "the last run's flow stopped with it");
        }
    }
}
