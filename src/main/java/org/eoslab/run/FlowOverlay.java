package org.eoslab.run;

import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Layout;

/**
 * The central-flow overlay of a live engine (engine thread): which flow the user asked for, and the
 * {@link FlowFollower} of the current run, rebuilt from its step-0 weights (the first checkpoint) for every new
 * run, restart or fork. What it follows is published through a volatile field for the UI.
 */
public final class FlowOverlay implements AutoCloseable {
    private volatile FlowFollower.Kind kind;        // null: off
    private volatile FlowFollower follower;
    private volatile String refusal;

    /** Switches the overlay to {@code newKind} (null: off) for the current run. */
    <P extends RunParameters> void set(FlowFollower.Kind newKind, RunFactory<P> factory, P parameters, History history,
                                         Checkpoints checkpoints, int generation) {
        kind = newKind;
        follow(factory, parameters, history, checkpoints, generation);
    }

    /**
     * A new run (or generation) with these rows and checkpoints: the flow starts again beside it, from the weights
     * of step 0 (the η of each step comes from the rows), or a refusal says why not.
     */
    <P extends RunParameters> void follow(RunFactory<P> factory, P parameters, History history, Checkpoints checkpoints,
                                            int generation) {
        close();
        refusal = null;
        if (kind == null || history == null || history.size() == 0) return;
        Checkpoints.Checkpoint first = checkpoints.floor(0);
        if (history.get(0, Layout.STEP) != 0 || first == null || first.step() != 0) {
            refusal = "No central flow: it starts from the run's step-0 weights, and this run (resumed at step "
                    + (long) history.get(0, Layout.STEP) + ") has none. Press Reset to start it at step 0.";
            return;
        }
        try {
            follower = FlowFollower.start(kind, factory.resume(parameters, first.weights(), 0), history, generation);
        } catch (org.eoslab.config.InvalidParameterException e) {
            refusal = "No central flow: it " + e.problem() + ".";
        } catch (RuntimeException e) {
            refusal = "No central flow: " + e.getMessage() + ".";
        }
    }

    /** The follower of the current run, or null (off, or refused). Any thread. */
    public FlowFollower current() { return follower; }

    /** Why the overlay that was asked for follows nothing, or null. Any thread. */
    public String refusal() { return refusal; }

    /** The flow asked for, or null (off). Any thread. */
    public FlowFollower.Kind kind() { return kind; }

    @Override
    public void close() {
        FlowFollower f = follower;
        follower = null;
        if (f != null) f.close();
    }
}
