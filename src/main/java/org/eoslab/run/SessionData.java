package org.eoslab.run;

import org.eoslab.config.RunParameters;

/**
 * A run as saved in a session: parameters (with the η in force), the rows computed so far, and the engine's
 * weights at the last row, enough to show the run again and continue it.
 *
 * @param rows how many rows of {@code history} belong to the session (the history may grow later)
 * @param state the weights at step {@code step} (see {@link Run#state()})
 * @param divergedAt the step that diverged, or −1
 */
public record SessionData<P extends RunParameters>(String title, String description, P parameters, History history,
                                                   int rows, double[][] state, long step, long divergedAt) {}
