package org.eoslab.ui;

import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.export.SessionCodec;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.RunFactory;
import org.eoslab.ui.controls.ControlPanel;
import org.eoslab.ui.mlp.MlpControls;
import org.eoslab.ui.mlp.MlpPanels;
import org.eoslab.ui.training.LinearPanels;
import org.eoslab.ui.workbench.Workbench;

/**
 * The one place that knows which networks there are: each one's workbench from its engine, controls, panels, home
 * view and session codec. Everything else works through {@link Workbench} and asks no network its name.
 */
final class Workbenches {
    private Workbenches() {}

    /** The deep linear network, on an engine already running (the window opens on it). */
    static Workbench<Parameters> linear(LiveEngine<Parameters> running, ControlPanel controls, LinearPanels panels) {
        return new Workbench<>(View.TRAINING, "", p -> running, controls, panels, SessionCodec.linear(),
                RunFactory::verifyLinear);
    }

    /** The ReLU network of paper §4.2; its engine thread starts the first time one of its views is shown. */
    static Workbench<MlpParameters> relu(MlpControls controls, MlpPanels panels) {
        return new Workbench<>(View.MLP, "mlp-", p -> LiveEngine.mlp(p, true), controls, panels, SessionCodec.relu(),
                p -> {});                                  // the session loader validated them; the data is the engine's to read
    }
}
