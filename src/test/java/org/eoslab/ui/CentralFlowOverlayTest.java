package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.run.FlowAgreement;
import org.eoslab.run.FlowFollower;
import org.eoslab.ui.training.TrainingView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * View › Central flow (issue 26): the flow follows the run from its step 0 on its own thread, is drawn dashed in the
 * loss, sharpness and product panels, and the readout under the panels is the {@link FlowAgreement} of the two runs'
 * rows; turning it off takes the lines and the readout away.
 */
class CentralFlowOverlayTest extends LiveAppTestBase {
    @Override
    protected Parameters parameters() { return Parameters.defaults().withSteps(150); }

    private MenuItem item(String id) {
        MenuBar bar = (MenuBar) app.view().getScene().getRoot().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void theFlowIsDrawnBesideTheRunAndItsReadoutReadsBoth(FxRobot robot) throws Exception {
        LiveAppFixture.waitUntil(60, () -> app.state() != null && app.state().steps() == 150 && !app.state().playing());
        robot.interact(() -> item("central-flow-cycle").fire());
        TrainingView training = app.view().training();
        LiveAppFixture.waitUntil(60, () -> {
            FlowFollower f = app.view().engine().centralFlow().current();
            return f != null && f.history().size() == 151;
        });
        FlowFollower f = app.view().engine().centralFlow().current();
        assertEquals(FlowFollower.Kind.CYCLE, f.kind());
        String expected = FlowAgreement.of(app.state().history(), f.history()).orElseThrow().sentence(f.kind().label());
        LiveAppFixture.waitUntil(10, () -> expected.equals(training.flow().text()));
        assertTrue(expected.startsWith("The 2-cycle central flow (S held at 2/η − qσ²/6) at step 150: "), expected);
        for (Panel p : new Panel[] {Panel.LOSS, Panel.SHARPNESS, Panel.PRODUCT}) {
            LiveAppFixture.waitUntil(10, () -> training.panels().panel(p).chart().getDatasets().stream()
                    .anyMatch(d -> d.getName().startsWith("central flow") && d.getDataCount() > 100));
        }
        robot.interact(() -> item("central-flow-off").fire());
        LiveAppFixture.waitUntil(10, () -> app.view().engine().centralFlow().current() == null && !training.panels().showsFlow());
        assertFalse(training.panels().panel(Panel.LOSS).chart().getDatasets().stream().anyMatch(d -> d.getName().startsWith("central flow")));
        LiveAppFixture.waitUntil(10, () -> training.flow().text().isEmpty());
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }
}
