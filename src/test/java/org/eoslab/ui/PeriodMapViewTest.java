package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.LossKind;
import org.eoslab.config.Parameters;
import org.eoslab.export.PeriodMapImage;
import org.eoslab.metrics.Theory;
import org.eoslab.run.PeriodMap;
import org.eoslab.ui.orbit.PeriodMapView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The period map tab: it computes itself, reads a cell under the pointer, runs a clicked cell live and zooms. */
class PeriodMapViewTest extends LiveAppTestBase {
    @Override
    protected Parameters parameters() {
        return Parameters.defaults().withWidth(6).withSpectrum(new double[] {2.0, 1.5}).withLoss(LossKind.SUM).withSteps(200);
    }

    @Test
    void theMapComputesItselfReadsClicksAndZooms(FxRobot robot) throws Exception {
        robot.clickOn("Period map");
        LiveAppFixture.waitUntil(120, () -> app.view().periodMap().shown() != null && !app.view().periodMap().busy());
        WaitForAsyncUtils.waitForFxEvents();
        var view = app.view().periodMap();
        assertEquals(org.eoslab.run.SweepDefaults.MAP_ETAS * org.eoslab.run.SweepDefaults.MAP_YS, view.cells().size(), view.statusText());
        assertEquals(PeriodMap.Axis.RATIO, view.shown().axis());

        // a cell far left (η = 0.8·η₁ of the top row): every mode converged
        PeriodMapImage.Plot plot = view.plot();
        double px = plot.left() + 2;
        double py = plot.top() + 2;
        robot.interact(() -> view.hover(px, py));
        String text = view.readoutText();
        assertTrue(text.startsWith("η = ") && text.contains("converged") && text.contains("mode 2: period 1"), text);

        // a click at the middle runs that cell live: its η and its σ₂* = y·σ₁*
        double mx = plot.left() + plot.width() / 2.0;
        double my = plot.top() + plot.height() / 2.0;
        int[] cell = plot.cellAt(mx, my);
        PeriodMap.Cell picked = view.cells().stream().filter(c -> c.column() == cell[0] && c.row() == cell[1]).findFirst().orElseThrow();
        robot.interact(() -> view.click(mx, my));
        LiveAppFixture.waitUntil(30, () -> app.state().eta() == picked.eta());
        assertEquals(picked.y() * 2.0, app.state().parameters().singularValue(2), 1e-12);
        // issue 29, items 9-10: the side panel says what the map read there and when the dense live run can differ
        double s1 = 2.0;
        double s2 = picked.y() * 2.0;
        double eta12 = 2 / ((s1 * s1 - s2 * s2) / (Math.pow(s1, 2.0 / 3) - Math.pow(s2, 2.0 / 3)));   // docs/findings.md
        String side = robot.lookup("#control-preset-text").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(side.startsWith("The map read: η = "), side);
        assertTrue(picked.eta() > eta12 ? side.contains(String.format(java.util.Locale.ROOT, "past the cross-mode onset η12 = %.4g", eta12))
                : side.contains("below every cross-mode onset"), "η = " + picked.eta() + ", η12 = " + eta12 + ": " + side);

        // issue 29, item 12: a drag shows its selection rectangle while it goes on
        javafx.scene.Node canvas = robot.lookup("#map-canvas").query();
        javafx.scene.shape.Rectangle box = robot.lookup("#map-zoom-box").queryAs(javafx.scene.shape.Rectangle.class);
        var origin = canvas.localToScreen(plot.left() + 20.0, plot.top() + 20.0);
        robot.moveTo(origin).press(javafx.scene.input.MouseButton.PRIMARY).moveBy(60, 40);
        WaitForAsyncUtils.waitForFxEvents();
        boolean shown = box.isVisible() && box.getWidth() > 40 && box.getHeight() > 25;
        robot.moveTo(origin).release(javafx.scene.input.MouseButton.PRIMARY);     // back: too small to zoom
        assertTrue(shown, "the selection rectangle is drawn during the drag");
        assertTrue(!box.isVisible(), "and gone after it");

        // dragging over the right half zooms: the new map spans the dragged η range, at the same resolution
        double from = plot.etaAt(mx);
        robot.interact(() -> view.drag(mx, plot.top() + 1, plot.left() + plot.width() - 1, plot.top() + plot.height() - 1));
        LiveAppFixture.waitUntil(120, () -> !view.busy() && view.shown().etas()[0] == Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", from)));
        assertEquals(org.eoslab.run.SweepDefaults.MAP_ETAS, view.shown().etas().length);
        double eta1 = Theory.onsetLearningRate(2.0, 3, 1.0);
        assertTrue(view.shown().etas()[0] > eta1, "zoomed past η₁: " + view.shown().etas()[0]);
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }
}
