package org.eoslab.ui.controls;

import org.eoslab.config.RunParameters;
import org.eoslab.run.LiveState;

/**
 * The restart last sent to an engine, until the engine runs it or refuses it. Until then a report of the
 * engine's older run must not be shown in the controls: it would undo the edit on its way.
 *
 * @param <P> the parameters of the engine's network
 */
public final class PendingRestart<P extends RunParameters> {
    private P sent;

    /** A restart with these parameters is on its way to the engine. */
    public void sent(P parameters) { sent = parameters; }

    /** True when nothing sent is still on its way: the engine's state may be shown in the controls. */
    public boolean settled(LiveState<P> s) {
        if (sent != null && s.history() != null && (s.parameters().sameProblemAs(sent) || s.refused())) sent = null;
        return sent == null;
    }
}
