package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.eoslab.config.Animation;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.export.AnimationFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** File › Export animation in the live app: the files decode back, progress reaches the end, Cancel leaves nothing. */
class AnimationExportTest extends LiveAppTestBase {
    @TempDir Path tmp;

    @Override
    protected Parameters parameters() {
        return Parameters.defaults().withWidth(10).withSteps(300);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return PresetsExportSessionTest.fx(work);
    }

    @Test
    void theMenuExportWritesBothFilesWithProgress(FxRobot robot) throws Exception {
        Animation steps = new Animation(View.TRAINING, null, Animation.Range.STEPS, 0, 200, 4, 10, 1, true);
        AnimationExport export = fx(() -> app.view().files().exportAnimation(steps, tmp.resolve("run.gif")));
        assertEquals(4, export.result().get(2, TimeUnit.MINUTES));
        assertEquals(1.0, export.progress().get(), 0.0);
        AnimationFiles.Gif gif = AnimationFiles.readGif(tmp.resolve("run.gif"));
        AnimationFiles.Mp4 mp4 = AnimationFiles.readMp4(tmp.resolve("run.mp4"));
        assertEquals(4, gif.frames().size());
        assertEquals(java.util.List.of(10, 10, 10, 10), gif.delays());
        assertEquals(4, mp4.frameCount());
        assertEquals(10.0, mp4.framesPerSecond(), 1e-9);
        int width = (int) Math.round(app.view().training().content().getLayoutBounds().getWidth());
        assertEquals(width + (width & 1), gif.width(), "the tab at 1×");
        assertEquals(200, app.state().steps(), "the recorded run stopped at the last frame's step");

        Animation eta = new Animation(View.ORBIT, null, Animation.Range.ETA, 0.2, 0.3, 3, 5, 1, false);
        AnimationExport second = fx(() -> app.view().files().exportAnimation(eta, tmp.resolve("orbit")));
        assertEquals(3, second.result().get(2, TimeUnit.MINUTES));
        assertEquals(3, AnimationFiles.readGif(tmp.resolve("orbit.gif")).frames().size());
        assertEquals(0.3, app.state().eta(), 1e-15, "the last frame's η is the run's");
    }

    @Test
    void cancelStopsAndLeavesNoFile(FxRobot robot) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cancel"));
        Animation many = new Animation(View.TRAINING, null, Animation.Range.STEPS, 0, 300, 200, 10, 1, false);
        AnimationExport export = fx(() -> app.view().files().exportAnimation(many, dir.resolve("long.gif")));
        LiveAppFixture.waitUntil(60, () -> export.progress().get() > 0);
        robot.interact(export::cancel);
        assertThrows(CancellationException.class, () -> export.result().get(1, TimeUnit.MINUTES));
        WaitForAsyncUtils.waitForFxEvents();
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no GIF, no MP4, no temporary file");
        }
        assertNull(app.view().lastError(), "a cancel is not an error");
    }

    @Test
    void anUnwritableFolderAndBadFieldsAreRefusedByName(FxRobot robot) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Animation a = new Animation(View.TRAINING, null, Animation.Range.STEPS, 0, 100, 2, 10, 1, false);
        assertNull(fx(() -> app.view().files().exportAnimation(a, file.resolve("x.gif"))));
        assertTrue(app.view().lastError().contains("animation folder"), app.view().lastError());

        AnimationDialog form = fx(() -> new AnimationDialog(app.view()));
        String[][] cases = {{"frames", "1", "frames: 1 is outside the allowed range [2, 1000]"},
                {"frames", "ten", "frames: 'ten' is not a number"}, {"fps", "2.5", "fps: 2.5 is not a whole number"},
                {"step-to", "0", "to step: 0 must be a whole number in (0, "}};
        for (String[] c : cases) {
            String message = fx(() -> {
                form.textField(c[0]).setText(c[1]);
                try {
                    form.read();
                    return "accepted";
                } catch (InvalidParameterException e) {
                    return e.getMessage();
                } finally {
                    form.textField(c[0]).setText(c[0].equals("step-to") ? "300" : "10");
                }
            });
            assertTrue(message.contains(c[2]), c[0] + "=" + c[1] + " -> " + message);
        }
        Animation fine = fx(form::read);
        assertEquals(300, fine.to(), 0.0, "the form starts on the run's length");
        fx(() -> { form.overEta(true); return null; });
        Animation overEta = fx(form::read);
        double onset = org.eoslab.metrics.Theory.onsetLearningRate(app.view().controls().draft(), 1);
        assertEquals(0.9 * onset, overEta.from(), 1e-5 * onset, "η from 0.9·η₁ ...");
        assertEquals(1.3 * onset, overEta.to(), 1e-5 * onset, "... to 1.3·η₁");
    }
}
