package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Phase;
import org.eoslab.metrics.Theory;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The live app, headless (TestFX + Monocle): it runs, reacts to η, survives abuse and divergence. */
class LiveAppTest extends LiveAppTestBase {
    /** σ* = (2, 1.5, 1), L = 3, sum loss: η₁ = 0.2646, η₂ = 0.3883. Start just below η₁. */
    static final Parameters START = Parameters.defaults().withWidth(10).withEta(0.24).withSteps(1_000_000);
    static final double ETA1 = Theory.onsetLearningRate(2.0, 3, 1.0);


    @Override
    protected Parameters parameters() {
        return START;
    }

    @Test
    void runsAndFillsEveryPanel(FxRobot robot) {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().steps() > 300);
        WaitForAsyncUtils.waitForFxEvents();
        for (Panel key : Panel.values()) {
            int points = robot.interact(() -> app.view().training().panels().panel(key).pointCount()) == null ? 0 : app.view().training().panels().panel(key).pointCount();
            assertTrue(points > 0, key + " received points");
        }
        String first = app.view().status().stepText();
        LiveAppFixture.waitUntil(10, () -> !app.view().status().stepText().equals(first));
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    @Test
    void draggingEtaAcrossTheFirstOnsetStartsTheOscillation(FxRobot robot) {
        LiveAppFixture.waitUntil(30, () -> app.state() != null && app.state().steps() > 1500
                && app.state().phase() == Phase.CONVERGED);
        assertTrue(readout().startsWith("theory: 0 of 3"), readout());
        LiveAppFixture.waitUntil(5, () -> readout().endsWith("now oscillating: 0"));

        Slider slider = app.view().controls().eta().slider();
        Node thumb = slider.lookup(".thumb");
        Node tick = robot.lookup("#onset-1").query();
        Bounds tickBounds = tick.localToScreen(tick.getBoundsInLocal());
        Bounds thumbBounds = thumb.localToScreen(thumb.getBoundsInLocal());
        // drag the thumb to just past the "σ₁ oscillates" tick, short of σ₂'s
        double targetX = tickBounds.getMinX() + 3 + 0.06 * (slider.getWidth());
        robot.drag(thumb).moveTo(new javafx.geometry.Point2D(targetX, thumbBounds.getCenterY())).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double eta = app.view().controls().draft().eta();
        assertTrue(eta > ETA1 && eta < Theory.onsetLearningRate(1.5, 3, 1.0), "η = " + eta + " between η₁ and η₂");
        assertTrue(readout().startsWith("theory: 1 of 3"), readout());
        LiveAppFixture.waitUntil(20, () -> readout().endsWith("now oscillating: 1"));
        assertEquals(eta, app.state().eta(), 0.0, "the engine runs at the dragged η, live");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    /** A storm, like AppStormTest's: slow tier. */
    @org.eoslab.Slow
    @Test
    void twoHundredRandomSliderChangesNeitherThrowNorLeakThreads(FxRobot robot) {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().steps() > 10);
        int threadsBefore = Thread.activeCount();
        int generationBefore = app.state().generation();
        Random rng = new Random(7);
        for (int i = 0; i < 200; i++) {
            int which = rng.nextInt(5);
            double u = rng.nextDouble();
            robot.interact(() -> {
                var c = app.view().controls();
                Slider s = switch (which) {
                    case 0 -> c.eta().slider();
                    case 1 -> c.alpha().slider();
                    case 2 -> c.depth().slider();
                    case 3 -> c.rank().slider();
                    default -> c.width().slider();
                };
                s.setValue(s.getMin() + u * (s.getMax() - s.getMin()));
            });
            robot.sleep(10);
        }
        WaitForAsyncUtils.waitForFxEvents();
        LiveAppFixture.waitUntil(20, () -> app.state().generation() > generationBefore);
        long steps = app.state().steps();
        LiveAppFixture.waitUntil(20, () -> app.state().steps() > steps || app.state().diverged() || !app.state().playing());
        assertTrue(app.state().generation() - generationBefore < 40,
                "bursts restart once each, not 200 times: " + (app.state().generation() - generationBefore));
        assertTrue(Thread.activeCount() <= threadsBefore + 2, "threads " + threadsBefore + " -> " + Thread.activeCount());
        assertTrue(app.engine().thread().isAlive(), "the engine thread still runs");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    @Test
    void aDivergingEtaShowsTheStepAndTheAppStillResponds(FxRobot robot) {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().steps() > 10);
        robot.clickOn("#eta-field").eraseText(12).write("1").type(KeyCode.ENTER);
        LiveAppFixture.waitUntil(30, () -> app.state().diverged());
        WaitForAsyncUtils.waitForFxEvents();
        long t = app.state().divergedAt();
        LiveAppFixture.waitUntil(5, () -> app.view().status().phaseText().equals("diverged at step " + t));
        assertTrue(app.view().training().panels().panel(Panel.LOSS).pointCount() > 0, "the charts keep what was computed");
        LiveAppFixture.waitUntil(5, () -> readout().endsWith("·  diverged at step " + t));   // not "now oscillating: 1"
        // ~30 overlapping tick labels once did: after divergence every axis still has a readable handful
        for (Panel p : app.view().training().visiblePanels()) {
            var y = (io.fair_acc.chartfx.axes.spi.AbstractAxis) app.view().training().panels().panel(p).chart().getYAxis();
            long shown = y.getTickMarks().stream().filter(m -> m.isVisible() && !m.getText().isEmpty()).count();
            assertTrue(shown <= 12, p + ": " + shown + " y tick labels");
        }
        // still usable: a smaller η and a reset start a fresh run
        robot.clickOn("#eta-field").eraseText(12).write("0.2").type(KeyCode.ENTER);
        robot.clickOn("#reset");
        LiveAppFixture.waitUntil(20, () -> !app.state().diverged() && app.state().steps() > 50);
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    /** Issue 29, item 12: Shift-drag is a fine step, ] and [ move η by 1 % of η₁, and File has Quit (Ctrl+Q). */
    @Test
    void theEtaSliderHasFineStepsAndNudgesInUnitsOfTheOnset(FxRobot robot) {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().steps() > 10);
        double eta1 = org.eoslab.metrics.Theory.onsetLearningRate(app.view().controls().draft(), 1);
        double before = app.view().controls().draft().eta();
        robot.clickOn("#panel-loss");                                // focus out of any text field
        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(before + 0.01 * eta1, app.view().controls().draft().eta(), 1e-12, "] adds 1 % of η₁");
        robot.press(KeyCode.SHIFT).type(KeyCode.OPEN_BRACKET).release(KeyCode.SHIFT);
        assertEquals(before + 0.009 * eta1, app.view().controls().draft().eta(), 1e-12, "Shift+[ takes 0.1 % of η₁");

        javafx.scene.control.Slider slider = robot.lookup("#eta-slider").queryAs(javafx.scene.control.Slider.class);
        double coarse = drag(robot, slider, false);
        double fine = drag(robot, slider, true);
        assertTrue(fine > 0 && fine < 0.1 * coarse, "Shift-drag: 24 px move η by " + fine + " vs " + coarse);

        var quit = app.view().getScene().getRoot().lookupAll(".menu-bar").isEmpty() ? null
                : ((javafx.scene.control.MenuBar) app.view().getScene().getRoot().lookup(".menu-bar")).getMenus().get(0).getItems()
                        .stream().filter(m -> "quit".equals(m.getId())).findFirst().orElse(null);
        assertTrue(quit != null && quit.getText().equals("Quit") && quit.getAccelerator() != null, "File › Quit with a shortcut");
    }

    /** The relative change of η from a 24 px drag of the slider's thumb, with or without Shift. */
    private double drag(FxRobot robot, javafx.scene.control.Slider slider, boolean shift) {
        double before = app.view().controls().draft().eta();
        javafx.scene.Node thumb = slider.lookup(".thumb");
        if (shift) robot.press(KeyCode.SHIFT);
        robot.drag(thumb).dropBy(24, 0);
        if (shift) robot.release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        return Math.abs(app.view().controls().draft().eta() / before - 1);
    }

    private String readout() {
        return app.view().controls().eta().readout().getText();
    }
}
