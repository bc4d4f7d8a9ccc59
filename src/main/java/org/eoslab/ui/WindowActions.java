package org.eoslab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import org.eoslab.config.Network;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.View;
import org.eoslab.run.SessionData;
import org.eoslab.ui.controls.ControlPanel;
import org.eoslab.ui.controls.RunToolbar;
import org.eoslab.ui.orbit.BifurcationView;
import org.eoslab.ui.orbit.PeriodMapView;
import org.eoslab.ui.training.TrainingView;
import org.eoslab.ui.view.LiveView;
import org.eoslab.ui.workbench.Workbench;

/**
 * What the window's actions (the menus, the keys, the file actions, an animated export) may do with the window: a
 * narrow face of {@link MainView}, so that none of them depends on the window's class and the window depends on them.
 */
public interface WindowActions {
    Scene getScene();

    /** The workbench of a network, and of the network the shown tab is about. */
    Workbench<?> bench(Network n);

    Workbench<?> shownBench();

    /** The run toolbar the keyboard drives: the shown tab's network's. */
    RunToolbar activeToolbar();

    /** The linear network's controls (its draft parameters). */
    ControlPanel controls();

    LiveView selectedView();

    LiveView liveView(View v);

    /** The content of a view's tab (for a picture of it). */
    Node content(View v);

    void select(View v);

    TrainingView training();

    BifurcationView bifurcation();

    PeriodMapView periodMap();

    /** The preset in force (its title and text are saved with a preset or session). */
    Preset preset();

    /** Opens a preset as a fresh start with it. */
    void loadPreset(Preset p);

    /** Opens a session in its network's workbench and shows that network's view. */
    void openSession(SessionData<?> session);

    /** Shows linear parameters in the controls and the bifurcation range, sending nothing. */
    void showParameters(Parameters p);

    /** Starts the linear run over on {@code p}. */
    void restart(Parameters p, boolean play);

    /** Starts the shown network's run over from its draft, playing. */
    void reset();

    Dialogs dialogs();

    boolean presentation();

    void setPresentation(boolean on);

    boolean dark();

    void setDark(boolean on);

    boolean controlsShown();

    void setControlsVisible(boolean visible);
}
