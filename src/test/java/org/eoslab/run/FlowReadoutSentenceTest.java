package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.MlpParameters;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.PeriodDetector;
import org.junit.jupiter.api.Test;

/**
 * The readout's sentence early in a run (issue 26): GD's period is read from the steps there are, and the sentence
 * names that many, not the {@link FlowAgreement#PERIOD_ROWS} it reads once the run is long enough; its step and
 * GD's means are those of the rows given.
 */
class FlowReadoutSentenceTest {
    @Test
    void earlyInARunTheSentenceNamesTheStepsItReadTheOrbitFrom() {
        MlpParameters p = MlpParameters.defaults().withSamples(100).withHidden(16).withDepth(3).withEta(2)
                .withSharpnessEvery(0);
        MlpTrainer gd = new MlpTrainer(p);
        History rows = new History(gd.columns());
        rows.append(gd.snapshot());
        CentralFlowTrack flow = CentralFlowTrack.of(gd, false);
        History flowRows = new History(flow.columns());
        flowRows.append(flow.start(gd.eta()));
        while (gd.step() < 30 && gd.advance()) {
            rows.append(gd.snapshot());
            flowRows.append(flow.advance(gd.step(), gd.eta()));
        }
        FlowAgreement a = FlowAgreement.of(rows, flowRows).orElseThrow();
        assertEquals(30, a.step());
        assertEquals(31, a.periodSteps(), "steps 0-30, fewer than " + FlowAgreement.PERIOD_ROWS);
        double mean = 0;
        for (int i = 23; i <= 30; i++) mean += rows.get(i, Layout.LOSS) / FlowAgreement.WINDOW;
        assertEquals(mean, a.gdLoss(), 1e-15 * mean, "GD's mean over steps 23-30");
        String s = a.sentence("the paper's central flow");
        assertTrue(s.startsWith("The paper's central flow at step 30: "), s);
        assertTrue(!s.contains("over its last " + FlowAgreement.PERIOD_ROWS), s);
        assertEquals(PeriodDetector.NONE, a.period(), "GD above the edge from step 0 (S = 1.4 × 2/η at step 30) settles on no orbit");
        assertTrue(s.contains("GD has no period up to 64 over its last 31 steps: "), s);
    }
}
