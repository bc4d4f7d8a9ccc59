package org.eoslab.ui.workbench;

import java.util.List;
import org.eoslab.config.RunParameters;
import org.eoslab.run.History;
import org.eoslab.run.Pin;
import org.eoslab.ui.chart.Ghosts;
import org.eoslab.ui.chart.PanelSet;

/**
 * A network's training panels, the typed spec of what its view draws: rebuilt for each new run from its
 * parameters, fed the run's rows through {@link #set()}, and pinned runs laid over them as ghosts.
 *
 * @param <P> the parameters of the network
 */
public interface NetworkPanels<P extends RunParameters> {
    PanelSet set();

    /** Fresh series for a run of {@code p} (σ*_i of its target, empty for a network fitting data) and its rows. */
    void rebuild(P p, double[] targetValues, History history);

    /** A fresh set of these panels (a pinned run's ghost is drawn by panels of its own). */
    NetworkPanels<P> fresh();

    /** The type of this network's parameters (a pin's are checked to be of it). */
    Class<P> parametersType();

    /** Pinned runs of this network, as ghosts in every panel. */
    default void showPins(List<Pin> pins) {
        Ghosts.overlayPins(set(), pins, pin -> {
            NetworkPanels<P> ghost = fresh();
            ghost.rebuild(parametersType().cast(pin.parameters()), pin.targetValues(), pin.history());
            return ghost.set();
        });
    }
}
