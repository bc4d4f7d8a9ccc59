import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the app's icon: the bifurcation diagram of one mode of a balanced two-layer factorization (σ* = 1, ½-sum
 * loss), a ← a − η(a² − 1)a, whose product a² settles at 1 below η₁ = 1 (sharpness L·σ*^(2−2/L) = 2 = 2/η), then
 * splits into the period-2 orbit the app is about, and doubles again near 1.236·η₁ (math.md).
 * Run: {@code java packaging/Icon.java packaging/eos-lab.png}.
 */
public final class Icon {
    public static void main(String[] args) throws Exception {
        int size = 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x14, 0x21, 0x3d));
        g.fill(new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 48, 48));
        g.setColor(new Color(0x3a, 0x4a, 0x6b));
        g.setStroke(new BasicStroke(3f));
        double y1 = y(1.0, size);
        g.drawLine(36, (int) y1, size - 36, (int) y1);              // σ* = 1, the target the orbit straddles
        g.setColor(new Color(0xfc, 0xa3, 0x11));
        for (int px = 36; px <= size - 36; px++) {
            double eta = 0.85 + (1.31 - 0.85) * (px - 36) / (size - 72.0);
            double a = 0.9;
            for (int t = 0; t < 3000; t++) a = a - eta * (a * a - 1) * a;
            for (int t = 0; t < 64; t++) {
                a = a - eta * (a * a - 1) * a;
                g.fill(new Ellipse2D.Double(px - 1.6, y(a * a, size) - 1.6, 3.2, 3.2));
            }
        }
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }

    /** The product a² ∈ [0.2, 1.8] on the icon's vertical axis. */
    private static double y(double product, int size) {
        return size - 40 - (product - 0.2) / 1.6 * (size - 80);
    }
}
