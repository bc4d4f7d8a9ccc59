package org.eoslab.ui;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.eoslab.config.Animation;
import org.eoslab.export.AnimationWriter;

/**
 * One animated export under way in the app: a small window with a progress bar, "frame k of N" and Cancel,
 * modal so nothing else drives the run while it is recorded (the FX thread is never blocked). When it ends
 * the window closes and {@code onDone} gets a line for the status ("wrote … (60 frames)"), or {@code onError}
 * the reason; a cancel leaves no file behind.
 */
public final class AnimationExport {
    private final Animator animator;
    private final CompletableFuture<Integer> result;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final Stage window = new Stage();
    private final Label label = new Label("starting…");

    private AnimationExport(WindowActions main, Animation animation, Path gif, Path mp4, Consumer<String> onDone,
                            Consumer<String> onError) {
        AnimationWriter writer = new AnimationWriter(gif, mp4, animation.fps());
        animator = new Animator(main, animation, writer, (k, n) -> {
            progress.set((double) k / n);
            label.setText("frame " + k + " of " + n + (k.equals(n) ? " · finishing the files…" : ""));
        });
        showWindow(main, animation);
        result = animator.start();
        result.whenComplete((frames, error) -> Platform.runLater(() -> {
            window.close();
            if (error == null) {
                onDone.accept("wrote " + gif.getFileName() + " and " + mp4.getFileName() + " (" + frames + " frames, "
                        + animation.fps() + " frames/s)");
            } else if (!(unwrap(error) instanceof CancellationException)) {
                onError.accept(unwrap(error).getMessage());
            }
        }));
    }

    /** Starts recording {@code animation} into {@code gif} and {@code mp4} (on the FX thread). */
    public static AnimationExport start(WindowActions main, Animation animation, Path gif, Path mp4, Consumer<String> onDone,
                                        Consumer<String> onError) {
        return new AnimationExport(main, animation, gif, mp4, onDone, onError);
    }

    /** X.gif and X.mp4 beside each other, from whichever name the user typed (X, X.gif or X.mp4). */
    public static Path[] files(Path chosen) {
        String name = chosen.getFileName().toString().replaceFirst("(?i)\\.(gif|mp4)$", "");
        return new Path[] {chosen.resolveSibling(name + ".gif"), chosen.resolveSibling(name + ".mp4")};
    }

    private void showWindow(WindowActions main, Animation animation) {
        ProgressBar bar = new ProgressBar();
        bar.setId("animation-progress");
        bar.progressProperty().bind(progress);
        bar.setPrefWidth(360);
        Button cancel = new Button("Cancel");
        cancel.setId("animation-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> cancel());
        label.setId("animation-status");
        VBox box = new VBox(10, new Label("Recording " + animation.name() + " (" + animation.frames() + " frames)"), bar, label, cancel);
        box.setPadding(new Insets(14));
        window.setTitle("Export animation");
        window.setScene(new Scene(box));
        if (main.getScene() != null && main.getScene().getWindow() != null) {
            window.initOwner(main.getScene().getWindow());
            window.initModality(Modality.WINDOW_MODAL);
        }
        window.setOnCloseRequest(e -> cancel());
        window.show();
    }

    public void cancel() { animator.cancel(); }

    /** Frames done as a fraction of all. */
    public ReadOnlyDoubleProperty progress() { return progress.getReadOnlyProperty(); }

    /** Completes with the number of frames, or with the failure (a CancellationException when cancelled). */
    public CompletableFuture<Integer> result() { return result; }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
