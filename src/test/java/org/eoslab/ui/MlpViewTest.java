package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.engine.mlp.IdxFixtures;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.run.LiveState;
import org.eoslab.ui.mlp.MlpPanels;
import org.eoslab.ui.mlp.SideBySideView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The model switch, the ReLU network tab and the Fig. 1 side-by-side view, headless. */
class MlpViewTest extends LiveAppTestBase {
    @TempDir Path tmp;

    @Override
    protected Parameters parameters() {
        return LiveAppTest.START;
    }

    private LiveState<MlpParameters> mlpState() {
        return app.view().mlp().bench().state();
    }

    /** Switches to the MLP and shrinks it (300 samples, width 64) so a headless run is quick. */
    private void startSmallMlp(FxRobot robot) {
        startMlp(robot, 300, 64);
    }

    private void startMlp(FxRobot robot, int samples, int hidden) {
        robot.interact(() -> app.view().model().setValue(Model.MLP));
        assertTrue(app.view().tabs().getSelectionModel().getSelectedItem().getId().equals("tab-mlp"));
        assertTrue(app.view().mlp().bench().started(), "the MLP engine starts when its tab is shown");
        robot.clickOn("#mlp-samples-field").eraseText(8).write(Integer.toString(samples)).type(KeyCode.ENTER);
        robot.clickOn("#mlp-hidden-field").eraseText(8).write(Integer.toString(hidden)).type(KeyCode.ENTER);
        LiveAppFixture.waitUntil(30, () -> mlpState() != null && mlpState().history() != null
                && mlpState().parameters().hidden() == hidden && mlpState().parameters().samples() == samples);
    }

    /**
     * View › Central flow on the ReLU tab (issue 26): the paper's flow follows the ReLU network from its step 0, dashed in
     * its loss and sharpness panels, with the readout under them; 'cycle' is refused with why; off takes it away.
     */
    @Test
    void theCentralFlowFollowsTheReluNetwork(FxRobot robot) throws Exception {
        robot.interact(() -> {                                     // the flow costs ~200 Hessian-vector products a step
            app.view().model().setValue(Model.MLP);
            app.view().mlp().bench().restart(MlpParameters.defaults().withSamples(100).withHidden(16), true);
        });
        LiveAppFixture.waitUntil(30, () -> mlpState() != null && mlpState().history() != null && mlpState().parameters().hidden() == 16);
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) app.view().getScene().getRoot().lookup(".menu-bar");
        java.util.function.Function<String, javafx.scene.control.MenuItem> item = id -> bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        var relu = app.view().mlp();
        robot.interact(() -> item.apply("central-flow-paper").fire());
        LiveAppFixture.waitUntil(60, () -> relu.bench().engine().centralFlow().current() != null
                && relu.bench().engine().centralFlow().current().history().size() > org.eoslab.run.FlowAgreement.WINDOW);
        assertTrue(app.view().engine().centralFlow().current() == null, "the linear network's flow stays off");
        LiveAppFixture.waitUntil(20, () -> relu.flow().text().startsWith("The paper's central flow (S held at 2/η) at step "));
        assertFalse(relu.flow().text().contains("σ₁"), "no end-to-end product to compare: " + relu.flow().text());
        for (org.eoslab.ui.mlp.MlpPanel p : new org.eoslab.ui.mlp.MlpPanel[] {org.eoslab.ui.mlp.MlpPanel.LOSS, org.eoslab.ui.mlp.MlpPanel.SHARPNESS}) {
            LiveAppFixture.waitUntil(20, () -> relu.panels().panel(p).chart().getDatasets().stream()
                    .anyMatch(d -> d.getName().startsWith("central flow") && d.getDataCount() > 5));
        }
        robot.interact(() -> item.apply("central-flow-cycle").fire());
        LiveAppFixture.waitUntil(20, () -> relu.flow().text().contains("'cycle' holds GD's 2-cycle condition"));
        robot.interact(() -> item.apply("central-flow-off").fire());
        LiveAppFixture.waitUntil(20, () -> relu.flow().text().isEmpty() && !relu.panels().showsFlow());
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    /**
     * The ReLU sweep tab (issue 27): a bad field is named with its range and nothing runs; a sweep runs in the
     * background and each row equals the cell run directly; Save writes the command's files (an unwritable folder is
     * said, not thrown); Cancel stops a long sweep and keeps its finished cells.
     */
    @Test
    void theReluSweepTabSweepsInTheBackground(FxRobot robot) throws Exception {
        var view = app.view().mlpSweep();
        robot.interact(() -> app.view().select(org.eoslab.config.View.MLP_SWEEP));
        assertEquals(Model.MLP, app.view().model().getValue(), "the model switch names the ReLU network");
        robot.clickOn("#mlp-sweep-eta-count").eraseText(4).write("0");
        robot.clickOn("#mlp-sweep-start");
        assertTrue(view.statusText().startsWith("count: 0 is outside the allowed range [1, 200]"), view.statusText());
        assertFalse(view.busy());

        MlpParameters base = MlpParameters.defaults().withSamples(200).withHidden(24).withSteps(30).withSharpnessEvery(3);
        var spec = new org.eoslab.run.MlpSweep.Spec(base, new double[] {1, 2}, new long[] {1}, new int[] {4});
        robot.interact(() -> view.start(spec));
        LiveAppFixture.waitUntil(60, () -> !view.busy());
        assertTrue(view.statusText().startsWith("swept 2 of 2 cells on"), view.statusText());
        var data = org.eoslab.run.MlpTrainer.load(base);
        for (var cell : spec.cells()) {
            assertTrue(view.shownRows().contains(org.eoslab.run.MlpSweep.run(spec, cell, data)), "the row of " + cell);
        }
        Path dir = tmp.resolve("saved");
        robot.interact(() -> assertTrue(view.saveTo(dir)));
        assertEquals(3, Files.readAllLines(dir.resolve("mlp-sweep.csv")).size());
        assertTrue(Files.size(dir.resolve("mlp-sweep.png")) > 10_000 && Files.exists(dir.resolve("mlp-sweep.json")));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        robot.interact(() -> assertFalse(view.saveTo(file.resolve("under"))));
        assertTrue(view.statusText().startsWith("could not save the sweep: "), view.statusText());

        var slow = new org.eoslab.run.MlpSweep.Spec(base.withSteps(100_000), new double[] {1, 2, 3}, new long[] {1}, new int[] {4});
        robot.interact(() -> view.start(slow));
        robot.interact(view::cancel);
        LiveAppFixture.waitUntil(30, () -> !view.busy());
        assertTrue(view.statusText().startsWith("cancelled: 0 of 3 cells finished"), view.statusText());
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    /**
     * The ReLU network's landscape tab (issue 26): the slice through its iterate, forward passes at capped points, its
     * curvature the Lanczos sharpness, with the ReLU network's own controls beside it and the model switch on it.
     */
    @Test
    void theReluLandscapeTabSlicesTheReluNetwork(FxRobot robot) throws Exception {
        startSmallMlp(robot);
        LiveAppFixture.waitUntil(60, () -> mlpState().steps() > 40);
        robot.interact(() -> app.view().select(org.eoslab.config.View.MLP_LANDSCAPE));
        var view = app.view().reluLandscape();
        LiveAppFixture.waitUntil(60, () -> view.latest() != null);
        var l = view.latest();
        assertEquals(41, l.x().length, "the ReLU network's slice is capped: a forward pass per point");
        assertEquals(l.sharpness(), l.curvature(), 1e-3 * l.sharpness(), "u₁ᵀHu₁ = λ_max");
        assertEquals(2 / mlpState().eta(), l.stableCurvature(), 1e-12);
        assertTrue(view.readout().contains("× 2/η"), view.readout());
        assertEquals("tab-mlp-landscape", app.view().tabs().getSelectionModel().getSelectedItem().getId(), "the tab stays");
        assertEquals(Model.MLP, app.view().model().getValue(), "the model switch names the ReLU network");
        assertTrue(app.view().getLeft() == app.view().mlp().sideControls(), "the ReLU network's controls beside it");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    @Test
    void theModelSwitchRunsTheReluNetworkAndFillsItsPanels(FxRobot robot) throws Exception {
        assertFalse(app.view().mlp().bench().started(), "the MLP costs nothing until it is shown");
        startSmallMlp(robot);
        LiveAppFixture.waitUntil(60, () -> mlpState().steps() > 60);
        WaitForAsyncUtils.waitForFxEvents();
        for (org.eoslab.ui.mlp.MlpPanel k : org.eoslab.ui.mlp.MlpPanel.values()) {
            LiveAppFixture.waitUntil(10, () -> app.view().mlp().panels().panel(k).pointCount() > 0);
        }
        assertEquals(app.view().mlp().panels().layerChoice().comboBox().getValue(), 3, "penultimate layer of a depth-4 network");
        assertTrue(app.view().mlp().statusText().contains("fashion-mnist"), app.view().mlp().statusText());
        LiveAppFixture.waitUntil(10, () -> app.view().mlp().contrastText().matches(
                "layer W₃: the top-5 singular values move \\d+× more per step than the bottom-5 \\(last \\d+ steps\\)"));
        javafx.scene.control.Label scope = robot.lookup("#status-scope").queryAs(javafx.scene.control.Label.class);
        assertTrue(scope.isVisible() && scope.getText().startsWith("linear network"),
                "the bottom bar says it describes the linear run");

        robot.clickOn("#mlp-eta-field").eraseText(12).write("0.2").type(KeyCode.ENTER);
        LiveAppFixture.waitUntil(10, () -> mlpState().eta() == 0.2);
        int generation = mlpState().generation();
        long steps = mlpState().steps();
        LiveAppFixture.waitUntil(20, () -> mlpState().steps() > steps + 5);
        assertEquals(generation, mlpState().generation(), "η applies live, without a restart");

        Path csv = tmp.resolve("mlp.csv");
        Path json = tmp.resolve("mlp.json");
        Thread[] exports = new Thread[2];
        robot.interact(() -> {
            exports[0] = app.view().files().exportTrajectory(csv, false);
            exports[1] = app.view().files().exportTrajectory(json, true);
        });
        exports[0].join(20_000);
        exports[1].join(20_000);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", new MlpColumns(4).names()), lines.get(0), "the MLP's columns, not the linear run's");
        assertTrue(lines.size() > 60);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertEquals(64, tree.get("parameters").get("hidden").asInt());
        assertTrue(tree.get("columns").has("layer3_top_1"));

        robot.interact(() -> app.view().model().setValue(Model.LINEAR));
        assertEquals("tab-training", app.view().tabs().getSelectionModel().getSelectedItem().getId());
        assertFalse(scope.isVisible(), "on the linear tabs the bar needs no label");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    /** A pinned ReLU run stays as a ghost in every MLP panel while the network starts over. */
    /**
     * The ReLU network's session through the window: saved from its tab with its pin, reopened after the run moved
     * on, it shows the saved rows and pin on the ReLU tab, paused at the saved step, and continues from there.
     */
    @Test
    void aReluSessionSavedFromItsTabReopensThereAndContinues(FxRobot robot) throws Exception {
        startSmallMlp(robot);
        LiveAppFixture.waitUntil(60, () -> mlpState().steps() >= 20);
        robot.interact(() -> app.view().mlp().bench().engine().pause());
        LiveAppFixture.waitUntil(20, () -> !mlpState().playing());
        robot.clickOn("#mlp-pin");
        long savedAt = mlpState().steps();
        Path file = tmp.resolve("relu.eoslab");
        java.util.concurrent.CompletableFuture<Path> saving = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> app.view().files().saveSession(file).whenComplete((f, e) -> {
            if (e != null) saving.completeExceptionally(e); else saving.complete(f);
        }));
        assertEquals(file, saving.get(30, java.util.concurrent.TimeUnit.SECONDS));
        robot.interact(() -> {
            app.view().mlp().bench().clearPins();
            app.view().mlp().bench().engine().stepBy(15);
            app.view().select(org.eoslab.config.View.TRAINING);
        });
        LiveAppFixture.waitUntil(30, () -> mlpState().steps() == savedAt + 15);
        int generation = mlpState().generation();
        assertTrue(PresetsExportSessionTest.fx(() -> app.view().files().openSession(file)).get(30, java.util.concurrent.TimeUnit.SECONDS),
                app.view().lastError());
        LiveAppFixture.waitUntil(30, () -> mlpState().generation() > generation && mlpState().steps() == savedAt);
        assertEquals("tab-mlp", app.view().tabs().getSelectionModel().getSelectedItem().getId(), "its own tab is shown");
        assertEquals(savedAt + 1, mlpState().history().size(), "the saved rows, step 0 to " + savedAt);
        assertEquals(1, app.view().mlp().bench().pins().size(), "the pin came back");
        assertFalse(mlpState().playing(), "paused at the saved step");
        robot.interact(() -> app.view().mlp().bench().engine().stepBy(5));
        LiveAppFixture.waitUntil(30, () -> mlpState().steps() == savedAt + 5);
        assertTrue(Double.isFinite(mlpState().history().get((int) savedAt + 5, MlpColumns.LOSS)), "it goes on");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    @Test
    void aPinnedReluRunIsAGhostInEveryPanel(FxRobot robot) {
        startSmallMlp(robot);
        LiveAppFixture.waitUntil(60, () -> mlpState().steps() > 20);
        robot.clickOn("#mlp-pin");
        WaitForAsyncUtils.waitForFxEvents();
        for (org.eoslab.ui.mlp.MlpPanel k : org.eoslab.ui.mlp.MlpPanel.values()) {
            assertTrue(app.view().mlp().panels().panel(k).ghostCount() > 0, k + " shows the pin");
        }
        assertTrue(app.view().mlp().bench().pins().get(0).label().startsWith("pin 1: η = "), app.view().mlp().bench().pins().get(0).label());
        robot.clickOn("#mlp-clear-pins");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, app.view().mlp().panels().panel(org.eoslab.ui.mlp.MlpPanel.LOSS).ghostCount());
    }

    @Test
    void sideBySideShowsBothNetworks(FxRobot robot) {
        startSmallMlp(robot);
        robot.interact(() -> app.view().model().setValue(Model.BOTH));
        LiveAppFixture.waitUntil(60, () -> mlpState().steps() > 30);
        LiveAppFixture.waitUntil(20, () -> SideBySideView.KEYS.stream()
                .allMatch(k -> app.view().sideBySide().panel(k).pointCount() > 0));
        // the MLP row shows the penultimate layer's top and bottom five, the linear row the last layer's top k
        assertEquals(10, app.view().sideBySide().panel("fig1-mlp-sigma").series().size());
        assertEquals(app.state().parameters().top(),
                app.view().sideBySide().panel("fig1-dln-sigma").series().size());
        // both rows show the MLP tab's quantities: moved since step 0 (each value) and motion per step (top vs bottom)
        assertEquals(10, app.view().sideBySide().panel("fig1-mlp-drift").series().size());
        assertEquals(2, app.view().sideBySide().panel("fig1-mlp-motion").series().size());
        assertEquals(app.state().parameters().top(), app.view().sideBySide().panel("fig1-dln-drift").series().size());
        assertEquals(1, app.view().sideBySide().panel("fig1-dln-motion").series().size());
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    @Test
    void aTruncatedDataFileIsReportedAndTheRunGoesOn(FxRobot robot) throws Exception {
        startSmallMlp(robot);
        LiveAppFixture.waitUntil(60, () -> mlpState().steps() > 5);
        int generation = mlpState().generation();
        Path images = IdxFixtures.write(tmp.resolve("bad-images-idx3-ubyte"), IdxFixtures.images(2051, 500, 28, 28, 20), false);
        IdxFixtures.write(tmp.resolve("bad-labels-idx1-ubyte"), IdxFixtures.labels(2049, 500, 500), false);
        assertTrue(Files.exists(images));
        robot.interact(() -> app.view().mlp().controls().setData(images));
        LiveAppFixture.waitUntil(20, () -> app.view().mlp().controls().message().contains("truncated"));
        assertTrue(app.view().mlp().controls().message().contains("bad-images-idx3-ubyte"), app.view().mlp().controls().message());
        assertEquals(generation, mlpState().generation(), "the running network is kept");
        long steps = mlpState().steps();
        LiveAppFixture.waitUntil(30, () -> mlpState().steps() > steps);

        robot.clickOn("#mlp-samples-field").eraseText(8).write("50000").type(KeyCode.ENTER);
        String error = app.view().mlp().controls().samples().errorText();
        assertTrue(error != null && error.contains("[100, 20000]"), "field and range named: " + error);
        assertNull(app.view().mlp().controls().eta().errorText());

        // issue 29, item 11: the range follows the data set (MNIST's shipped subset holds 10 000 samples)
        robot.clickOn("#mlp-samples-field").eraseText(8).write("15000").type(KeyCode.ENTER);
        assertEquals(15_000, app.view().mlp().controls().draft().samples(), "Fashion-MNIST's subset holds 20 000");
        robot.interact(() -> app.view().mlp().controls().setShipped(org.eoslab.config.ShippedData.MNIST));
        LiveAppFixture.waitUntil(30, () -> "mnist".equals(app.view().mlp().controls().draft().data()));
        assertEquals(10_000, app.view().mlp().controls().draft().samples(), "no more samples than MNIST's subset holds");
        robot.clickOn("#mlp-samples-field").eraseText(8).write("15000").type(KeyCode.ENTER);
        String mnist = app.view().mlp().controls().samples().errorText();
        assertTrue(mnist != null && mnist.contains("[100, 10000]") && !mnist.contains("/assets"), "MNIST's range, no internal path: " + mnist);
        var refused = org.junit.jupiter.api.Assertions.assertThrows(org.eoslab.config.InvalidParameterException.class,
                () -> MlpParameters.defaults().withData("mnist").withSamples(15_000).validate());
        assertEquals("samples: 15000 is outside the allowed range [1, 10000] for mnist (10k subset shipped with EOS Lab)", refused.getMessage());
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    /** A preset about the ReLU network opens its tab and runs its network there (MNIST, the preset's data). */
    @Test
    void aReluNetworkPresetOpensTheTabAndRunsItsNetwork(FxRobot robot) {
        var preset = PresetLibrary.load("fig09-mnist.json");
        robot.interact(() -> app.view().loadPreset(preset));
        assertEquals("tab-mlp", app.view().tabs().getSelectionModel().getSelectedItem().getId());
        LiveAppFixture.waitUntil(60, () -> mlpState() != null && mlpState().history() != null
                && preset.mlp().sameProblemAs(mlpState().parameters()));
        LiveAppFixture.waitUntil(10, () -> app.view().mlp().statusText().contains("mnist (10k subset"));
        assertEquals(preset.mlp().eta(), app.view().mlp().controls().draft().eta(), 0.0, "the controls show the preset's network");
        javafx.scene.control.Label text = robot.lookup("#mlp-preset-text").queryAs(javafx.scene.control.Label.class);
        assertEquals(preset.description(), text.getText(), "and the preset's text");
    }
}
