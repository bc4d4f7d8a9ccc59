package org.eoslab.ui.workbench;

import java.util.List;
import org.eoslab.config.RunParameters;
import org.eoslab.run.History;
import org.eoslab.run.Pin;
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

    /** Pinned runs of this network, as ghosts in every panel. */
    void showPins(List<Pin> pins);
}
