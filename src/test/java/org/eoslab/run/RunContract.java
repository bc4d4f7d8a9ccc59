package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Layout;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Run} must do, whichever network it trains, checked the same way for each (in the style of EJML's
 * {@code StandardSvdChecks}): its columns, its first snapshot, one step at a time, η and the sharpness cadence
 * changed live and exactly, a resume from its weights, and divergence. A subclass supplies the runs.
 *
 * @param <P> the parameters of the network
 */
public abstract class RunContract<P extends RunParameters> {
    /** A small run that trains without trouble for {@link #STEPS} steps at its η (sharpness off). */
    protected abstract P parameters();

    /** Parameters whose run diverges within a few dozen steps. */
    protected abstract P diverging();

    protected abstract RunFactory<P> factory();

    static final int STEPS = 12;

    private Run<P> start(P p) { return factory().start(p); }

    private static long bits(double v) { return Double.doubleToRawLongBits(v); }

    private static void assertSameRow(Snapshot a, Snapshot b, Layout columns, String where) {
        for (int c = 0; c < columns.count(); c++) {
            assertEquals(bits(a.get(c)), bits(b.get(c)), where + ", " + columns.names().get(c));
        }
    }

    @Test
    void itsColumnsBeginWithStepLossAndSharpnessAndNameTheirEta() {
        Run<P> run = start(parameters());
        Layout c = run.columns();
        assertEquals(c.count(), c.names().size());
        assertEquals("step", c.names().get(Layout.STEP));
        assertEquals("loss", c.names().get(Layout.LOSS));
        assertEquals("sharpness", c.names().get(Layout.SHARPNESS));
        assertEquals("eta", c.names().get(c.eta()));
        assertEquals(c.names().size(), c.names().stream().distinct().count(), "no column twice");
    }

    @Test
    void stepZeroIsTheInitialWeightsMeasured() {
        P p = parameters();
        Run<P> run = start(p);
        assertEquals(0, run.step());
        assertNotNull(run.snapshot());
        assertEquals(0, run.snapshot().get(Layout.STEP));
        assertEquals(p.eta(), run.snapshot().get(run.columns().eta()));
        assertTrue(Double.isFinite(run.snapshot().loss()) && run.snapshot().loss() >= 0, "a loss: " + run.snapshot().loss());
        assertNull(run.endMessage());
        assertEquals(-1, run.divergedAt());
    }

    @Test
    void eachAdvanceIsOneStepAndTheSameParametersGiveTheSameRows() {
        Run<P> a = start(parameters());
        Run<P> b = start(parameters());
        for (int t = 1; t <= STEPS; t++) {
            assertTrue(a.advance() && b.advance(), "step " + t);
            assertEquals(t, a.step());
            assertEquals(t, a.snapshot().get(Layout.STEP));
            assertSameRow(a.snapshot(), b.snapshot(), a.columns(), "step " + t);
        }
    }

    /** η changed between steps acts from the next step on, exactly as a run resumed from those weights at that η. */
    @Test
    void etaChangesLiveAtTheNextStep() {
        P p = parameters();
        Run<P> live = start(p);
        for (int t = 0; t < STEPS / 2; t++) live.advance();
        double faster = 1.25 * p.eta();
        @SuppressWarnings("unchecked") P changed = (P) p.withEta(faster);
        Run<P> resumed = factory().resume(changed, live.state(), live.step());
        live.setEta(faster);
        assertEquals(faster, live.parameters().eta());
        for (int t = STEPS / 2 + 1; t <= STEPS; t++) {
            live.advance();
            resumed.advance();
            assertEquals(faster, live.snapshot().get(live.columns().eta()), "the row says the η it used");
            assertEquals(bits(resumed.snapshot().loss()), bits(live.snapshot().loss()), "step " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> live.setEta(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> live.setEta(-1));
        assertEquals(faster, live.eta(), "a refused η leaves the run as it was");
    }

    /** Whether the run estimates the sharpness (the reduced recursion does not: its rows leave it NaN). */
    protected boolean measuresSharpness() { return true; }

    @Test
    void theSharpnessCadenceChangesLive() {
        Run<P> run = start(parameters());
        for (int t = 1; t <= 3; t++) {
            run.advance();
            assertTrue(Double.isNaN(run.snapshot().sharpness()), "off at step " + t);
        }
        run.setSharpnessEvery(2);
        assertEquals(2, run.parameters().sharpnessEvery());
        for (int t = 4; t <= 8; t++) {
            run.advance();
            double s = run.snapshot().sharpness();
            assertEquals(measuresSharpness() && t % 2 == 0, Double.isFinite(s) && s > 0, "every 2 steps from step 4: step " + t + " gave " + s);
        }
    }

    @Test
    void aRunResumedFromItsWeightsTakesTheSameSteps() {
        P p = parameters();
        Run<P> straight = start(p);
        for (int t = 0; t < STEPS / 2; t++) straight.advance();
        Run<P> resumed = factory().resume(p, straight.state(), straight.step());
        assertEquals(straight.step(), resumed.step());
        assertEquals(bits(straight.snapshot().loss()), bits(resumed.snapshot().loss()), "the resumed step measured again");
        for (int t = STEPS / 2 + 1; t <= STEPS; t++) {
            straight.advance();
            resumed.advance();
            assertEquals(bits(straight.snapshot().loss()), bits(resumed.snapshot().loss()), "step " + t);
        }
    }

    /**
     * How {@link #diverging()} breaks down: "diverged at step t" (the loss blew up at t: the last row kept is t − 1),
     * or, for a ReLU network, "network died at step t" (every unit of a layer off at t: the row of t is kept).
     */
    protected String breakdown() { return "diverged at step "; }

    @Test
    void aRunThatBreaksDownEndsSayingWhereAndKeepsItsLastGoodRow() {
        Run<P> run = start(diverging());
        int t = 0;
        while (run.advance() && t < 10_000) t++;
        assertTrue(run.ended(), "ended within " + t + " steps");
        String end = run.endMessage();
        assertTrue(end.startsWith(breakdown()), end);
        long at = Long.parseLong(end.substring(breakdown().length()).split("\\D", 2)[0]);
        boolean diverged = breakdown().startsWith("diverged");
        assertEquals(diverged ? at : -1, run.divergedAt());
        assertEquals(diverged ? at - 1 : at, (long) run.snapshot().get(Layout.STEP), "the last good row stays");
        assertTrue(Double.isFinite(run.snapshot().loss()));
        assertFalse(run.advance(), "an ended run takes no more steps");
        assertEquals(diverged ? at - 1 : at, (long) run.snapshot().get(Layout.STEP));
    }
}
