package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eoslab.export.AnimationFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * render --animate: the GIF and the MP4 decode back (JDK reader, JCodec boxes and decoder) with the frames,
 * size and rate asked for, over a step range and over an η range, drawn by the app's own views.
 */
class RenderAnimationTest {
    @TempDir Path tmp;

    @Test
    void aStepRangeWritesTheRequestedFramesSizeAndRate() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        RunCommandTest.Result r = RunCommandTest.run("render", "--preset", "presets/default.json", "--steps", "300",
                "--animate", "--frames", "5", "--fps", "5", "--view", "training", "--out", one.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("training.gif") && r.out().contains("training.mp4"), r.out());
        RunCommandTest.Result r2 = RunCommandTest.run("render", "--preset", "presets/default.json", "--steps", "300",
                "--animate", "--frames", "3", "--fps", "25", "--view", "training", "--panel", "loss", "--scale", "2",
                "--caption", "--out", two.toString());
        assertEquals(0, r2.code(), r2.err());

        AnimationFiles.Gif gif = AnimationFiles.readGif(one.resolve("training.gif"));
        AnimationFiles.Mp4 mp4 = AnimationFiles.readMp4(one.resolve("training.mp4"));
        assertEquals(5, gif.frames().size());
        assertTrue(gif.loops());
        assertEquals(java.util.List.of(20, 20, 20, 20, 20), gif.delays(), "5 fps = 20/100 s a frame");
        assertEquals(5, mp4.frameCount());
        assertEquals(5, mp4.frames().size());
        assertEquals(5.0, mp4.framesPerSecond(), 1e-9);
        assertEquals(gif.width(), mp4.frames().get(0).getWidth());
        assertEquals(gif.height(), mp4.frames().get(0).getHeight());
        assertTrue(gif.width() > 800 && gif.height() > 500, gif.width() + "×" + gif.height());
        assertNotEquals(signature(gif.frames().get(0)), signature(gif.frames().get(4)), "the run unfolds: first and last frames differ");
        assertTrue(RenderCommandTest.colours(gif.frames().get(4)) > 20, "the last frame has curves drawn");

        AnimationFiles.Gif panel = AnimationFiles.readGif(two.resolve("training-loss.gif"));
        AnimationFiles.Mp4 panelVideo = AnimationFiles.readMp4(two.resolve("training-loss.mp4"));
        assertEquals(3, panel.frames().size());
        assertEquals(java.util.List.of(4, 4, 4), panel.delays(), "25 fps = 4/100 s a frame");
        assertEquals(3, panelVideo.frameCount());
        assertEquals(25.0, panelVideo.framesPerSecond(), 1e-9);
        assertEquals(panel.width(), panelVideo.width());
        assertTrue(panel.height() > panel.width() / 3, "one large panel, with its caption strip");
    }

    @Test
    void anEtaRangeShowsEachLearningRatesRun() throws Exception {
        Path out = tmp.resolve("eta");
        RunCommandTest.Result r = RunCommandTest.run("render", "--preset", "presets/fig05-period-two.json", "--steps", "1500",
                "--animate", "--frames", "4", "--fps", "2", "--eta-from", "0.24", "--eta-to", "0.3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        AnimationFiles.Gif gif = AnimationFiles.readGif(out.resolve("orbit.gif"));
        AnimationFiles.Mp4 mp4 = AnimationFiles.readMp4(out.resolve("orbit.mp4"));
        assertEquals(4, gif.frames().size());
        assertEquals(java.util.List.of(50, 50, 50, 50), gif.delays());
        assertEquals(4, mp4.frameCount());
        assertEquals(2.0, mp4.framesPerSecond(), 1e-9);
        assertNotEquals(signature(gif.frames().get(0)), signature(gif.frames().get(3)), "below and above the onset differ");
        try (var files = Files.list(out)) {
            assertEquals(java.util.Set.of("orbit.gif", "orbit.mp4"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), "no temporary file left");
        }
    }

    /** The landscape tab animated over a run just past η₁: the valley and its iterates are redrawn frame by frame. */
    @org.eoslab.Slow
    @Test
    void theLandscapeIsAnimated() throws Exception {
        Path out = tmp.resolve("landscape");
        RunCommandTest.Result r = RunCommandTest.run("render", "--preset", "presets/landscape-valley.json", "--steps", "400",
                "--animate", "--frames", "4", "--fps", "4", "--view", "landscape", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        AnimationFiles.Gif gif = AnimationFiles.readGif(out.resolve("landscape.gif"));
        assertEquals(4, gif.frames().size());
        assertEquals(4, AnimationFiles.readMp4(out.resolve("landscape.mp4")).frameCount());
        for (int k = 1; k < 4; k++) {
            assertNotEquals(signature(gif.frames().get(k - 1)), signature(gif.frames().get(k)), "frame " + k + " is measured anew");
        }
        assertTrue(RenderCommandTest.colours(gif.frames().get(3)) > 40, "the slice and the coloured plane are drawn");
    }

    @Test
    void animationOptionsAreChecked() throws Exception {
        String out = tmp.resolve("bad").toString();
        String[][] cases = {
                {"--frames", "5"},                                                          // needs --animate
                {"--animate", "--frames", "1"},
                {"--animate", "--fps", "60"},
                {"--animate", "--eta-from", "0.2"},
                {"--animate", "--eta-from", "0.2", "--eta-to", "0.2"},
                {"--animate", "--view", "fig1", "--eta-from", "0.2", "--eta-to", "0.3"},
                {"--animate", "--panel", "loss", "--view", "orbit"},
                {"--animate", "--panel", "nope", "--view", "training"},
                {"--animate", "--from-step", "900", "--steps", "300"},
        };
        String[] expected = {"--frames needs --animate", "frames: 1 is outside the allowed range [2, 1000]",
                "fps: 60 is outside the allowed range [1, 50]", "an η range needs both --eta-from and --eta-to",
                "must differ from eta from", "an η range animates one network's view", "use it with --view training",
                "'nope' is not one of loss", "--steps: 300 must be a whole number in (900"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 6];
            args[0] = "render";
            args[1] = "--preset";
            args[2] = "presets/default.json";
            System.arraycopy(cases[i], 0, args, 3, cases[i].length);
            args[args.length - 3] = "--scale";
            args[args.length - 2] = "1";
            args[args.length - 1] = "--out=" + out;
            RunCommandTest.Result r = RunCommandTest.run(args);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.out());
            assertTrue(r.err().contains(expected[i]), String.join(" ", cases[i]) + " -> " + r.err());
        }
        assertFalse(Files.exists(Path.of(out)), "a refused request writes nothing");
    }

    /** A coarse fingerprint of a frame: the colour of every 8th pixel. */
    private static int signature(BufferedImage image) {
        int h = 1;
        for (int y = 0; y < image.getHeight(); y += 8) for (int x = 0; x < image.getWidth(); x += 8) h = 31 * h + image.getRGB(x, y);
        return h;
    }
}
