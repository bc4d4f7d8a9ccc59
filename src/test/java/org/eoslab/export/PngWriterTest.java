package org.eoslab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.eoslab.config.Parameters;
import org.junit.jupiter.api.Test;

/** The caption under an exported picture: wrapped to the picture's width, never cut ("…init ide" once was). */
class PngWriterTest {
    @Test
    void aLongCaptionIsWrappedToThePicturesWidthWithEveryWordKept() {
        String caption = PngWriter.caption(Parameters.defaults());
        for (double scale : new double[] {1, 2, 3}) {
            BufferedImage scaled = new BufferedImage((int) (300 * scale), (int) (200 * scale), BufferedImage.TYPE_INT_ARGB);
            BufferedImage out = PngWriter.withCaption(scaled, caption, scale);
            assertEquals(scaled.getWidth(), out.getWidth());
            Graphics2D g = out.createGraphics();
            FontMetrics m = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(13 * scale)));
            int width = scaled.getWidth() - (int) Math.round(20 * scale);
            List<String> lines = PngWriter.wrap(caption, m, width);
            g.dispose();
            assertTrue(lines.size() > 1, "a 300 px picture needs several lines: " + lines);
            for (String line : lines) assertTrue(m.stringWidth(line) <= width || !line.contains(" "), line);
            assertEquals(caption.replace(" ", ""), String.join("", lines).replace(" ", ""), "every word kept, in order");
            assertTrue(out.getHeight() - scaled.getHeight() >= lines.size() * 13 * scale, "a strip high enough for every line");
        }
    }
}
