package org.eoslab.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.RunParameters;
import org.eoslab.config.ShippedData;

/** PNG files, atomically, with an optional caption line under the picture. */
public final class PngWriter {
    private PngWriter() {}

    /** "η = 0.3 · α = 0.01 · L = 3 · r = 3 · d = 20 · init identity · loss sum". */
    public static String caption(Parameters p) {
        return String.format(Locale.ROOT, "η = %s · α = %s · L = %d · r = %d · d = %d · init %s · loss %s",
                shortest(p.eta()), shortest(p.alpha()), p.depth(), p.rank(), p.width(), p.init(), p.loss());
    }

    /** The caption of either network's parameters. */
    public static String caption(RunParameters p) {
        return p instanceof Parameters q ? caption(q) : caption((MlpParameters) p);   // RunParameters has two kinds
    }

    /** The ReLU network's caption: data, size, η, α. */
    public static String caption(MlpParameters p) {
        ShippedData shipped = ShippedData.named(p.data());
        return String.format(Locale.ROOT, "ReLU MLP · %s, n = %d · η = %s · α = %s × He · L = %d · width %d · loss %s",
                shipped != null ? shipped.label() : p.data(), p.samples(), shortest(p.eta()), shortest(p.alpha()), p.depth(), p.hidden(), p.loss());
    }

    /** A parameter as typed (0.3, 1e-05 stays as Java prints it) unless it needs more than 7 digits (0.30454545…). */
    static String shortest(double v) {
        String plain = Double.toString(v);
        if (plain.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() <= 7) return plain;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(7)).stripTrailingZeros().toString();
    }

    /**
     * Writes the image, with {@code caption} (or nothing when null) in a strip below it, scaled like the
     * picture ({@code scale} = 1, 2, 3).
     */
    public static void write(BufferedImage image, String caption, double scale, Path file) {
        BufferedImage out = caption == null ? image : withCaption(image, caption, scale);
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(out, "png", tmp.toFile())) throw new IOException("no PNG writer");
        });
    }

    /**
     * The picture over a caption strip (white, the caption in dark grey, sized like the picture), the caption
     * wrapped at spaces to the picture's width: never cut off.
     */
    public static BufferedImage withCaption(BufferedImage image, String caption, double scale) {
        int fontSize = (int) Math.round(13 * scale);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
        int margin = (int) Math.round(10 * scale);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D measure = probe.createGraphics();
        java.util.List<String> lines = wrap(caption, measure.getFontMetrics(font), image.getWidth() - 2 * margin);
        measure.dispose();
        int lineHeight = (int) Math.round(fontSize * 1.3);
        int strip = lineHeight * lines.size() + (int) Math.round(fontSize * 0.5);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight() + strip, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0x33, 0x33, 0x33));
            g.setFont(font);
            for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), margin, image.getHeight() + lineHeight * (i + 1));
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The caption's lines of at most {@code width} px, broken between words. */
    static java.util.List<String> wrap(String caption, java.awt.FontMetrics metrics, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : caption.split("(?<= )")) {
            if (line.length() > 0 && metrics.stringWidth(line + part.stripTrailing()) > width) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            line.append(part);
        }
        if (line.length() > 0) lines.add(line.toString().strip());
        return lines;
    }
}
