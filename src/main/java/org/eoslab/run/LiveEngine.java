package org.eoslab.run;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eoslab.config.Fields;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Landscape;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.Phase;

/**
 * The engine thread of the live app, for either network. It alone owns the {@link Run} and its matrices;
 * everything else calls its command methods (queued, handled between steps, so η applies at the next step)
 * and reads the immutable {@link LiveState} it publishes, plus rows of the state's {@link History}. A burst
 * of restarts is coalesced into one ({@link EngineThread}).
 *
 * @param <P> the parameters of the network it runs
 */
public final class LiveEngine<P extends RunParameters> extends EngineThread<LiveEngine.Command> {
    /** Steps kept in memory at most; the run pauses there (≈ rows × columns × 8 bytes of heap). */
    public static final long DEFAULT_HISTORY_LIMIT = 2_000_000;
    /** An MLP row is wider and its steps slower: a smaller cap. */
    public static final long MLP_HISTORY_LIMIT = 1_000_000;
    /** The engine checks for commands at least this often while running. */
    private static final long SLICE_NANOS = 8_000_000;

    sealed interface Command permits Restart, Resume, Play, Pause, StepBy, SetLearningRate, SetSpeed, SetStopAt,
            SetSharpnessEvery, CaptureSession, ForkAt, MeasureLandscape, FollowCentralFlow {}

    /** {@code play}: start playing; {@code pause}: stay paused; neither: keep the play state. */
    private record Restart(RunParameters parameters, boolean play, boolean pause) implements Command {}

    private record Resume(SessionData<?> session) implements Command {}

    private record Play() implements Command {}
    private record Pause() implements Command {}
    private record StepBy(int steps) implements Command {}

    private record SetLearningRate(double eta) implements Command {}

    private record SetSpeed(double stepsPerSecond) implements Command {}
    private record SetStopAt(long step) implements Command {}
    private record SetSharpnessEvery(int every) implements Command {}

    private record CaptureSession(String title, String description, CompletableFuture<SessionData<?>> result)
            implements Command {}

    private record ForkAt(long step, double eta) implements Command {}

    private record FollowCentralFlow(FlowFollower.Kind kind) implements Command {}
    private record MeasureLandscape(int points, int grid, CompletableFuture<Optional<Landscape>> result) implements Command {}

    private final RunFactory<P> factory;
    private final long historyLimit;
    private volatile LiveState<P> state;

    // owned by the engine thread
    private Run<P> run;
    private History history;
    private Optional<PhaseMonitor> monitor = Optional.empty();
    private P parameters;
    private int generation;
    private boolean playing;
    private long pendingSteps;
    private long stopAt;
    private double speed;
    private String message;
    private ComputePath computePath = ComputePath.current();   // the run's, read once per run (publish is per slice)
    private boolean refused;
    private String slowStart;             // what this run's slow start said it will cost, or null
    private boolean halted;               // the run failed (see failed): shown, never stepped again
    private final Checkpoints checkpoints = new Checkpoints(Checkpoints.defaultBudget());
    private final FlowOverlay flow = new FlowOverlay();

    public LiveEngine(RunFactory<P> factory, P initial, boolean play, long historyLimit) {
        super("eos-engine", new Restart(initial, play, false), Restart.class);
        this.factory = factory;
        this.historyLimit = historyLimit;
        this.parameters = initial;
        this.playing = play;
        this.stopAt = initial.steps();
        this.message = factory.preparing();
        publish();
        start();
    }

    /** The deep linear network's engine thread. */
    public static LiveEngine<Parameters> linear(Parameters initial, boolean play) {
        return new LiveEngine<>(RunFactory.linear(), initial, play, DEFAULT_HISTORY_LIMIT);
    }

    /** The ReLU network's engine thread; it reads the data itself, never on the FX thread. */
    public static LiveEngine<MlpParameters> mlp(MlpParameters initial, boolean play) {
        return new LiveEngine<>(RunFactory.mlp(), initial, play, MLP_HISTORY_LIMIT);
    }

    /** The latest published state (its history is null until the first run is built). */
    public LiveState<P> state() { return state; }

    /**
     * Starts over with new parameters (the UI debounces; the engine keeps only the last of a burst).
     * {@code play}: start playing (Reset), or keep the current play state (a changed parameter).
     */
    public void restart(P p, boolean play) { send(new Restart(p, play, false)); }

    /** Starts over with new parameters, paused at step 0 (an animated export then steps it). */
    public void restartPaused(P p) { send(new Restart(p, false, true)); }

    /** Continues a saved run, paused at its last step. */
    public void resume(SessionData<P> session) { send(new Resume(session)); }

    public void play() { send(new Play()); }

    public void pause() { send(new Pause()); }

    /** Runs n more steps, then pauses. */
    public void stepBy(int steps) { send(new StepBy(steps)); }

    /** Applies at the next step, no restart. */
    public void setEta(double eta) { send(new SetLearningRate(eta)); }

    /** Steps per second; 0 = as fast as possible. */
    public void setSpeed(double stepsPerSecond) { send(new SetSpeed(stepsPerSecond)); }

    /** Pause when this many steps are done. */
    public void stopAt(long step) { send(new SetStopAt(step)); }

    public void setSharpnessEvery(int every) { send(new SetSharpnessEvery(every)); }

    /**
     * Continues the run from its weights at {@code step} with learning rate {@code eta}: the rows up to that step
     * are kept, the later ones replaced (a new generation). Exact: the weights come from the nearest checkpoint,
     * replayed with the η each step used.
     */
    public void fork(long step, double eta) { send(new ForkAt(step, eta)); }

    /** The central flow beside the run from its step 0 (issue 26; null: none), also for every later run. */
    public void followCentralFlow(FlowFollower.Kind kind) { send(new FollowCentralFlow(kind)); }

    /** The central-flow overlay: the flow following the current run ({@code current()}, null when off or refused). */
    public FlowOverlay centralFlow() { return flow; }

    /** Copies the run (parameters, rows so far, weights) for a session file. */
    @SuppressWarnings("unchecked")
    public CompletableFuture<SessionData<P>> captureSession(String title, String description) {
        CompletableFuture<SessionData<?>> result = new CompletableFuture<>();
        send(new CaptureSession(title, description, result));
        return result.thenApply(s -> (SessionData<P>) s);   // made below from this engine's own run
    }

    @Override
    void ended() { flow.close(); }

    @Override
    void stopped(Throwable error) {
        message = "engine stopped: " + error;
        publish();
    }

    private static String outOfMemory() {
        return "out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap)";
    }

    @Override
    void failed(Throwable error) {
        long step = run == null ? 0 : run.step();
        halted = true;                                            // the run and its history up to here stay shown
        playing = false;
        pendingSteps = 0;
        message = error instanceof OutOfMemoryError
                ? "stopped at step " + step + ": " + outOfMemory() + "; choose a smaller network or fewer samples, then Reset"
                : "stopped at step " + step + ": " + error;
        refused = true;
        publish();
    }

    @Override
    void apply(Command c) {
        if (c instanceof SetLearningRate s) {
            try {
                Fields.ETA.check(s.eta());
            } catch (InvalidParameterException e) {
                message = e.getMessage();                                // refused; the run goes on
                return;
            }
            if (run != null) run.setEta(s.eta());
            parameters = withEta(s.eta());
        } else if (c instanceof Play) {
            playing = true;
            playAfterSlowStart();
            if (run != null && run.step() >= stopAt) stopAt = Long.MAX_VALUE;
        } else if (c instanceof Pause) {
            playing = false;
            pendingSteps = 0;
        } else if (c instanceof StepBy s) {
            playing = false;
            pendingSteps += s.steps();
            playAfterSlowStart();
        } else if (c instanceof SetSpeed s) {
            speed = s.stepsPerSecond();
            resetRate();
        } else if (c instanceof SetStopAt s) {
            stopAt = s.step();
        } else if (c instanceof SetSharpnessEvery s) {
            if (run != null) run.setSharpnessEvery(s.every());
            parameters = withSharpnessEvery(s.every());
        } else if (c instanceof MeasureLandscape m) {
            measureLandscape(m);
        } else if (c instanceof CaptureSession cs) {
            capture(cs);
        } else if (c instanceof Resume r) {
            resumeSaved(r.session());
        } else if (c instanceof ForkAt f) {
            forkAt(f.step(), f.eta());
        } else if (c instanceof FollowCentralFlow f) {
            flow.set(f.kind(), factory, parameters, run == null ? null : history, checkpoints, generation);
        }
    }

    @SuppressWarnings("unchecked")
    private P withEta(double eta) { return (P) parameters.withEta(eta); }           // each kind returns its own type

    @SuppressWarnings("unchecked")
    private P withSharpnessEvery(int every) { return (P) parameters.withSharpnessEvery(every); }

    /** The landscape at the latest step (issue 26), measured between steps; empty without one (reduced, ReLU, diverged). */
    public CompletableFuture<Optional<Landscape>> measureLandscape(int points, int grid) {
        CompletableFuture<Optional<Landscape>> result = new CompletableFuture<>();
        send(new MeasureLandscape(points, grid, result));
        return result;
    }

    private void measureLandscape(MeasureLandscape m) {
        try { m.result().complete(run == null || run.ended() ? Optional.empty() : run.landscape(m.points(), m.grid())); }
        catch (RuntimeException e) { m.result().completeExceptionally(e); }   // the view says why; the run goes on
    }

    private void capture(CaptureSession cs) {
        if (run == null) cs.result().completeExceptionally(new IllegalStateException("no run to save"));
        else cs.result().complete(new SessionData<>(cs.title(), cs.description(), run.parameters(), history,
                history.size(), run.state(), run.step(), run.divergedAt()));
    }

    @Override
    @SuppressWarnings("unchecked")
    void restart(Command restart) {
        Restart command = (Restart) restart;
        P p = (P) command.parameters();                        // only restart(P, boolean) makes a Restart
        if (command.play()) playing = true;
        if (command.pause()) playing = false;
        try {
            if (factory.preparing() != null) {
                message = factory.preparing();
                publish();
            }
            long start = System.nanoTime();
            begin(factory.start(p), p, null);
            stopAt = p.steps();
            message = slowStartNote(p, (System.nanoTime() - start) * 1e-9);
            refused = false;
        } catch (RuntimeException e) {
            message = "could not start: " + e.getMessage();
            refused = true;
        } catch (OutOfMemoryError e) {
            run = null;
            message = "could not start: " + outOfMemory();
            refused = true;
        }
        publish();
    }

    /** A slow start pauses before stepping and says what the run will cost ({@link SlowStart}); null when quick. */
    private String slowStartNote(P p, double seconds) {
        slowStart = SlowStart.note(p, seconds, "a rank of " + SlowStart.SUGGESTED_RANK + " or fewer (the rank field)").orElse(null);
        if (slowStart != null) playing = false;
        return slowStart == null ? null : SlowStart.PAUSED + slowStart + " Press Play to run anyway.";
    }

    /** Play after a slow start: the cost stays on the status line, no longer "paused". */
    private void playAfterSlowStart() {
        if (slowStart != null && message != null && message.startsWith(SlowStart.PAUSED)) message = slowStart;
    }

    @SuppressWarnings("unchecked")
    private void resumeSaved(SessionData<?> saved) {
        SessionData<P> s = (SessionData<P>) saved;             // only resume(SessionData<P>) makes a Resume
        try {
            begin(factory.resume(s.parameters(), s.state(), s.step()), s.parameters(), s.history());
            playing = false;
            stopAt = Math.max(s.parameters().steps(), s.step());
            message = "resumed at step " + s.step();
            refused = false;
        } catch (RuntimeException e) {
            message = "could not resume: " + e.getMessage();
            refused = true;
        }
        publish();
    }

    /**
     * The fork: the run rebuilt from the checkpoint at or below {@code step}, replayed to it with each step's
     * recorded η, then continued with {@code eta}; the history keeps rows up to {@code step}.
     */
    @SuppressWarnings("unchecked")
    private void forkAt(long step, double eta) {
        long first = history == null || history.size() == 0 ? 0 : (long) history.get(0, Layout.STEP);
        Checkpoints.Checkpoint c = checkpoints.floor(step);
        if (run == null || c == null || step < first || step > run.step() || !Fields.ETA.allows(eta)) {
            message = "cannot fork at step " + step + ": choose a step of this run (" + first + " to "
                    + (run == null ? 0 : run.step()) + ") and a positive η";
            return;
        }
        Fork<P> fork;
        try {
            fork = Fork.replay(factory, parameters, history, c, step, run.parameters().sharpnessEvery());
        } catch (RuntimeException e) {                        // e.g. the target file is gone: the run goes on
            message = "cannot fork at step " + step + ": " + e.getMessage();
            return;
        }
        fork.run().setEta(eta);
        checkpoints.dropAfter(step);                       // the rows up to the fork are the same run's: their
        begin(fork.run(), (P) fork.run().parameters(), fork.kept(), true);   // checkpoints stay good for a later fork
        playing = true;
        stopAt = Math.max(stopAt, step + 1);
        message = "forked at step " + step + " with η = " + eta;
        refused = false;
    }

    /** Makes {@code fresh} the run, with the saved rows, or (null) a new history holding its first row. */
    private void begin(Run<P> fresh, P p, History saved) {
        begin(fresh, p, saved, false);
    }

    private void begin(Run<P> fresh, P p, History saved, boolean keepCheckpoints) {
        run = fresh;
        halted = false;
        parameters = p;
        history = saved != null ? saved : new History(fresh.columns());
        if (saved == null && fresh.snapshot() != null) history.append(fresh.snapshot());
        monitor = fresh.monitor();
        computePath = fresh.computePath();
        if (!keepCheckpoints) checkpoints.clear();
        checkpoints.offer(fresh);
        generation++;
        flow.follow(factory, p, history, checkpoints, generation);
        pendingSteps = 0;
        resetRate();
    }

    @Override
    boolean canStep() {
        if (run == null || halted || run.ended()) return false;
        if (history.size() >= historyLimit) return false;
        return pendingSteps > 0 || (playing && run.step() < stopAt);
    }

    /** Steps until a time slice is used up, the speed limit is reached or a stop condition holds. */
    @Override
    void advance() throws InterruptedException {
        long sliceEnd = System.nanoTime() + SLICE_NANOS;
        while (canStep() && System.nanoTime() < sliceEnd && !commandsWaiting()) {
            if (!run.advance()) break;
            history.append(run.snapshot());
            checkpoints.offer(run);
            if (pendingSteps > 0) pendingSteps--;
            countStep();
            if (speed > 0 && paceDelayNanos(speed) > 0) break;
        }
        if (run.ended()) playing = false;
        if (history.size() >= historyLimit && message == null) {
            message = "history full at " + history.size() + " steps: export or reset";
        }
        if (playing && run.step() >= stopAt) playing = false;
        publish();
        long delay = speed > 0 ? paceDelayNanos(speed) : 0;
        if (delay > 0) awaitCommand(delay);
    }

    @Override
    void publish() {
        double stepsPerSecond = stepsPerSecond();
        if (run == null) {
            state = new LiveState<>(generation, parameters, null, new double[0], null, 0, playing, stopAt, -1, null,
                    Phase.STARTING, 0, 0, message, refused, computePath);
            return;
        }
        int oscillating = monitor.map(m -> m.oscillating(history)).orElse(0);
        boolean diverged = run.divergedAt() >= 0;
        Phase phase = monitor.map(m -> m.phase(history, diverged, oscillating))
                .orElse(diverged ? Phase.DIVERGED : run.step() == 0 ? Phase.STARTING : Phase.TRAINING);
        state = new LiveState<>(generation, run.parameters(), run.source(), run.targetValues(), history, run.step(),
                playing || pendingSteps > 0, stopAt, run.divergedAt(), run.endMessage(), phase, oscillating,
                stepsPerSecond, message, refused, computePath);
    }
}
