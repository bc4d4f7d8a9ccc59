package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.eoslab.config.Network;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.View;
import org.eoslab.run.PeriodMap;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lecture's path through the presets: whatever was done under one preset (a zoom, an axis choice, a pin, a
 * layer pick), the next preset opens the window in exactly the state a fresh start with it gives.
 */
@org.eoslab.Slow
class PresetSequenceTest extends LiveAppTestBase {
    @Override
    protected Parameters parameters() {
        return PresetLibrary.load("default.json").parameters();
    }

    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** Opens {@code name} in the running window, and in a fresh window of its own; both show {@code tab}. */
    private void assertOpensAsAFreshStart(FxRobot robot, String name, View tab) throws Exception {
        Preset preset = PresetLibrary.load(name);
        robot.interact(() -> app.view().loadPreset(preset));
        AppWindow fresh = fx(() -> {
            AppWindow w = new AppWindow(new Stage(), preset, 1400, 900);
            w.stage().show();
            w.start();
            return w;
        });
        try {
            robot.interact(() -> { app.view().select(tab); fresh.view().select(tab); });
            waitForRuns(app.view());
            waitForRuns(fresh.view());
            WaitForAsyncUtils.waitForFxEvents();
            List<String> sequence = fx(() -> Fingerprint.of(app.view()));
            List<String> start = fx(() -> Fingerprint.of(fresh.view()));
            assertEquals(String.join("\n", start), String.join("\n", sequence), name + " after other presets = a fresh start");
        } finally {
            robot.interact(() -> { fresh.close(); fresh.stage().hide(); });
        }
    }

    /** Each network the shown tab is about has started its run: its first row is out (its layer choice set). */
    private static void waitForRuns(MainView v) {
        LiveAppFixture.waitUntil(120, () -> v.selectedView().networks().stream().allMatch(n -> {
            var s = v.bench(n).state();
            return s != null && s.history() != null && s.history().size() > 0;
        }));
    }

    /** Item 1: a zoom into Fig. 7's diagram (y 4-13) left Fig. 5's diagram empty under a stuck axis. */
    @Test
    void aZoomedBifurcationDiagramDoesNotLeakIntoTheNextPreset(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().loadPreset(PresetLibrary.load("fig07-oscillation-range.json")));
        robot.interact(() -> app.view().select(View.BIFURCATION));
        XYChart diagram = robot.lookup("#bif-diagram").queryAs(XYChart.class);
        robot.interact(() -> {
            diagram.getYAxis().setAutoRanging(false);
            diagram.getYAxis().set(4, 13);
        });
        assertOpensAsAFreshStart(robot, "fig05-period-two.json", View.BIFURCATION);
        LiveAppFixture.waitUntil(60, () -> !app.view().bifurcation().busy() && app.view().bifurcation().pointCount() > 0
                && app.view().bifurcation().lyapunovPointCount() > 0);
        // within one preset, Sweep after a zoom ranges the y axis on the new sweep again
        XYChart shown = fx(() -> (XYChart) app.view().content(View.BIFURCATION).lookup("#bif-diagram"));
        robot.interact(() -> {
            shown.getYAxis().setAutoRanging(false);
            shown.getYAxis().set(4, 13);
            app.view().bifurcation().start(new double[] {0.25, 0.35});
        });
        LiveAppFixture.waitUntil(60, () -> !app.view().bifurcation().busy() && shown.getYAxis().isAutoRanging());
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }

    /** Item 2: the period map's axis chosen under one tour stayed for the next. */
    @Test
    void thePeriodMapAxisDoesNotLeakFromTourToTour(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().loadPreset(PresetLibrary.load("tour-period-doubling.json")));
        robot.interact(() -> {
            app.view().select(View.MAP);
            app.view().periodMap().axis().setValue(PeriodMap.Axis.DEPTH);
        });
        assertOpensAsAFreshStart(robot, "tour-period-map.json", View.MAP);
        assertEquals(PeriodMap.Axis.RATIO, app.view().periodMap().axis().getValue(), "the tour's map plots (η, σ₂*/σ₁*)");
    }

    /** Item 2: a 4-layer ReLU preset, then a 6-layer one: the layer picker shows the penultimate W₅. */
    @Test
    void aDeeperReluPresetShowsItsOwnPenultimateLayer(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().loadPreset(PresetLibrary.load("fig15-four-layers-fashion-mnist.json")));
        waitForRuns(app.view());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, app.view().mlp().panels().layerChoice().comboBox().getValue());
        assertOpensAsAFreshStart(robot, "fig17-six-layers-fashion-mnist.json", View.MLP);
        assertEquals(5, app.view().mlp().panels().layerChoice().comboBox().getValue(), "the penultimate layer W₅");
    }

    /** Item 2: the fork tour's pin is not drawn over Fig. 4. */
    @Test
    void pinsStayWithThePresetTheyWereMadeUnder(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().loadPreset(PresetLibrary.load("tour-fork.json")));
        waitForRuns(app.view());
        robot.interact(() -> app.view().bench(Network.DLN).pinRun());
        assertEquals(1, app.view().bench(Network.DLN).pins().size());
        assertOpensAsAFreshStart(robot, "fig04-balance-large-alpha.json", View.TRAINING);
        assertEquals(0, app.view().bench(Network.DLN).pins().size());
    }

    /** The window's look (theme, presentation mode) is the window's, not the preset's: it carries over. */
    @Test
    void theThemeCarriesOverToTheNextPreset(FxRobot robot) {
        robot.interact(() -> app.view().setDark(true));
        robot.interact(() -> app.view().loadPreset(PresetLibrary.load("fig05-period-two.json")));
        assertTrue(app.view().dark(), "still dark");
        assertEquals("EOS Lab — " + PresetLibrary.load("fig05-period-two.json").title(), app.stage.getTitle());
    }
}
