package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Init;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Theory;
import org.eoslab.run.Snapshot;
import org.eoslab.run.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Determinism, no allocation per step, clean divergence. */
class EngineContractTest {

    @ParameterizedTest
    @EnumSource(Init.class)
    void sameParametersGiveBitIdenticalTrajectories(Init init) {
        Parameters p = Parameters.defaults().withWidth(10).withInit(init).withSteps(300).withSharpnessEvery(7).validate();
        Trainer a = new Trainer(p);
        Trainer b = new Trainer(p);
        double[] rowA = new double[a.columns().count()];
        double[] rowB = new double[b.columns().count()];
        for (int t = 0; t < 300; t++) {
            a.snapshot().copyTo(rowA);
            b.snapshot().copyTo(rowB);
            for (int j = 0; j < rowA.length; j++) {
                assertEquals(Double.doubleToRawLongBits(rowA[j]), Double.doubleToRawLongBits(rowB[j]),
                        "step " + t + ", " + a.columns().names().get(j));
            }
            a.advance();
            b.advance();
        }
    }

    @Test
    void aDenseStepAllocatesNothing() {
        Parameters p = Parameters.defaults().withWidth(30).withDepth(4).validate();
        DenseEngine engine = DenseEngine.create(p, Targets.of(p));
        for (int t = 0; t < 2000; t++) { engine.forward(); engine.step(p.eta()); }   // warm up the JIT
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int t = 0; t < 1000; t++) { engine.forward(); engine.step(p.eta()); }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1000, "1000 steps allocated " + allocated + " bytes");
    }

    @Test
    void aReducedStepAllocatesNothing() {
        Parameters p = Parameters.defaults().withEngine(EngineKind.REDUCED).validate();
        ReducedDynamics engine = ReducedDynamics.create(p, Targets.of(p));
        for (int t = 0; t < 20000; t++) { engine.forward(); engine.step(p.eta()); }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int t = 0; t < 10000; t++) { engine.forward(); engine.step(p.eta()); }
        assertTrue(threads.getThreadAllocatedBytes(id) - before < 1000);
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aDivergingRunStopsCleanlyAndKeepsItsLastGoodStep(EngineKind kind) {
        double eta = 3 * Theory.onsetLearningRate(2.0, 3, 1.0);
        Parameters p = Parameters.defaults().withWidth(8).withEta(eta).withEngine(kind).withSteps(5000).validate();
        Trainer trainer = new Trainer(p);
        Snapshot last = trainer.snapshot();
        while (trainer.step() < p.steps() && trainer.advance()) last = trainer.snapshot();
        assertTrue(trainer.diverged(), "η = 3·η_1 diverges");
        assertEquals(trainer.divergedAt() - 1, last.step(), "the last snapshot is the step before");
        assertEquals(last.step(), trainer.snapshot().step());
        assertTrue(Double.isFinite(last.loss()));
        long at = trainer.divergedAt();
        assertTrue(!trainer.advance() && trainer.divergedAt() == at, "a diverged run stays stopped");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void etaChangesLiveWithoutRestart(EngineKind kind) {
        Parameters p = Parameters.defaults().withWidth(8).withEngine(kind).withSharpnessEvery(0).validate();
        Trainer live = new Trainer(p);
        for (int t = 0; t < 400; t++) live.advance();
        live.setEta(0.2);
        for (int t = 0; t < 100; t++) live.advance();
        assertEquals(500, live.snapshot().step());
        assertEquals(0.2, live.snapshot().eta());
        // math.md's recursion, 400 steps at η = 0.3 then 100 at 0.2, from x = 0, y = α
        for (int i = 1; i <= 3; i++) {
            double s = p.singularValue(i);
            double x = 0;
            double y = p.alpha();
            for (int t = 0; t < 500; t++) {
                double eta = t < 400 ? 0.3 : 0.2;
                double g = eta * (x * y * y - s);
                double nx = x - g * y * y;
                y = y - g * x * y;
                x = nx;
            }
            assertEquals(x * y * y, live.snapshot().get(live.columns().mode(i)), 1e-12 * s, "mode " + i);
        }
    }
}
