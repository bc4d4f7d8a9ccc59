package org.eoslab.run;

import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Layout;

/**
 * A run continued from its own step (see {@link LiveEngine#fork}): rebuilt from the checkpoint at or below the
 * step, replayed to it with the η each step used (exact: GD is deterministic), with the rows up to the step kept.
 *
 * @param run the rebuilt run at the fork's step, η not yet changed
 * @param kept the rows of the original run up to and including the step
 */
record Fork<P extends RunParameters>(Run<P> run, History kept) {
    @SuppressWarnings("unchecked")
    static <P extends RunParameters> Fork<P> replay(RunFactory<P> factory, P parameters, History history,
                                                    Checkpoints.Checkpoint from, long step, int sharpnessEvery) {
        long first = (long) history.get(0, Layout.STEP);
        int etaColumn = history.columns().eta();
        P atCheckpoint = (P) parameters.withEta(history.get((int) (from.step() - first), etaColumn));
        Run<P> fork = factory.resume(atCheckpoint, from.weights(), from.step());
        fork.setSharpnessEvery(sharpnessEvery);
        for (long s = from.step(); s < step; s++) {
            fork.setEta(history.get((int) (s + 1 - first), etaColumn));   // the η the step from s to s + 1 used
            fork.advance();
        }
        History kept = new History(history.columns());
        double[] row = new double[history.columns().count()];
        for (int i = 0; i <= step - first; i++) {
            history.row(i, row);
            kept.append(row);
        }
        return new Fork<>(fork, kept);
    }
}
