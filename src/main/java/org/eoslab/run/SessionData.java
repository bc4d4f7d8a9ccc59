package org.eoslab.run;

import java.util.List;
import org.eoslab.config.RunParameters;

/**
 * A run as saved in a session: parameters (with the η in force), the rows computed so far, and the engine's
 * weights at the last row, enough to show the run again and continue it; and the runs pinned beside it.
 *
 * @param rows how many rows of {@code history} belong to the session (the history may grow later)
 * @param state the weights at step {@code step} (see {@link Run#state()})
 * @param divergedAt the step that diverged, or −1
 * @param pins the pinned runs shown as ghosts (at most {@link Pin#MAX})
 */
public record SessionData<P extends RunParameters>(String title, String description, P parameters, History history,
                                                   int rows, double[][] state, long step, long divergedAt, List<Pin> pins) {
    public SessionData {
        pins = List.copyOf(pins);
    }

    public SessionData(String title, String description, P parameters, History history, int rows, double[][] state,
                       long step, long divergedAt) {
        this(title, description, parameters, history, rows, state, step, divergedAt, List.of());
    }

    public SessionData<P> withPins(List<Pin> p) {
        return new SessionData<>(title, description, parameters, history, rows, state, step, divergedAt, p);
    }
}
