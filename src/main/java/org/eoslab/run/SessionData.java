package org.eoslab.run;

import org.eoslab.config.Parameters;

/**
 * A run as saved in a session: parameters (with the η in force), the rows computed so far, and the engine's
 * weights at the last row, enough to show the run again and continue it.
 *
 * @param rows how many rows of {@code history} belong to the session (the history may grow later)
 * @param state the weights at step {@code step} (see {@code Dynamics.state()})
 * @param divergedAt the step that diverged, or −1
 */
public record SessionData(String title, String description, Parameters parameters, History history, int rows,
                          double[][] state, long step, long divergedAt) {}
