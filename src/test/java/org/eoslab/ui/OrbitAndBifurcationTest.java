package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Theory;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The orbit zoom and bifurcation views in the live app, headless. */
class OrbitAndBifurcationTest extends LiveAppTestBase {
    static final Parameters START = Parameters.defaults().withWidth(10).withSteps(1_000_000);

    @Override
    protected Parameters parameters() {
        return START;
    }

    @Test
    void theOrbitViewFindsThePeriodTwoOrbitOfTheTopMode(FxRobot robot) {
        robot.clickOn("Orbit zoom");
        LiveAppFixture.waitUntil(40, () -> app.view().orbit().readoutText().startsWith("σ₁: period 2 ("));
        String text = app.view().orbit().readoutText();
        double eta1 = Theory.onsetLearningRate(2.0, 3, 1.0);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "η/η₁ = %.4f", 0.3 / eta1)), text);
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }

    @Test
    void aSweepCompletesCancelsAndPicksTheLiveEta(FxRobot robot) {
        robot.clickOn("Bifurcation");
        // the view computes itself when first shown: no empty frame, no button to press
        LiveAppFixture.waitUntil(60, () -> app.view().bifurcation().statusText().startsWith("600 reduced learning rates"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.view().bifurcation().pointCount() > 600 * 3, "points drawn: " + app.view().bifurcation().pointCount());
        String doublings = app.view().bifurcation().doublingsText();      // L = 3: math.md's cascade table
        assertTrue(doublings.contains("η₁(2→4) = ") && doublings.contains("(1.24461·η₁)") && doublings.contains("η₁(4→8) = ") && doublings.contains("(1.30042·η₁)")
                && doublings.contains("Feigenbaum's δ = 4.669"), doublings);
        assertTrue(app.view().bifurcation().lyapunovPointCount() >= 600, "λ drawn at every swept η below divergence");
        robot.doubleClickOn("#bif-count").eraseText(6).write("120").type(KeyCode.ENTER);
        robot.clickOn("#bif-run");
        LiveAppFixture.waitUntil(60, () -> app.view().bifurcation().statusText().startsWith("120 reduced learning rates"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.view().bifurcation().pointCount() > 120 * 3, "points drawn: " + app.view().bifurcation().pointCount());

        // a long sweep (20000 learning rates), cancelled; the live run keeps stepping meanwhile
        robot.doubleClickOn("#bif-count").eraseText(6).write("20000").type(KeyCode.ENTER);
        long steps = app.state().steps();
        robot.clickOn("#bif-run");
        LiveAppFixture.waitUntil(10, () -> app.view().bifurcation().busy());
        LiveAppFixture.waitUntil(20, () -> app.state().steps() > steps + 50);
        robot.clickOn("#bif-cancel");
        LiveAppFixture.waitUntil(30, () -> app.view().bifurcation().statusText().startsWith("cancelled"));

        // a double-click on the diagram sets η in the live run
        double before = app.view().controls().draft().eta();
        io.fair_acc.chartfx.XYChart diagram = robot.lookup("#bif-diagram").query();
        Bounds b = diagram.getCanvas().localToScreen(diagram.getCanvas().getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.3 * b.getWidth(), b.getMinY() + 0.3 * b.getHeight()));
        robot.doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double after = app.view().controls().draft().eta();
        assertTrue(after != before && after > 0, "η " + before + " -> " + after);
        LiveAppFixture.waitUntil(10, () -> app.state().eta() == after);
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }

    /**
     * Issue 24: the Fig. 14 sweep preset (Gaussian init) opens on a diagram that overlays real GD on Theorem 1's
     * recursion, which assumes the identity init; its dense runs diverge from η ≈ 48 on, and the status line says how
     * many, as the preset's text promises.
     */
    @org.eoslab.Slow
    @Test
    void theGaussianSweepPresetOverlaysRealGdOnTheRecursion(FxRobot robot) {
        robot.interact(() -> app.view().files().openPreset(java.nio.file.Path.of("presets/fig14-eta-sweep.json")));
        LiveAppFixture.waitUntil(20, () -> robot.lookup("#bif-engine").tryQuery().isPresent()
                && "both, overlaid".equals(String.valueOf(robot.lookup("#bif-engine").queryComboBox().getValue())));
        LiveAppFixture.waitUntil(400, () -> app.view().bifurcation().statusText().startsWith("600 reduced + 24 dense"));
        String status = app.view().bifurcation().statusText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+) dense diverged").matcher(status);
        assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 5, status);
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }

    /** Issue 29, items 1 and 12: a zoom made while a sweep still runs is not ignored: that sweep gives way to it. */
    @Test
    void aZoomDuringASweepRecomputesTheZoomedRange(FxRobot robot) {
        robot.clickOn("Bifurcation");
        LiveAppFixture.waitUntil(60, () -> app.view().bifurcation().statusText().startsWith("600 reduced learning rates"));
        robot.doubleClickOn("#bif-count").eraseText(6).write("5000").type(KeyCode.ENTER);
        robot.clickOn("#bif-run");
        LiveAppFixture.waitUntil(10, () -> app.view().bifurcation().busy());
        io.fair_acc.chartfx.XYChart diagram = robot.lookup("#bif-diagram").query();
        robot.interact(() -> {
            diagram.getXAxis().setAutoRanging(false);
            diagram.getXAxis().set(0.28, 0.3);
        });
        LiveAppFixture.waitUntil(120, () -> !app.view().bifurcation().busy()
                && app.view().bifurcation().statusText().contains("on [0.28000, 0.30000]"));
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }

    /** Issue 29, item 12: after a zoom the live-η marker is drawn where live η is on the new axis, or not at all. */
    @Test
    void theLiveEtaMarkerFollowsAZoom(FxRobot robot) {
        robot.clickOn("Bifurcation");
        LiveAppFixture.waitUntil(60, () -> app.view().bifurcation().statusText().startsWith("600 reduced learning rates"));
        io.fair_acc.chartfx.XYChart diagram = robot.lookup("#bif-diagram").query();
        var marker = diagram.getPlugins().stream().filter(p -> p instanceof io.fair_acc.chartfx.plugins.XValueIndicator x
                && "live η".equals(x.getText())).map(p -> (io.fair_acc.chartfx.plugins.XValueIndicator) p).findFirst().orElseThrow();
        double eta = app.state().eta();
        robot.interact(() -> {
            diagram.getXAxis().setAutoRanging(false);
            diagram.getXAxis().set(eta - 0.02, eta + 0.03);
        });
        LiveAppFixture.waitUntil(60, () -> !app.view().bifurcation().busy()
                && app.view().bifurcation().statusText().contains(String.format(java.util.Locale.ROOT, "on [%.5g", eta - 0.02)));
        LiveAppFixture.waitUntil(10, () -> {
            var line = marker.getChartChildren().stream().filter(n -> n instanceof javafx.scene.shape.Line).findFirst();
            double x = diagram.getXAxis().getDisplayPosition(eta);
            return line.isPresent() && Math.abs(((javafx.scene.shape.Line) line.get()).getStartX() - x) < 3;
        });
        robot.interact(() -> {                                                       // a zoom off live η
            diagram.getXAxis().setAutoRanging(false);
            diagram.getXAxis().set(eta + 0.01, eta + 0.05);
        });
        LiveAppFixture.waitUntil(60, () -> !app.view().bifurcation().busy());
        LiveAppFixture.waitUntil(10, () -> marker.getChartChildren().isEmpty());
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }
}
