package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Garbage typed into a field and repeated rebuilds in presentation mode: no exception, nothing compounds. */
class FxThreadSafetyTest extends LiveAppTestBase {
    @Override
    protected Parameters parameters() {
        return Parameters.defaults().withWidth(8).withEta(0.2).withSteps(1_000_000);
    }

    @Test
    void garbageInTheSharpnessSpinnerIsRefusedInlineAndThenCleared(FxRobot robot) {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().steps() > 10);
        Spinner<?> spinner = robot.lookup("#sharpness-every").query();
        robot.interact(() -> {
            spinner.getEditor().setText("abc");
            spinner.commitValue();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.view().controls().message().contains("sharpness every: 'abc' is not a whole number in [0, 10000]"),
                app.view().controls().message());
        assertEquals(parameters().sharpnessEvery(), spinner.getValue(), "the value stays");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
        int generation = app.state().generation();
        robot.clickOn("#reset");
        LiveAppFixture.waitUntil(20, () -> app.state().generation() > generation);
        WaitForAsyncUtils.waitForFxEvents();
        LiveAppFixture.waitUntil(5, () -> app.view().controls().message().isEmpty());
    }

    /** A refused edit is shown with the field's label from its descriptor and the range, and nothing restarts. */
    @Test
    void aRankAboveTheWidthIsRefusedWithTheFieldsLabel(FxRobot robot) {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().history() != null);
        int generation = app.state().generation();
        robot.clickOn("#width-field").eraseText(8).write("3").type(javafx.scene.input.KeyCode.ENTER);
        LiveAppFixture.waitUntil(20, () -> app.state().parameters().width() == 3);
        int resized = app.state().generation();
        assertTrue(resized > generation);
        assertEquals(3, app.state().parameters().top(), "top follows the width: min(max(5, 5), 3)");
        robot.clickOn("#rank-field").eraseText(8).write("5").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // issue 29, item 11: the complaint is at the field, and the field shows the rank Play runs, not the refused 5
        assertEquals("target rank r: 5 is outside the allowed range [1, 3]", app.view().controls().rank().errorText());
        assertEquals("3", robot.lookup("#rank-field").queryAs(javafx.scene.control.TextField.class).getText());
        robot.clickOn("#alpha-field").eraseText(12).write("abc").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("init scale α: 'abc' is not a number; allowed [0.0001, 1]; kept 0.01", app.view().controls().alpha().errorText());
        assertEquals("0.01", robot.lookup("#alpha-field").queryAs(javafx.scene.control.TextField.class).getText());
        var spectrum = robot.lookup("#spectrum").queryAs(javafx.scene.control.TextField.class);
        String inForce = spectrum.getText();
        robot.clickOn("#spectrum").eraseText(30).write("2, x").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(inForce, spectrum.getText(), "the values Play runs are shown again");
        assertEquals("target singular values: '2, x' must be numbers separated by commas; kept " + inForce, app.view().controls().message());
        robot.sleep(600);                                               // past the restart's quiet period
        assertEquals(resized, app.state().generation(), "nothing was sent");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    @Test
    void presentationModeAndRebuildsDoNotCompoundLineWidths(FxRobot robot) {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().steps() > 10);
        robot.interact(() -> app.view().setPresentation(true));
        String first = styles();
        for (int i = 0; i < 3; i++) {
            int generation = app.state().generation();
            robot.clickOn("#reset");
            LiveAppFixture.waitUntil(20, () -> app.state().generation() > generation);
            WaitForAsyncUtils.waitForFxEvents();
            robot.type(KeyCode.P).type(KeyCode.P);                                 // off and on again
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(first, styles(), "the same styles after three rebuilds and toggles");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    @Test
    void shortcutKeysDoNotFireWhileTypingInAField(FxRobot robot) {
        LiveAppFixture.waitUntil(20, () -> app.state() != null && app.state().steps() > 10);
        boolean presentation = app.view().presentation();
        boolean controls = app.view().controlsShown();
        robot.clickOn("#spectrum").type(KeyCode.C).type(KeyCode.P).type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(controls, app.view().controlsShown(), "'c' typed into a field does not hide the controls");
        assertEquals(presentation, app.view().presentation(), "'p' typed into a field does not switch presentation mode");
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }

    private String styles() {
        StringBuilder sb = new StringBuilder();
        for (var ds : app.view().training().panels().panel(Panel.SHARPNESS).chart().getDatasets()) {
            sb.append(ds.getName()).append(" = ").append(ds.getStyle()).append('\n');
        }
        return sb.toString();
    }
}
