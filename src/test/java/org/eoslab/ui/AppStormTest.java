package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.eoslab.config.Network;
import org.eoslab.config.Parameters;
import org.eoslab.config.Presets;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seeded storm of 320 random actions on the live app, headless: garbage and numbers typed into every text
 * field and spinner, check boxes and combo boxes flipped, presets loaded, tabs switched, shortcut keys pressed.
 * Afterwards: no exception on any thread, the engine threads alive and no new ones, and the controls showing
 * what the linear engine runs.
 */
@org.eoslab.Slow
class AppStormTest extends LiveAppTestBase {
    private static final String[] GARBAGE = {"abc", "", " ", "-1", "0", "1e999", "NaN", "0x10", "1,5", "∞", "9999999999",
            "0.3", "2", "-0.0", "1e-300", "'; DROP", "\t", "12abc", "5", "0.25"};

    @Override
    protected Parameters parameters() {
        return Parameters.defaults().withWidth(10).withEta(0.24).withSteps(1_000_000);
    }

    @Test
    void threeHundredRandomActionsLeaveNoExceptionAndAgreeingControls(FxRobot robot) throws Exception {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().steps() > 10);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<Path> presets = new ArrayList<>();
        try (var files = Files.list(Path.of("presets"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                if (Presets.load(p).networkOrDefault() == Network.DLN) presets.add(p);   // the MLP ones train for long
            }
        }
        Random rng = new Random(1129);
        int actions = 320;
        for (int i = 0; i < actions; i++) {
            int kind = rng.nextInt(10);
            switch (kind) {
                case 0, 1, 2, 3 -> robot.interact(() -> typeInto(randomOf(rng, textInputs()), GARBAGE[rng.nextInt(GARBAGE.length)], rng));
                case 4 -> robot.interact(() -> flip(randomOf(rng, app.view().lookupAll(".check-box")), randomOf(rng, app.view().lookupAll(".combo-box")), rng));
                case 5 -> { Path p = presets.get(rng.nextInt(presets.size())); robot.interact(() -> app.view().files().openPreset(p)); }
                case 6 -> robot.interact(() -> {
                    TabPane tabs = (TabPane) app.view().lookup("#tabs");
                    tabs.getSelectionModel().select(rng.nextInt(tabs.getTabs().size()));
                });
                case 7 -> robot.interact(() -> app.view().requestFocus()).type(randomOf(rng, List.of(KeyCode.P, KeyCode.SPACE,
                        KeyCode.R, KeyCode.C, KeyCode.G, KeyCode.DIGIT1, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.ESCAPE)));
                case 8 -> {                                               // real typing, now and then
                    Node field = randomOf(rng, textInputs());
                    if (field != null && field.isVisible() && field.getScene() != null) {
                        try {
                            robot.clickOn(field).write(GARBAGE[rng.nextInt(GARBAGE.length)]).type(KeyCode.ENTER);
                        } catch (RuntimeException notOnScreen) {                   // in a hidden tab or scrolled away
                            if (!(notOnScreen.getCause() instanceof org.testfx.service.locator.BoundsLocatorException)
                                    && !(notOnScreen instanceof org.testfx.service.locator.BoundsLocatorException)) throw notOnScreen;
                        }
                    }
                }
                default -> robot.sleep(30);
            }
            if (i % 40 == 0) WaitForAsyncUtils.waitForFxEvents();
            if (kind == 5) LiveAppFixture.forgetFiredEvents();                 // they hold the replaced windows
        }
        robot.interact(() -> {
            TabPane tabs = (TabPane) app.view().lookup("#tabs");
            tabs.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        LiveAppFixture.waitUntil(30, () -> !app.view().controls().editing() && app.state().history() != null);
        robot.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
        assertTrue(app.engine().thread().isAlive(), "the linear engine thread lives");
        if (app.view().mlp().bench().started()) assertTrue(app.view().mlp().bench().engine().thread().isAlive(), "the MLP engine thread lives");
        // background computations the storm started (a period map, a sweep) end on their own: wait for them
        LiveAppFixture.waitUntil(300, () -> !app.view().periodMap().busy() && !app.view().bifurcation().busy());
        robot.sleep(500);
        Set<String> added = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).filter(n -> n.startsWith("eos-")).collect(Collectors.toSet());
        assertTrue(added.size() <= 2, "engine threads started during the storm: " + added);   // at most the MLP's
        Parameters shown = app.view().controls().draft();
        Parameters running = app.state().parameters();
        assertEquals(running.withEta(0).withSteps(0), shown.withEta(0).withSteps(0), "the controls show the running problem");
        assertEquals(running.eta(), shown.eta(), 1e-12 * running.eta(), "and its η");
    }

    private List<Node> textInputs() {
        return app.view().lookupAll(".text-input").stream().filter(n -> n instanceof TextInputControl t && t.isEditable()
                && !t.isDisabled() && n.getScene() != null).toList();
    }

    private static <T> T randomOf(Random rng, java.util.Collection<T> items) {
        if (items.isEmpty()) return null;
        int k = rng.nextInt(items.size());
        for (T t : items) if (k-- == 0) return t;
        return null;
    }

    private static void typeInto(Node node, String text, Random rng) {
        if (!(node instanceof TextInputControl field)) return;
        field.requestFocus();
        field.setText(text);
        if (field instanceof javafx.scene.control.TextField tf) tf.fireEvent(new ActionEvent());
        if (rng.nextBoolean()) field.getParent().requestFocus();                   // commit on focus loss too
    }

    private static void flip(Node box, Node combo, Random rng) {
        if (rng.nextBoolean() && box instanceof CheckBox c && !c.isDisabled()) c.fire();
        else if (combo instanceof ComboBox<?> cb && !cb.isDisabled() && !cb.getItems().isEmpty()) {
            cb.getSelectionModel().select(rng.nextInt(cb.getItems().size()));
        }
    }
}
