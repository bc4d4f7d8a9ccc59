package org.eoslab.ui;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.eoslab.config.Panel;
import org.eoslab.config.Preset;
import org.eoslab.run.FlowFollower;

/** The menu bar: File, Presets, Run and View, each item calling the window or its {@link FileActions}. */
final class Menus {
    private final WindowActions view;
    private final FileActions files;
    private final Map<Panel, CheckMenuItem> panelItems = new EnumMap<>(Panel.class);
    private final MenuBar bar;

    Menus(WindowActions view, FileActions files) {
        this.view = view;
        this.files = files;
        Menu run = new Menu("Run");
        run.getItems().add(item("Reset (R)", view::reset));
        Menu help = new Menu("Help");
        help.getItems().add(item("Where the paper's constants differ…", () -> view.dialogs().showText(
                "The paper's constants", PaperConstants.text())));
        bar = new MenuBar(fileMenu(), presetMenu(), run, viewMenu(), help);
    }

    MenuBar bar() { return bar; }

    /** Ticks the panels a preset shows (all when it names none); the training view follows the ticks. */
    void showPanels(List<Panel> shown) {
        panelItems.forEach((p, item) -> item.setSelected(shown.isEmpty() || shown.contains(p)));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** An item that asks for a file first and does nothing when the user cancels. */
    private MenuItem fileItem(String text, boolean save, String title, String pattern, Consumer<Path> action) {
        return item(text, () -> {
            Path f = save ? view.dialogs().save(title, pattern) : view.dialogs().open(title, pattern);
            if (f != null) action.accept(f);
        });
    }

    private Menu fileMenu() {
        Menu menu = new Menu("File");
        menu.getItems().addAll(
                fileItem("Open preset…", false, "Open preset", "*.json", files::openPreset),
                fileItem("Save current as preset…", true, "Save preset", "*.json", f -> files.savePreset(f, view.preset().title())),
                new SeparatorMenuItem(),
                fileItem("Save session…", true, "Save session (parameters, trajectory, weights)", "*.eoslab", files::saveSession),
                fileItem("Open session…", false, "Open session", "*.eoslab", files::openSession),
                new SeparatorMenuItem(),
                item("Copy configuration", files::copyConfiguration),
                item("Paste configuration", files::pasteConfiguration),
                new SeparatorMenuItem(),
                fileItem("Export trajectory as CSV…", true, "Export trajectory (every step)", "*.csv", f -> files.exportTrajectory(f, false)),
                fileItem("Export trajectory as JSON…", true, "Export trajectory (every step)", "*.json", f -> files.exportTrajectory(f, true)),
                item("Export picture… (Ctrl+E)", files::pictureDialog),
                item("Export animation… (GIF + MP4)", files::animationDialog),
                new SeparatorMenuItem(),
                quit());
        return menu;
    }

    /** File › Quit (Ctrl+Q, ⌘Q): the app's stop closes every engine. */
    private static MenuItem quit() {
        MenuItem quit = item("Quit", javafx.application.Platform::exit);
        quit.setId("quit");
        quit.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        return quit;
    }

    private Menu presetMenu() {
        Menu menu = new Menu("Presets");
        menu.setId("menu-presets");
        for (String name : PresetLibrary.names()) {
            Preset p = PresetLibrary.load(name);
            MenuItem item = item(p.title(), () -> view.loadPreset(p));
            item.setId("preset-" + name.replace(".json", ""));
            menu.getItems().add(item);
        }
        return menu;
    }

    private Menu viewMenu() {
        Menu menu = new Menu("View");
        for (Panel p : Panel.values()) {
            CheckMenuItem item = new CheckMenuItem(view.training().panels().panel(p).chart().getTitle());
            item.setId("show-" + p.label());
            item.setSelected(true);
            item.selectedProperty().addListener((obs, o, on) -> view.training().setVisible(p, on));
            panelItems.put(p, item);
            menu.getItems().add(item);
        }
        ToggleGroup layout = new ToggleGroup();
        RadioMenuItem grid = radio("Grid of panels", layout, () -> view.training().setSingleMode(false));
        RadioMenuItem single = radio("One large panel", layout, () -> view.training().setSingleMode(true));
        grid.setSelected(true);
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode (P): large type, thick lines");
        presentation.setId("presentation");
        presentation.setOnAction(e -> view.setPresentation(presentation.isSelected()));
        CheckMenuItem controls = new CheckMenuItem("Show controls (C)");
        controls.setSelected(true);
        controls.setOnAction(e -> view.setControlsVisible(controls.isSelected()));
        ToggleGroup theme = new ToggleGroup();
        RadioMenuItem light = radio("Light theme (high contrast)", theme, () -> view.setDark(false));
        RadioMenuItem dark = radio("Dark theme (D)", theme, () -> view.setDark(true));
        light.setSelected(true);
        ToggleGroup flowGroup = new ToggleGroup();
        RadioMenuItem noFlow = radio("No central flow", flowGroup, () -> view.shownBench().setCentralFlow(null));
        noFlow.setId("central-flow-off");
        noFlow.setSelected(true);
        List<RadioMenuItem> flows = new java.util.ArrayList<>(List.of(noFlow));
        for (FlowFollower.Kind kind : FlowFollower.Kind.values()) {
            RadioMenuItem item = radio("Central flow: " + kind.label(), flowGroup, () -> view.shownBench().setCentralFlow(kind));
            item.setId("central-flow-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            flows.add(item);
        }
        menu.setOnShowing(e -> {                          // the keys P, C, D change these without the menu
            FlowFollower.Kind shown = view.shownBench().centralFlow();   // the shown tab's network's
            flows.get(shown == null ? 0 : shown.ordinal() + 1).setSelected(true);
            presentation.setSelected(view.presentation());
            controls.setSelected(view.controlsShown());
            (view.dark() ? dark : light).setSelected(true);
        });
        menu.getItems().addAll(new SeparatorMenuItem(), grid, single, new SeparatorMenuItem());
        menu.getItems().addAll(flows);
        menu.getItems().addAll(new SeparatorMenuItem(), presentation, controls, light, dark);
        return menu;
    }

    private static RadioMenuItem radio(String text, ToggleGroup group, Runnable action) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setToggleGroup(group);
        item.setOnAction(e -> action.run());
        return item;
    }
}
