package org.eoslab.run;

import org.eoslab.metrics.Layout;

/**
 * The central flow beside a live linear run (issue 26), on a thread of its own: from the run's step-0 weights it
 * integrates one unit of time per GD row as the rows arrive, with the η that GD step used (row k's η column), into a
 * {@link History} of {@link org.eoslab.metrics.CentralFlowColumns} rows that the UI reads like GD's. The flow costs
 * ~15 GD steps per unit of time (Lanczos and two Hessian-vector products per substep), so it trails a fast run; on its
 * own thread the run's thread stays free, though on 2 cores the run still gives up a share (bench --ui: 72 % of its
 * steps/s at d = 100). It owns the flow's matrices; {@link #close()} stops it.
 */
public final class FlowFollower implements AutoCloseable {
    /** Which flow: the paper's, S held at 2/η, or the one holding GD's 2-cycle condition (math.md, central flow). */
    public enum Kind {
        PAPER("the paper's central flow (S held at 2/η)"),
        CYCLE("the 2-cycle central flow (S held at 2/η − qσ²/6)");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** How long the thread sleeps when it has caught up with GD. */
    private static final long IDLE_MILLIS = 20;

    private final Kind kind;
    private final History gd;
    private final History rows;
    private final int generation;
    private final CentralFlowTrack track;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String failure;
    private volatile long brokeAt = -1;

    private FlowFollower(Kind kind, CentralFlowTrack track, History gd, int generation) {
        this.kind = kind;
        this.track = track;
        this.gd = gd;
        this.generation = generation;
        this.rows = new History(track.columns());
        this.thread = new Thread(this::follow, "eos-central-flow");
        thread.setDaemon(true);
    }

    /**
     * Follows {@code gd}, the rows of a run whose step-0 state is {@code atStart} (a dense linear run at step 0;
     * anything else is refused with a message naming the engine).
     */
    static FlowFollower start(Kind kind, Run<?> atStart, History gd, int generation) {
        FlowFollower f = new FlowFollower(kind, CentralFlowTrack.of(atStart, kind == Kind.CYCLE), gd, generation);
        f.thread.start();
        return f;
    }

    private void follow() {
        try {
            int eta = gd.columns().eta();
            rows.append(track.start(gd.get(0, eta)));
            for (int k = 1; !closed && track.brokeAt() < 0; k++) {
                while (gd.size() <= k) {
                    if (closed) return;
                    Thread.sleep(IDLE_MILLIS);
                }
                rows.append(track.advance((long) gd.get(k, Layout.STEP), gd.get(k, eta)));   // η of the step into row k
                brokeAt = track.brokeAt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = e instanceof OutOfMemoryError ? "out of memory" : String.valueOf(e.getMessage());
        }
    }

    public Kind kind() { return kind; }

    /** The flow's rows so far (safe for concurrent readers). */
    public History history() { return rows; }

    /** The generation of the run it follows. */
    public int generation() { return generation; }

    /** The step at which the flow's numbers stopped being finite, or −1. */
    public long brokeAt() { return brokeAt; }

    /** Why the flow stopped early, or null. */
    public String failure() { return failure; }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
