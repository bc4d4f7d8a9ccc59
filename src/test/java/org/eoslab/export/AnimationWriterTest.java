package org.eoslab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animations written, then decoded back with independent readers (the JDK's GIF reader, JCodec's MP4 boxes). */
class AnimationWriterTest {
    @TempDir Path dir;

    /** Frame k: white with a red bar whose width grows with k, and a blue square. */
    static BufferedImage frame(int k, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.RED);
        g.fillRect(0, 0, 16 + 16 * k, h / 2);
        g.setColor(Color.BLUE);
        g.fillRect(w - 32, h - 32, 32, 32);
        g.dispose();
        return img;
    }

    @Test
    void gifAndMp4HoldTheFramesAtTheRequestedRate() throws Exception {
        Path gif = dir.resolve("a.gif");
        Path mp4 = dir.resolve("a.mp4");
        int n = 7;
        try (AnimationWriter w = new AnimationWriter(gif, mp4, 25)) {
            for (int k = 0; k < n; k++) w.add(frame(k, 161, 120));      // odd width: padded to 162
            w.finish();
        }
        AnimationFiles.Gif g = AnimationFiles.readGif(gif);
        assertEquals(n, g.frames().size());
        assertEquals(162, g.width());
        assertEquals(120, g.height());
        assertTrue(g.loops(), "the GIF loops");
        for (int d : g.delays()) assertEquals(4, d);                       // 25 fps = 4/100 s
        for (int k = 0; k < n; k++) {
            int x = 16 + 16 * k - 4;                                        // inside the bar of frame k
            assertEquals(0xFF0000, g.frames().get(k).getRGB(x, 10) & 0xFFFFFF, "frame " + k + " bar");
            assertEquals(0xFFFFFF, g.frames().get(k).getRGB(x + 8, 10) & 0xFFFFFF, "frame " + k + " past the bar");
        }
        AnimationFiles.Mp4 m = AnimationFiles.readMp4(mp4);
        assertEquals(n, m.frameCount());
        assertEquals(n, m.frames().size());
        assertEquals(25.0, m.framesPerSecond(), 1e-9);
        assertEquals(162, m.frames().get(0).getWidth());
        assertEquals(120, m.frames().get(0).getHeight());
        for (int k = 0; k < n; k++) {
            Color inBar = new Color(m.frames().get(k).getRGB(16 + 16 * k - 8, 20));
            Color past = new Color(m.frames().get(k).getRGB(16 + 16 * k + 8, 20));
            assertTrue(inBar.getRed() > 180 && inBar.getGreen() < 80, "frame " + k + " bar decodes red: " + inBar);
            assertTrue(past.getGreen() > 180, "frame " + k + " past the bar decodes white: " + past);
        }
    }

    @Test
    void gifRateIsCountedInHundredths() {
        assertEquals(4, AnimationWriter.gifDelayCentiseconds(25));
        assertEquals(3, AnimationWriter.gifDelayCentiseconds(30));
        assertEquals(100.0 / 3, AnimationWriter.gifFramesPerSecond(30), 1e-12);
        assertEquals(2, AnimationWriter.gifDelayCentiseconds(50));
    }

    @Test
    void closedWithoutFinishLeavesNothing() throws Exception {
        Path gif = dir.resolve("b.gif");
        try (AnimationWriter w = new AnimationWriter(gif, dir.resolve("b.mp4"), 10)) {
            w.add(frame(0, 64, 64));
        }
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent(), "no file and no temporary file left");
        }
    }

    @Test
    void refusesRatesOutsideTheRangeAndEmptyAnimations() {
        var e = assertThrows(IllegalArgumentException.class, () -> new AnimationWriter(dir.resolve("c.gif"), null, 60));
        assertEquals("frame rate: 60 is outside the allowed range [1, 50]", e.getMessage());
        AnimationWriter w = new AnimationWriter(dir.resolve("c.gif"), null, 10);
        assertThrows(ExportException.class, w::finish);
    }
}
