package org.eoslab.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.eoslab.config.Animation;
import org.eoslab.config.ConfigText;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Network;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.Presets;
import org.eoslab.config.RunParameters;
import org.eoslab.export.AtomicFiles;
import org.eoslab.export.ExportException;
import org.eoslab.export.PngWriter;
import org.eoslab.export.SessionCodec;
import org.eoslab.export.SessionFile;
import org.eoslab.export.TrajectoryCsvWriter;
import org.eoslab.export.TrajectoryJson;
import org.eoslab.run.History;
import org.eoslab.run.LiveState;
import org.eoslab.run.SessionData;
import org.eoslab.ui.workbench.Workbench;

/**
 * What the File menu does: presets and sessions in and out, the configuration as text, the full trajectory
 * as CSV or JSON, pictures for slides. Slow writes run off the FX thread; every failure is a dialog naming
 * the file and the reason, and the current run goes on.
 */
public final class FileActions {
    private final WindowActions view;
    private final Dialogs dialogs;

    FileActions(WindowActions view, Dialogs dialogs) {
        this.view = view;
        this.dialogs = dialogs;
    }

    /** Loads a preset file; a bad one is reported (file, field, range) and the current run goes on. */
    public boolean openPreset(Path file) {
        try {
            view.loadPreset(Presets.load(file));
            return true;
        } catch (InvalidParameterException e) {
            dialogs.showError("Cannot open preset", e.getMessage());
            return false;
        }
    }

    /** Writes the current parameters as a preset (atomically), keeping the current title and text. */
    public boolean savePreset(Path file, String title) {
        Preset current = Preset.of(title, view.preset().description(), view.controls().draft(),
                view.training().visiblePanels(), view.selectedView().name());
        try {
            String json = Presets.toJson(current);
            AtomicFiles.writeText(file, w -> w.write(json));
            return true;
        } catch (ExportException e) {
            dialogs.showError("Cannot save preset", e.getMessage());
            return false;
        }
    }

    /**
     * Saves the shown tab's network's run as a session: its engine copies its state, a background thread writes
     * the file.
     */
    public CompletableFuture<Path> saveSession(Path file) {
        return view.shownBench().saveSession(file).whenComplete((f, error) -> {
            if (error != null) Platform.runLater(() -> dialogs.showError("Cannot save session", rootMessage(error)));
        });
    }

    /**
     * File › Open session, of either network: the file is read and checked on a background thread (a large session
     * takes seconds; a device, a pipe or a bomb is refused there), and only the finished session reaches the window,
     * on the FX thread, where its trajectory is shown and the run continues from its last step on Play. A run that
     * could not go on (a missing target file) is refused before anything switches. Completes with whether it opened.
     */
    public CompletableFuture<Boolean> openSession(Path file) {
        Map<Network, SessionCodec<?>> codecs = new EnumMap<>(Network.class);
        for (Network n : Network.values()) if (view.bench(n) != null) codecs.put(n, view.bench(n).sessions());
        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> SessionFile.load(file, codecs::get)).whenComplete((session, error) ->
                Platform.runLater(() -> opened.complete(show(file, session, error))));
        return opened;
    }

    /** Shows a session read off the FX thread, or the reason it could not be read; whether it is shown. */
    private boolean show(Path file, SessionData<?> session, Throwable error) {
        try {
            if (error != null) throw error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            view.openSession(session);
            return true;
        } catch (InvalidParameterException e) {
            dialogs.showError("Cannot open session", e.getMessage());
        } catch (Throwable e) {
            dialogs.showError("Cannot open session", file + ": " + rootMessage(e));
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t instanceof CompletionException || t.getMessage() == null)) t = t.getCause();
        return t.getMessage();
    }

    /** Puts the one-line text form of the parameters on the clipboard. */
    public String copyConfiguration() {
        String text = ConfigText.format(view.controls().draft());
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        return text;
    }

    /** Restores parameters from the clipboard's text form; bad text is reported and nothing changes. */
    public boolean pasteConfiguration() {
        try {
            Parameters p = ConfigText.parse(Clipboard.getSystemClipboard().getString());
            view.showParameters(p);
            view.restart(p, true);
            return true;
        } catch (InvalidParameterException e) {
            dialogs.showError("Cannot paste configuration", e.getMessage());
            return false;
        }
    }

    /**
     * The full trajectory (not the decimated display) to CSV or JSON, on a background thread: the ReLU
     * network's when its tab is shown, the linear network's otherwise; each pinned run of that network beside
     * it as X.pin-k.csv (or .json).
     */
    public Thread exportTrajectory(Path file, boolean json) {
        Workbench<?> bench = view.shownBench();
        LiveState<?> s = bench.state();
        History h = s == null ? null : s.history();
        if (h == null) {
            dialogs.showError("Nothing to export", "the run has no steps yet");
            return null;
        }
        RunParameters parameters = s.parameters();
        java.util.List<org.eoslab.run.Pin> pins = bench.pins();
        Thread t = new Thread(() -> {
            try {
                if (json) TrajectoryJson.write(h, parameters, file);
                else TrajectoryCsvWriter.write(h, file);
                for (int k = 0; k < pins.size(); k++) {
                    org.eoslab.run.Pin pin = pins.get(k);
                    Path pinFile = pinFile(file, k + 1);
                    if (json) TrajectoryJson.write(pin.history(), pin.rows(), pin.parameters(), pinFile);
                    else TrajectoryCsvWriter.write(pin.history(), pin.rows(), pinFile);
                }
            } catch (ExportException e) {
                Platform.runLater(() -> dialogs.showError("Export failed", e.getMessage()));
            }
        }, "eos-export");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** run.csv → run.pin-2.csv: pin k's file beside the exported trajectory. */
    public static Path pinFile(Path file, int k) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return file.resolveSibling(stem + ".pin-" + k + ext);
    }

    /** Renders a node at 1×, 2× or 3× (FX thread) and writes the PNG, with the parameters as caption if asked. */
    public boolean exportPicture(Node target, double scale, boolean caption, Path file) {
        try {
            view.training().flushAll();
            BufferedImage image = NodeImages.render(target, scale);
            String text = caption ? PngWriter.caption(view.controls().draft()) : null;
            PngWriter.write(image, text, scale, file);
            return true;
        } catch (ExportException e) {
            dialogs.showError("Export failed", e.getMessage());
            return false;
        }
    }

    /** File › Export animation…: the form, then where; the recording has its own progress window with Cancel. */
    void animationDialog() {
        new AnimationDialog(view).ask().ifPresent(a -> {
            Path file = dialogs.save("Export animation (writes a .gif and an .mp4)", "*.gif");
            if (file != null) exportAnimation(a, file);
        });
    }

    /**
     * Records {@code animation} into X.gif and X.mp4 next to {@code chosen}; an unwritable folder is refused at
     * once, a failure later is a dialog, and a finished export says what it wrote. Null when refused.
     */
    public AnimationExport exportAnimation(Animation animation, Path chosen) {
        Path[] files = AnimationExport.files(chosen);
        try {
            AtomicFiles.requireWritableDirectory(files[0].toAbsolutePath().getParent(), "animation folder");
        } catch (ExportException e) {
            dialogs.showError("Export failed", e.getMessage());
            return null;
        }
        return AnimationExport.start(view, animation, files[0], files[1], done -> {
            dialogs.showText("Animation exported", done);
        }, error -> dialogs.showError("Export failed", error));
    }


    /** Asks what to export (the tab's charts, one panel or the window), at which scale, with or without caption, and where. */
    void pictureDialog() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export picture");
        PictureForm form = pictureForm();
        dialog.getDialogPane().setContent(form.pane());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (view.getScene() != null) dialog.initOwner(view.getScene().getWindow());
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            form.remember();
            Path file = dialogs.save("Export picture", "*.png");
            if (file != null) exportPicture(form.what().getValue().node().get(), form.scale().getValue(), form.caption().isSelected(), file);
        });
    }

    /** The picture form, on the choices made last time (kept in the user's preferences). */
    PictureForm pictureForm() {
        PictureForm.Target tab = new PictureForm.Target("current tab's charts", () -> view.selectedView().picture());
        ComboBox<PictureForm.Target> what = new ComboBox<>(FXCollections.observableArrayList(tab,
                new PictureForm.Target("whole window", () -> view.getScene().getRoot())));
        for (Panel p : Panel.values()) {
            what.getItems().add(new PictureForm.Target("panel: " + p.label(), () -> view.training().panels().panel(p)));
        }
        return new PictureForm(what, new ComboBox<>(FXCollections.observableArrayList(1, 2, 3)), new CheckBox("caption with the parameters"));
    }
}
