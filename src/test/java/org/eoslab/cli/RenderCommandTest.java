package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render: every panel of a preset as a PNG of the right pixel size, with data drawn. */
class RenderCommandTest {
    @TempDir Path tmp;

    @Test
    void writesEveryPanelAtEachScale() throws Exception {
        for (int scale = 1; scale <= 3; scale++) {
            Path out = tmp.resolve("x" + scale);
            RunCommandTest.Result r = RunCommandTest.run("render", "--preset", "presets/default.json", "--steps", "400",
                    "--scale", Integer.toString(scale), "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            for (String panel : new String[] {"loss", "sharpness", "product", "layers", "alignment", "balance", "bases", "trace"}) {
                Path png = out.resolve(panel + ".png");
                assertTrue(Files.size(png) > 1000, png + " is not empty");
                BufferedImage image = ImageIO.read(png.toFile());
                assertEquals(RenderCommand.WIDTH * scale, image.getWidth(), png.toString());
                assertEquals(RenderCommand.HEIGHT * scale, image.getHeight(), png.toString());
                assertTrue(colours(image) > 20, png + " has more than a blank frame");
            }
        }
    }

    @Test
    void aCaptionAddsAStripAndBadOptionsAreRefused() throws Exception {
        Path out = tmp.resolve("c");
        RunCommandTest.Result r = RunCommandTest.run("render", "--preset", "presets/fig08-sharpness-below-two-over-eta.json",
                "--steps", "200", "--scale", "1", "--caption", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage image = ImageIO.read(out.resolve("sharpness.png").toFile());
        assertTrue(image.getHeight() > RenderCommand.HEIGHT, "caption strip");
        assertEquals(2, RunCommandTest.run("render", "--preset", "presets/default.json", "--scale", "4", "--out", out.toString()).code());
        assertEquals(2, RunCommandTest.run("render", "--out", out.toString()).code());
    }

    /** A preset about the ReLU network renders that network's panels, with its own caption. */
    @Test
    void aReluNetworkPresetRendersTheNetworksPanels() throws Exception {
        Path out = tmp.resolve("mlp");
        RunCommandTest.Result r = RunCommandTest.run("render", "--preset", "presets/fig09-mnist.json", "--steps", "12",
                "--scale", "1", "--caption", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String panel : org.eoslab.ui.mlp.MlpPanels.KEYS) {
            BufferedImage image = ImageIO.read(out.resolve(panel + ".png").toFile());
            assertTrue(image.getHeight() > RenderCommand.HEIGHT, panel + ": caption strip");
            assertTrue(colours(image) > 20, panel + " has more than a blank frame");
        }
        assertTrue(r.out().contains("mlp-layer.png"), r.out());
    }

    /**
     * Issue 29, item 6: --view all renders the views a preset has data for, each in a file of its own: a linear
     * preset has no ReLU views (an mlp.png once showed "loading data…" over empty axes), and the balance panel and
     * the balance view no longer write the same balance.png.
     */
    @org.eoslab.Slow
    @Test
    void viewAllRendersTheViewsAPresetHasDataForEachInItsOwnFile() throws Exception {
        Path linear = tmp.resolve("linear");
        RunCommandTest.Result r = RunCommandTest.run("render", "--preset", "presets/fig05-period-two.json", "--view", "all",
                "--steps", "30", "--scale", "1", "--out", linear.toString());
        assertEquals(0, r.code(), r.err());
        java.util.List<String> wrote = r.out().lines().filter(l -> l.startsWith("wrote ")).map(l -> Path.of(l.substring(6)).getFileName().toString()).toList();
        assertEquals(wrote.size(), new java.util.HashSet<>(wrote).size(), "every file written once: " + wrote);
        assertTrue(wrote.containsAll(java.util.List.of("balance.png", "balance-view.png", "orbit.png", "bifurcation.png", "map.png")), wrote.toString());
        assertTrue(!wrote.contains("mlp.png") && !wrote.contains("fig1.png"), "no ReLU views without a ReLU network: " + wrote);

        Path relu = tmp.resolve("relu");
        r = RunCommandTest.run("render", "--preset", "presets/fig09-mnist.json", "--view", "all", "--steps", "12", "--scale", "1",
                "--out", relu.toString());
        assertEquals(0, r.code(), r.err());
        for (String view : new String[] {"mlp.png", "fig1.png"}) {
            BufferedImage image = ImageIO.read(relu.resolve(view).toFile());
            assertTrue(colours(image) > 40, view + " is drawn: " + colours(image) + " colours");
        }
    }

    /** Distinct colours in a coarse grid of samples (a blank or single-colour image has one or two). */
    static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) for (int x = 0; x < image.getWidth(); x += 3) seen.add(image.getRGB(x, y));
        return seen.size();
    }

    static java.util.stream.Stream<Path> shippedPresets() throws java.io.IOException {
        return java.nio.file.Files.list(Path.of("presets")).filter(f -> f.toString().endsWith(".json")).sorted();
    }

    /** Every shipped preset renders the view it is about (Fig. 7's bifurcation, Fig. 1's side by side, ...). */
    @org.eoslab.Slow
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("shippedPresets")
    void everyShippedPresetRendersItsOwnView(Path preset) throws Exception {
        org.eoslab.config.View own = org.eoslab.config.Presets.load(preset).viewOrDefault();
        Path out = tmp.resolve(preset.getFileName().toString());
        RunCommandTest.Result r = RunCommandTest.run("render", "--preset", preset.toString(), "--steps", "30",
                "--view", own.label(), "--scale", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Path picture = out.resolve(own == org.eoslab.config.View.TRAINING ? "loss.png" : RenderCommand.fileOf(own));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(picture.toFile());
        assertTrue(image != null && image.getWidth() >= (own == org.eoslab.config.View.TRAINING ? RenderCommand.WIDTH
                : ViewRenderer.WIDTH - 400) && image.getHeight() > 400, picture + " " + (image == null ? "unreadable" : image.getWidth() + "×" + image.getHeight()));
        int distinct = (int) java.util.stream.IntStream.range(0, 400).map(k -> image.getRGB(k * 7 % image.getWidth(),
                k * 13 % image.getHeight())).distinct().count();
        assertTrue(distinct > 3, "the picture is drawn, not blank: " + distinct + " colours sampled");
    }
}
