package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Layout;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Pins as ghosts in every panel, the time scrubber's cursor and orbit window, and a fork from the scrubbed step. */
class ExploreRunTest extends LiveAppTestBase {
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

    /** Pins go out with the trajectory (one file each) and come back with a session. */
    @Test
    void pinsAreExportedAndSurviveASession(FxRobot robot) throws Exception {
        LiveAppFixture.waitUntil(30, () -> app.state() != null && app.state().steps() == 400 && !app.state().playing());
        robot.clickOn("#pin");
        java.nio.file.Path csv = tmp.resolve("run.csv");
        PresetsExportSessionTest.fx(() -> app.view().files().exportTrajectory(csv, false)).join(20_000);
        java.util.List<String> pinned = java.nio.file.Files.readAllLines(tmp.resolve("run.pin-1.csv"));
        assertEquals(401 + 1, pinned.size(), "the pin's 401 rows and the header");
        assertEquals(java.nio.file.Files.readAllLines(csv), pinned, "the pin is the run as it was");
        java.nio.file.Path session = tmp.resolve("s.eoslab");
        PresetsExportSessionTest.fx(() -> app.view().files().saveSession(session)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        robot.clickOn("#clear-pins");
        assertEquals(0, app.view().bench(org.eoslab.config.Network.DLN).pins().size());
        assertTrue(PresetsExportSessionTest.fx(() -> app.view().files().openSession(session)).get(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, app.view().bench(org.eoslab.config.Network.DLN).pins().size());
        assertEquals(401, app.view().bench(org.eoslab.config.Network.DLN).pins().get(0).rows());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.view().training().panels().panel(Panel.LOSS).ghostCount() > 0, "and is drawn again");
    }

    @Override
    protected Parameters parameters() {
        return Parameters.defaults().withWidth(10).withSteps(400);
    }

    @Test
    void pinScrubAndFork(FxRobot robot) throws Exception {
        LiveAppFixture.waitUntil(30, () -> app.state() != null && app.state().steps() == 400 && !app.state().playing());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#pin");
        WaitForAsyncUtils.waitForFxEvents();
        for (Panel p : new Panel[] {Panel.LOSS, Panel.PRODUCT, Panel.TRACE}) {
            assertTrue(app.view().training().panels().panel(p).ghostCount() > 0, p + " shows the pin");
        }
        assertTrue(app.view().bench(org.eoslab.config.Network.DLN).pins().get(0).label().startsWith("pin 1: η = 0.3, α = 0.01, L = 3, steps 0–400"),
                app.view().bench(org.eoslab.config.Network.DLN).pins().get(0).label());
        robot.clickOn("#clear-pins");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, app.view().training().panels().panel(Panel.LOSS).ghostCount());

        // the scrubber: a cursor in every panel, the orbit zoom's window ending at the scrubbed step
        robot.interact(() -> app.view().training().explore().scrubTo(250));
        assertEquals(250.0, app.view().training().panels().panel(Panel.SHARPNESS).cursorStep(), 0.0);
        robot.clickOn("Orbit zoom");
        LiveAppFixture.waitUntil(20, () -> app.view().orbit().readoutText().contains("end at step 250"));
        robot.clickOn("Training");

        // fork at 250 with η = 0.28 from the controls: rows up to 250 shared, the old branch pinned
        int generation = app.state().generation();
        double lossAt250 = app.state().history().get(250, Layout.LOSS);
        robot.interact(() -> app.view().controls().applyEta(0.28));
        robot.clickOn("#fork");
        LiveAppFixture.waitUntil(30, () -> app.state().generation() > generation && app.state().steps() >= 400);
        assertEquals(lossAt250, app.state().history().get(250, Layout.LOSS), 0.0);
        assertEquals(0.28, app.state().history().get(251, org.eoslab.metrics.Columns.of(app.state().parameters()).eta()), 0.0);
        assertEquals(1, app.view().bench(org.eoslab.config.Network.DLN).pins().size(), "the branch before the fork stays as a pin");
        assertTrue(app.view().bench(org.eoslab.config.Network.DLN).pins().get(0).label().startsWith("pin 1: η = 0.3,"),
                "labelled with the η its rows used, not the one typed for the fork: " + app.view().bench(org.eoslab.config.Network.DLN).pins().get(0).label());
        assertTrue(Double.isNaN(app.view().training().panels().panel(Panel.LOSS).cursorStep()), "scrubbing ends with the fork");
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }

    /**
     * Issue 29, item 3: η = 0.25, Play, η dragged to 0.2963…, Pause, Pin run. The pin's legend entry shows η rounded,
     * and no label takes a chart's layout: every panel keeps its plot area and its y axis.
     */
    @Test
    void aPinAfterALiveEtaChangeKeepsEveryPanelsLayout(FxRobot robot) {
        LiveAppFixture.waitUntil(30, () -> app.state() != null && app.state().steps() == 400 && !app.state().playing());
        robot.interact(() -> {
            app.view().controls().applyEta(0.25);
            app.view().restart(app.view().controls().draft(), false);
        });
        LiveAppFixture.waitUntil(10, () -> app.state().steps() == 0 && app.state().eta() == 0.25);
        robot.interact(() -> app.engine().stepBy(150));
        LiveAppFixture.waitUntil(10, () -> app.state().steps() == 150);
        robot.interact(() -> app.view().controls().applyEta(0.29629365746802966));
        robot.interact(() -> app.engine().stepBy(150));
        LiveAppFixture.waitUntil(10, () -> app.state().steps() == 300);
        robot.clickOn("#pin");
        WaitForAsyncUtils.waitForFxEvents();
        String label = app.view().bench(org.eoslab.config.Network.DLN).pins().get(0).label();
        assertTrue(label.startsWith("pin 1: η = 0.25 → 0.2963, α = 0.01, L = 3, steps 0–300"), label);
        for (Panel p : app.view().training().visiblePanels()) {               // once the pin's frame is laid out
            var panel = app.view().training().panels().panel(p);
            var chart = panel.chart();
            var yAxis = (javafx.scene.layout.Region) chart.getYAxis();
            LiveAppFixture.waitUntil(10, () -> chart.getCanvas().getWidth() > 0.6 * panel.getWidth()
                    && chart.getCanvas().getHeight() > 0.25 * panel.getHeight() && yAxis.isVisible() && yAxis.getWidth() > 10);
        }
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }
}
