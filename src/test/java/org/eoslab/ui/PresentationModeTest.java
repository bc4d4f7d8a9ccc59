package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 29, item 4: presentation mode (P) at a projector's 1280×720, on every tab: no chart squeezed flat, no two
 * tick labels on top of each other, the axis names within their charts, the type larger than the window's own.
 */
class PresentationModeTest extends LiveAppTestBase {
    /** A plot area at least this high (px, of 720): a ninth of the screen, enough to read a curve from the back. */
    static final double MIN_PLOT = 80;
    @Override
    protected Parameters parameters() {
        return PresetLibrary.load("default.json").parameters();
    }

    @org.eoslab.Slow
    @Test
    void everyTabReadsAtProjectorSize(FxRobot robot) {
        everyTabReads(robot, 1280, 720, true);
    }

    /** Item 7: the same on a laptop's screen without presentation mode (names of axes once clipped, labels crowded). */
    @org.eoslab.Slow
    @Test
    void everyTabReadsInTheWindowAsItOpens(FxRobot robot) {
        everyTabReads(robot, 1400, 900, false);
    }

    private void everyTabReads(FxRobot robot, int width, int height, boolean presentation) {
        robot.interact(() -> {
            app.stage.setWidth(width);
            app.stage.setHeight(height);
            app.view().mlp().bench().restart(
                    MlpParameters.defaults().withSamples(300).withHidden(64).withSteps(40), true);
        });
        LiveAppFixture.waitUntil(30, () -> app.state() != null && app.state().steps() > 1000);
        robot.interact(() -> app.view().setPresentation(presentation));
        for (View v : View.values()) {
            robot.interact(() -> app.view().select(v));
            for (var n : v.networks()) {
                LiveAppFixture.waitUntil(60, () -> app.view().bench(n).state() != null && app.view().bench(n).state().steps() > 10);
            }
            WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);   // a few frames to range and draw
            WaitForAsyncUtils.waitForFxEvents();
            List<XYChart> charts = new ArrayList<>();
            charts(app.view().liveView(v).content(), charts);
            for (XYChart chart : charts) {
                String where = v + " / " + chart.getTitle();
                assertTrue(chart.getCanvas().getHeight() >= MIN_PLOT, where + ": plot " + chart.getCanvas().getHeight() + " px high");
                for (var axis : chart.getAxes()) assertLabelsApart((AbstractAxis) axis, where);
                Node title = chart.getTitleLabel().lookup(".text");         // the text drawn: cut titles end in "…"
                assertTrue(!(title instanceof javafx.scene.text.Text t) || t.getText().equals(chart.getTitle()),
                        where + ": the title is cut to '" + (title instanceof javafx.scene.text.Text t ? t.getText() : "") + "'");
            }
        }
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }

    /** Item 12: the toolbar, its buttons and the tabs keep their place when the theme changes (they once shifted). */
    @Test
    void theToolbarStaysPutWhenTheThemeChanges(FxRobot robot) {
        LiveAppFixture.waitUntil(30, () -> app.state() != null && app.state().steps() > 10);
        String light = places(robot);
        robot.interact(() -> app.view().setDark(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(light, places(robot), "dark theme");
        robot.interact(() -> app.view().setDark(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(light, places(robot), "light again");
    }

    private static String places(FxRobot robot) {
        StringBuilder b = new StringBuilder();
        for (String id : new String[] {"#model", "#linear-run-controls", "#play", "#reset", "#tabs"}) {
            Node n = robot.lookup(id).query();
            var box = n.localToScene(n.getBoundsInLocal());
            b.append(String.format(java.util.Locale.ROOT, "%s %.0f,%.0f %.0f×%.0f; ", id, box.getMinX(), box.getMinY(), box.getWidth(), box.getHeight()));
        }
        return b.toString();
    }

    /** Visible tick labels do not overlap, and the axis' name fits along it. */
    private static void assertLabelsApart(AbstractAxis axis, String where) {
        List<TickMark> shown = axis.getTickMarks().stream().filter(m -> m.isVisible() && !m.getText().isEmpty()).toList();
        boolean vertical = axis.getSide().isVertical();
        for (int i = 1; i < shown.size(); i++) {
            double gap = Math.abs(shown.get(i).getPosition() - shown.get(i - 1).getPosition());
            double size = vertical ? shown.get(i).getHeight() : (shown.get(i).getWidth() + shown.get(i - 1).getWidth()) / 2;
            assertTrue(gap >= size, where + " " + axis.getSide() + ": labels " + shown.get(i - 1).getText() + " and "
                    + shown.get(i).getText() + " " + gap + " px apart, " + size + " px each");
        }
        double length = vertical ? axis.getHeight() : axis.getWidth();
        double name = new javafx.scene.text.Text(axis.getName()).getLayoutBounds().getWidth()
                * axis.getAxisLabel().getFont().getSize() / javafx.scene.text.Font.getDefault().getSize();
        assertTrue(axis.getName() == null || axis.getName().isEmpty() || name <= length + 1,
                where + " " + axis.getSide() + ": the name '" + axis.getName() + "' (" + name + " px) is longer than the axis (" + length + " px)");
    }

    private static void charts(Node node, List<XYChart> out) {
        if (!node.isVisible()) return;
        if (node instanceof XYChart c) out.add(c);
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) charts(child, out);
    }
}
