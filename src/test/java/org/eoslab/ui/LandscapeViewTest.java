package org.eoslab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.Parameters;
import org.eoslab.metrics.Landscape;
import org.eoslab.metrics.LandscapeProbe;
import org.eoslab.ui.landscape.LandscapeView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 26's landscape tab on the default preset, past its transient: the slice through the sharper of the last two
 * iterates, its curvature the Lanczos sharpness, the iterates on alternate walls, and a readout that says so.
 */
class LandscapeViewTest extends LiveAppTestBase {
    @Override
    protected Parameters parameters() { return Parameters.defaults().withSteps(1500); }

    @Test
    void theTabShowsTheIteratesBouncingAcrossTheValley(FxRobot robot) throws Exception {
        LiveAppFixture.waitUntil(60, () -> app.state() != null && app.state().steps() == 1500 && !app.state().playing());
        robot.interact(() -> app.view().tabs().getSelectionModel().select(
                app.view().tabs().getTabs().stream().filter(t -> "tab-landscape".equals(t.getId())).findFirst().orElseThrow()));
        LandscapeView view = app.view().landscape();
        LiveAppFixture.waitUntil(20, () -> view.latest() != null);
        Landscape l = view.latest();
        assertTrue(l.step() == 1500 || l.step() == 1499, "measured at the latest two steps: " + l.step());
        assertEquals(l.sharpness(), l.curvature(), 1e-6 * l.sharpness(), "the slice's curvature at the iterate is λ_max");
        assertTrue(l.sharpness() > 2 / l.eta(), "through the high branch: S = " + l.sharpness());
        assertEquals(LandscapeProbe.RECENT, l.iterateX().length, "iterates kept while the tab was not shown");
        assertTrue(view.readout().contains("iterates alternate sides of the valley along u₁ at every step"), view.readout());
        assertTrue(view.readout().contains("× 2/η"), view.readout());
        assertTrue(app.uncaught.isEmpty(), "no exceptions: " + app.exceptions());
    }
}
