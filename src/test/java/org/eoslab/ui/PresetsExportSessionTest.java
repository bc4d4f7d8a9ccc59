package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.eoslab.config.ConfigText;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.ui.chart.TypeScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Presets, export, sessions, configuration text and presentation mode in the live app, headless. */
class PresetsExportSessionTest extends LiveAppTestBase {
    static final Parameters START = Parameters.defaults().withWidth(10).withSteps(400);
    @TempDir Path tmp;

    @Override
    protected Parameters parameters() {
        return START;
    }

    /** Runs on the FX thread and returns its value. */
    static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private void waitForRun() {
        LiveAppFixture.waitUntil(30, () -> app.state() != null && app.state().steps() == 400 && !app.state().playing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aMalformedPresetIsReportedAndTheRunGoesOn(FxRobot robot) throws Exception {
        waitForRun();
        int generation = app.state().generation();
        Path bad = tmp.resolve("broken.json");
        Files.writeString(bad, "{\"schema\": 1, \"title\": \"x\", \"parameters\": {\"alpha\": -2}}");
        assertFalse(fx(() -> app.view().files().openPreset(bad)));
        String error = app.view().lastError();
        assertTrue(error != null && error.contains("broken.json") && error.contains("parameters.alpha")
                && error.contains("must be positive and finite"), error);
        assertEquals(generation, app.state().generation(), "the current run was kept");
        robot.interact(() -> app.view().engine().stepBy(5));
        LiveAppFixture.waitUntil(10, () -> app.state().steps() == 405);
    }

    /**
     * Issue 25: File › Open preset and Open session, given a device, a named pipe nobody writes to and a session bomb
     * within its bounds, each refuse within 2 s on the FX thread, say why, and the window goes on running.
     */
    @Test
    void devicesPipesAndBombsAreRefusedAtOnceAndTheWindowRunsOn(FxRobot robot) throws Exception {
        waitForRun();
        java.util.List<Path> hostile = new java.util.ArrayList<>();
        if (Files.exists(Path.of("/dev/zero"))) hostile.add(Path.of("/dev/zero"));
        Path fifo = tmp.resolve("pipe");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) hostile.add(fifo);
        Path bomb = tmp.resolve("bomb.eoslab");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("session.json"));
            zip.write(Files.readString(Path.of("presets/default.json")).replace("\"schema\": 1", "\"schema\": 1, \"rows\": 2000000000")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        hostile.add(bomb);
        for (Path file : hostile) {
            long start = System.nanoTime();
            assertFalse(fx(() -> app.view().files().openPreset(file)), "preset " + file);
            assertTrue(app.view().lastError().contains(file.toString()), app.view().lastError());
            // read on a background thread, refused there, the dialog on the FX thread
            assertFalse(fx(() -> app.view().files().openSession(file)).get(2, TimeUnit.SECONDS), "session " + file);
            assertTrue(System.nanoTime() - start < 2_000_000_000L, file + " refused within 2 s");
            String error = app.view().lastError();
            assertTrue(error != null && error.contains(file.toString()), error);
        }
        long steps = app.state().steps();
        robot.interact(() -> app.view().engine().stepBy(5));
        LiveAppFixture.waitUntil(10, () -> app.state().steps() == steps + 5);
        assertTrue(app.uncaught.isEmpty(), app.exceptions());
    }

    @Test
    void aBundledPresetAppliesItsParametersAndView(FxRobot robot) {
        waitForRun();
        var preset = PresetLibrary.load("fig05-period-two.json");
        robot.interact(() -> app.view().loadPreset(preset));
        LiveAppFixture.waitUntil(20, () -> app.state().parameters().withEta(preset.parameters().eta()).equals(preset.parameters()));
        assertEquals(View.ORBIT, app.view().selectedView().name(), "the orbit view opens");
        assertTrue(PresetLibrary.names().size() >= 13, "the menu lists every bundled preset");
    }

    /** With sharpness off (fig07 runs the reduced recursion, which has none) the empty panel says why. */
    @Test
    void anEmptySharpnessPanelSaysWhy(FxRobot robot) {
        waitForRun();
        robot.interact(() -> app.view().loadPreset(PresetLibrary.load("fig07-oscillation-range.json")));
        LiveAppFixture.waitUntil(20, () -> robot.lookup("#note-sharpness").tryQuery().isPresent());
        javafx.scene.control.Label note = robot.lookup("#note-sharpness").queryAs(javafx.scene.control.Label.class);
        assertTrue(note.getText().startsWith("sharpness is not measured by the reduced recursion"), note.getText());
        // the reduced recursion has no singular vectors: the alignment panel is empty, the bases panel 0 by construction
        String alignment = robot.lookup("#note-alignment").queryAs(javafx.scene.control.Label.class).getText();
        String bases = robot.lookup("#note-bases").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(alignment.contains("no singular vectors") && bases.startsWith("0 by construction"), alignment + " / " + bases);
        assertTrue(app.state().history().size() > 1 && Double.isNaN(app.state().history().get(1,
                org.eoslab.metrics.Columns.of(app.state().parameters()).subspaceDistance(1))), "the alignment columns are NaN: nothing to draw");
        robot.interact(() -> app.view().loadPreset(PresetLibrary.load("default.json")));
        LiveAppFixture.waitUntil(20, () -> robot.lookup("#note-sharpness").tryQuery().isEmpty()
                && robot.lookup("#note-alignment").tryQuery().isEmpty() && robot.lookup("#note-bases").tryQuery().isEmpty());
    }

    private double[][] planePoints() {
        try {
            return fx(() -> app.view().balance().points());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fig. 4's view: the iterates start at (α, 0) and, at the edge of stability, end on the balanced line. */
    @Test
    void theBalancePresetShowsThePhasePlaneEndingOnTheBalancedLine(FxRobot robot) throws Exception {
        waitForRun();
        var preset = PresetLibrary.load("fig04-balance-large-alpha.json");
        robot.interact(() -> app.view().loadPreset(preset));
        assertEquals(View.BALANCE, app.view().selectedView().name(), "the balance view opens");
        LiveAppFixture.waitUntil(60, () -> app.state().steps() == preset.parameters().steps() && !app.state().playing());
        double alpha = preset.parameters().alpha();
        LiveAppFixture.waitUntil(10, () -> {             // the plane is redrawn every few frames: until it shows this run
            double[][] p = planePoints();
            return p.length > 100 && Math.abs(p[0][0] - alpha) < 1e-12 && Math.abs(p[p.length - 1][0] - p[p.length - 1][1]) < 1e-6;
        });
        double[][] p = planePoints();
        assertEquals(alpha, p[0][0], 1e-12, "inner layer starts at α");
        assertEquals(0.0, p[0][1], 0.0, "last layer starts at 0");
    }

    @Test
    void picturesAtTwoAndThreeTimesWithACaption(FxRobot robot) throws Exception {
        waitForRun();
        var node = app.view().training().panels().panel(Panel.LOSS);
        Path one = tmp.resolve("loss1.png");
        Path two = tmp.resolve("loss2.png");
        Path captioned = tmp.resolve("window3.png");
        assertTrue(fx(() -> app.view().files().exportPicture(node, 1, false, one)));
        assertTrue(fx(() -> app.view().files().exportPicture(node, 2, false, two)));
        assertTrue(fx(() -> app.view().files().exportPicture(app.view(), 3, true, captioned)));
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertEquals((int) Math.round(node.getWidth()), a.getWidth(), 1);
        assertEquals(2 * a.getWidth(), b.getWidth(), 2);
        assertEquals(2 * a.getHeight(), b.getHeight(), 2);
        BufferedImage c = ImageIO.read(captioned.toFile());
        assertEquals(3 * (int) Math.round(app.view().getWidth()), c.getWidth(), 3);
        assertTrue(c.getHeight() > 3 * app.view().getHeight(), "a caption strip below the picture");
        // drawn at the scale, not enlarged: edges stay as steep at 2× as at 1× (a bitmap enlargement halves them)
        Path three = tmp.resolve("loss3.png");
        assertTrue(fx(() -> app.view().files().exportPicture(node, 3, false, three)));
        double s1 = steepness(a);
        double s2 = steepness(b);
        double s3 = steepness(ImageIO.read(three.toFile()));
        assertTrue(s2 > 0.8 * s1 && s3 > 0.8 * s1, "edge steepness 1×: " + s1 + ", 2×: " + s2 + ", 3×: " + s3);
        if (System.getProperty("eoslab.keepPictures") != null) {
            for (Path p : List.of(one, two, three, captioned)) Files.copy(p, Path.of("/tmp", p.getFileName().toString()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Issue 29, item 5: every tab's picture is its charts: no buttons, fields or sweep forms in it. */
    @Test
    void aPictureOfATabHoldsItsChartsAndNoWidgets(FxRobot robot) throws Exception {
        waitForRun();
        for (View v : View.values()) {
            List<String> widgets = fx(() -> {
                List<String> found = new java.util.ArrayList<>();
                widgets(app.view().liveView(v).picture(), found);
                return found;
            });
            assertTrue(widgets.isEmpty(), v + "'s picture shows " + widgets);
        }
    }

    /** The visible widgets under {@code node} (ChartFX's zoom toolbar is hidden until hovered). */
    private static void widgets(javafx.scene.Node node, List<String> found) {
        if (!node.isVisible() || node.getOpacity() == 0) return;
        if (node instanceof javafx.scene.control.ButtonBase || node instanceof javafx.scene.control.TextInputControl
                || node instanceof javafx.scene.control.Slider) found.add(node.getClass().getSimpleName() + " " + node.getId());
        if (node instanceof javafx.scene.Parent p) for (javafx.scene.Node c : p.getChildrenUnmodifiable()) widgets(c, found);
    }

    /** Issue 29, item 5: the scale is labelled, and the form opens on the last choices, also after a preset. */
    @Test
    void thePictureFormIsLabelledAndRemembersTheLastChoices(FxRobot robot) throws Exception {
        var prefs = java.util.prefs.Preferences.userNodeForPackage(PictureForm.class);
        try {
            PictureForm form = fx(() -> app.view().files().pictureForm());
            assertEquals("2× (sharp, for slides)", fx(() -> {
                var pane = form.pane();
                new javafx.scene.Scene(pane);
                pane.applyCss();
                pane.layout();
                return form.scale().getButtonCell().getText();
            }));
            robot.interact(() -> {
                form.scale().setValue(3);
                form.caption().setSelected(false);
                form.what().setValue(form.what().getItems().get(2));
                form.remember();
            });
            String chosen = form.what().getValue().label();
            robot.interact(() -> app.view().loadPreset(PresetLibrary.load("fig05-period-two.json")));
            PictureForm again = fx(() -> app.view().files().pictureForm());
            assertEquals(3, again.scale().getValue());
            assertFalse(again.caption().isSelected());
            assertEquals(chosen, again.what().getValue().label());
        } finally {
            for (String k : List.of("picture.what", "picture.scale", "picture.caption")) prefs.remove(k);
        }
    }

    /**
     * How steep the image's edges are: Σ g² / Σ |g| over the horizontal grey-level steps g between neighbours, the
     * typical step across an edge. Text and lines drawn at any scale keep it; an enlarged bitmap spreads each step
     * over the scale's pixels and divides it.
     */
    static double steepness(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 1; x < image.getWidth(); x++) {
                double g = grey(image.getRGB(x, y)) - grey(image.getRGB(x - 1, y));
                sum += Math.abs(g);
                squares += g * g;
            }
        }
        return squares / sum;
    }

    private static double grey(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    @Test
    void theFullTrajectoryAsCsvAndJsonAndAClearMessageForAnUnwritableFolder(FxRobot robot) throws Exception {
        waitForRun();
        Path csv = tmp.resolve("run.csv");
        Path json = tmp.resolve("run.json");
        fx(() -> app.view().files().exportTrajectory(csv, false)).join(10_000);
        fx(() -> app.view().files().exportTrajectory(json, true)).join(10_000);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(401 + 1, lines.size(), "every step 0..400 plus the header, not the decimated view");
        assertTrue(lines.get(0).startsWith("step,loss,sharpness,sigma_1"));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertEquals(401, tree.get("rows").asInt());
        assertEquals(401, tree.at("/columns/loss").size());
        assertEquals(400, tree.at("/columns/step/400").asInt());

        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        assertFalse(fx(() -> app.view().files().exportPicture(app.view().training().panels().panel(Panel.LOSS), 1, false, file.resolve("p.png"))));
        assertTrue(app.view().lastError().contains("cannot write"), app.view().lastError());
    }

    @Test
    void aSessionReopensAndContinues(FxRobot robot) throws Exception {
        waitForRun();
        Path file = tmp.resolve("lecture.eoslab");
        Path saved = fx(() -> app.view().files().saveSession(file)).get(20, TimeUnit.SECONDS);
        assertEquals(file, saved);
        robot.interact(() -> app.view().engine().restart(START.withEta(0.2), true));
        LiveAppFixture.waitUntil(20, () -> app.state().eta() == 0.2);
        int generation = app.state().generation();
        assertTrue(fx(() -> app.view().files().openSession(file)).get(20, TimeUnit.SECONDS));
        LiveAppFixture.waitUntil(20, () -> app.state().generation() > generation && app.state().steps() == 400);
        assertEquals(401, app.state().history().size(), "the saved trajectory is shown");
        assertEquals(0.3, app.state().eta());
        robot.interact(() -> app.view().engine().stepBy(20));
        LiveAppFixture.waitUntil(20, () -> app.state().steps() == 420);
        assertEquals(421, app.state().history().size());
    }

    /** A session whose target file is gone is refused before the controls switch: controls and engine agree. */
    @Test
    void aSessionWhoseTargetFileIsGoneIsRefusedBeforeAnythingSwitches(FxRobot robot) throws Exception {
        waitForRun();
        Path target = Files.writeString(tmp.resolve("m.csv"), "3,0,0\n0,2,0\n0,0,1\n");
        Parameters withFile = START.withWidth(3).withRank(3).withSpectrum(new double[] {3, 2, 1}).withTop(3)
                .withTargetFile(target.toString());
        org.eoslab.run.Trainer t = new org.eoslab.run.Trainer(withFile);
        org.eoslab.run.History h = new org.eoslab.run.History(t.columns());
        h.append(t.snapshot());
        Path file = tmp.resolve("gone.eoslab");
        org.eoslab.export.SessionFile.save(new org.eoslab.run.SessionData<>("t", "d", withFile, h, 1, t.state(), 0, -1), org.eoslab.config.Network.DLN, file);
        Files.delete(target);
        Parameters before = fx(() -> app.view().controls().draft());
        int generation = app.state().generation();
        assertFalse(fx(() -> app.view().files().openSession(file)).get(20, TimeUnit.SECONDS));
        assertTrue(app.view().lastError().contains("m.csv does not exist"), app.view().lastError());
        assertEquals(before, fx(() -> app.view().controls().draft()), "the controls did not switch");
        assertEquals(generation, app.state().generation(), "the run goes on");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    /**
     * Issue 25: a high-rank target file is slow to measure; the window offers the rank cut its slow-start note names.
     * The rank field of a file target cuts the file's rank (its top singular values kept, the file kept) and refuses
     * more than the file has.
     */
    @Test
    void aTargetFilesRankCanBeCutInTheWindow(FxRobot robot) throws Exception {
        waitForRun();
        int d = 30, r = 25;
        StringBuilder csv = new StringBuilder();
        double[] sigma = new double[r];
        for (int i = 0; i < d; i++) {
            if (i < r) sigma[i] = 30 - i;
            for (int j = 0; j < d; j++) csv.append(j > 0 ? "," : "").append(i == j && i < r ? sigma[i] : 0);
            csv.append('\n');
        }
        Files.writeString(tmp.resolve("m25.csv"), csv);
        String values = java.util.Arrays.stream(sigma).mapToObj(Double::toString).collect(java.util.stream.Collectors.joining(","));
        Path preset = Files.writeString(tmp.resolve("file-target.json"), "{\"schema\": 1, \"title\": \"file\", \"parameters\": "
                + "{\"width\": 30, \"rank\": 25, \"singularValues\": [" + values + "], \"targetFile\": \"m25.csv\", \"eta\": 0.001}}");
        assertTrue(fx(() -> app.view().files().openPreset(preset)), app.view().lastError());
        org.eoslab.ui.controls.NumberSlider rank = app.view().controls().rank();
        assertFalse(rank.isDisabled(), "the rank of a file target can be cut");
        assertEquals(25, rank.max());
        robot.interact(() -> { rank.field().setText("20"); rank.field().fireEvent(new javafx.event.ActionEvent()); });
        Parameters cut = fx(() -> app.view().controls().draft());
        assertEquals(20, cut.rank());
        assertArrayEquals(java.util.Arrays.copyOf(sigma, 20), cut.singularValues(), "the file's top 20 values");
        assertEquals(tmp.resolve("m25.csv").toString(), cut.targetFile(), "the file stays the target");
        LiveAppFixture.waitUntil(20, () -> app.state().parameters().rank() == 20);     // the cut run started
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        String refused = fx(() -> {
            rank.field().setText("26");
            rank.field().fireEvent(new javafx.event.ActionEvent());
            return rank.errorText();
        });
        assertTrue(refused != null && refused.contains("outside the allowed range [1, 20]"), refused);
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    @Test
    void configurationTextRoundTripsThroughTheClipboard(FxRobot robot) throws Exception {
        waitForRun();
        Parameters other = START.withEta(0.27).withAlpha(0.02).withDepth(4);
        assertTrue(fx(() -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(ConfigText.format(other));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            return app.view().files().pasteConfiguration();
        }));
        LiveAppFixture.waitUntil(20, () -> app.state().parameters().equals(other));
        String copied = fx(() -> {
            app.view().files().copyConfiguration();
            return javafx.scene.input.Clipboard.getSystemClipboard().getString();
        });
        assertEquals(other, ConfigText.parse(copied));
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString("eoslab L=99");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            assertFalse(app.view().files().pasteConfiguration());
        });
        assertTrue(app.view().lastError().startsWith("depth: 99 is outside"), app.view().lastError());
    }

    @Test
    void presentationModeAndTheDarkTheme(FxRobot robot) throws Exception {
        waitForRun();
        robot.interact(() -> {
            app.view().setPresentation(true);
            app.view().setDark(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var sheets = app.view().getScene().getStylesheets();
        assertTrue(app.view().selectedView().picture().getStyleClass().contains(TypeScale.PRESENTING) && sheets.stream().anyMatch(s -> s.endsWith("dark.css")));
        assertTrue(app.view().getLeft() == null, "controls tucked away");
        String style = app.view().training().panels().panel(Panel.LOSS).series().get(0).dataSet().getStyle();
        assertTrue(style.contains("-fx-line-width: 3.52"), "lines 2.2 times thicker: " + style);
        Path png = tmp.resolve("dark.png");
        assertTrue(fx(() -> app.view().files().exportPicture(app.view().training().panels().panel(Panel.LOSS), 1, false, png)));
        BufferedImage image = ImageIO.read(png.toFile());
        int rgb = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
        int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        assertTrue(brightness < 3 * 100, "a dark plot background: " + Integer.toHexString(rgb));
        robot.interact(() -> app.view().setPresentation(false));
        assertTrue(app.view().getLeft() != null);
    }
}
