package org.eoslab.run;

import org.eoslab.config.Parameters;
import org.eoslab.engine.Target;
import org.eoslab.engine.Targets;
import org.eoslab.metrics.Phase;

/**
 * The engine thread of the live app. It alone owns the {@link Trainer} and its matrices; everything else
 * talks to it through {@link Command}s and reads the immutable {@link LiveState} it publishes, plus rows of
 * the state's {@link History}. Commands are handled between steps, so η applies at the next step; a
 * burst of restarts is coalesced into one ({@link EngineThread}).
 */
public final class LiveEngine extends EngineThread<LiveEngine.Command> {
    /** Steps kept in memory at most; the run pauses there (≈ rows × columns × 8 bytes of heap). */
    public static final long DEFAULT_HISTORY_LIMIT = 2_000_000;
    /** The engine checks for commands at least this often while running. */
    private static final long SLICE_NANOS = 8_000_000;

    /** A request to the engine thread. */
    public sealed interface Command permits SetLearningRate, Restart, Play, Pause, StepBy, SetSpeed, SetStopAt,
            SetSharpnessEvery, CaptureSession, Resume {}

    /** Copies the run (parameters, rows so far, weights) for a session file; completes {@code result}. */
    public record CaptureSession(String title, String description,
                                 java.util.concurrent.CompletableFuture<SessionData> result) implements Command {}

    /** Continues a saved run, paused at its last step. */
    public record Resume(SessionData session) implements Command {}

    /** Applies at the next step, no restart. */
    public record SetLearningRate(double eta) implements Command {}

    /**
     * Starts over with new parameters (the UI debounces; the engine keeps only the last of a burst).
     * {@code play}: start playing (Reset), or keep the current play state (a changed parameter).
     */
    public record Restart(Parameters parameters, boolean play) implements Command {
        public Restart(Parameters parameters) {
            this(parameters, false);
        }
    }

    public record Play() implements Command {}

    public record Pause() implements Command {}

    /** Runs n more steps, then pauses. */
    public record StepBy(int steps) implements Command {}

    /** Steps per second; 0 = as fast as possible. */
    public record SetSpeed(double stepsPerSecond) implements Command {}

    /** Pause when this many steps are done. */
    public record SetStopAt(long step) implements Command {}

    public record SetSharpnessEvery(int every) implements Command {}

    private final long historyLimit;
    private volatile LiveState state;

    // owned by the engine thread
    private Trainer trainer;
    private History history;
    private PhaseMonitor monitor;
    private Parameters parameters;
    private int generation;
    private boolean playing;
    private long pendingSteps;
    private long stopAt;
    private double speed;
    private String message;

    public LiveEngine(Parameters initial, boolean play) {
        this(initial, play, DEFAULT_HISTORY_LIMIT);
    }

    public LiveEngine(Parameters initial, boolean play, long historyLimit) {
        super("eos-engine", new Restart(initial, play), Restart.class);
        this.historyLimit = historyLimit;
        this.playing = play;
        this.stopAt = initial.steps();
        start();
    }

    /** The latest published state (null until the first run is built). */
    public LiveState state() {
        return state;
    }

    @Override
    void stopped(Throwable error) {
        message = "engine stopped: " + error;
        publish();
    }

    @Override
    void apply(Command c) {
        if (c instanceof SetLearningRate s) {
            if (trainer != null) trainer.setEta(s.eta());
            parameters = parameters.withEta(s.eta());
        } else if (c instanceof Play) {
            playing = true;
            if (trainer != null && trainer.step() >= stopAt) stopAt = Long.MAX_VALUE;
        } else if (c instanceof Pause) {
            playing = false;
            pendingSteps = 0;
        } else if (c instanceof StepBy s) {
            playing = false;
            pendingSteps += s.steps();
        } else if (c instanceof SetSpeed s) {
            speed = s.stepsPerSecond();
            resetRate();
        } else if (c instanceof SetStopAt s) {
            stopAt = s.step();
        } else if (c instanceof SetSharpnessEvery s) {
            if (trainer != null) trainer.setSharpnessEvery(s.every());
            parameters = parameters.withSharpnessEvery(s.every());
        } else if (c instanceof CaptureSession cs) {
            if (trainer == null) cs.result().completeExceptionally(new IllegalStateException("no run to save"));
            else cs.result().complete(new SessionData(cs.title(), cs.description(), parameters.withEta(trainer.eta()),
                    history, history.size(), trainer.state(), trainer.step(), trainer.divergedAt()));
        } else if (c instanceof Resume r) {
            resume(r.session());
        }
    }

    @Override
    void restart(Command restart) {
        Restart command = (Restart) restart;
        Parameters p = command.parameters();
        if (command.play()) playing = true;
        try {
            Target target = Targets.of(p.validate());
            Trainer fresh = new Trainer(p, target);
            trainer = fresh;
            parameters = p;
            history = new History(fresh.columns());
            monitor = new PhaseMonitor(fresh.columns(), p.init(), target.singularValues());
            if (fresh.snapshot() != null) history.append(fresh.snapshot());
            generation++;
            pendingSteps = 0;
            stopAt = p.steps();
            message = null;
            resetRate();
        } catch (RuntimeException e) {
            message = "could not start: " + e.getMessage();
        }
        publish();
    }

    private void resume(SessionData s) {
        try {
            Parameters p = s.parameters();
            trainer = new Trainer(p, Targets.of(p), s.state(), s.step());
            parameters = p;
            history = s.history();
            monitor = new PhaseMonitor(trainer.columns(), p.init(), trainer.target().singularValues());
            generation++;
            playing = false;
            pendingSteps = 0;
            stopAt = Math.max(p.steps(), s.step());
            message = "resumed at step " + s.step();
            resetRate();
        } catch (RuntimeException e) {
            message = "could not resume: " + e.getMessage();
        }
        publish();
    }

    @Override
    boolean canStep() {
        if (trainer == null || trainer.diverged()) return false;
        if (history.size() >= historyLimit) return false;
        return pendingSteps > 0 || (playing && trainer.step() < stopAt);
    }

    /** Steps until a time slice is used up, the speed limit is reached or a stop condition holds. */
    @Override
    void advance() throws InterruptedException {
        long sliceEnd = System.nanoTime() + SLICE_NANOS;
        while (canStep() && System.nanoTime() < sliceEnd && !commandsWaiting()) {
            if (!trainer.advance()) break;
            history.append(trainer.snapshot());
            if (pendingSteps > 0) pendingSteps--;
            countStep();
            if (speed > 0 && paceDelayNanos(speed) > 0) break;
        }
        if (trainer.diverged()) playing = false;
        if (history.size() >= historyLimit && message == null) {
            message = "history full at " + history.size() + " steps: export or reset";
        }
        if (playing && trainer.step() >= stopAt) playing = false;
        publish();
        long delay = speed > 0 ? paceDelayNanos(speed) : 0;
        if (delay > 0) awaitCommand(delay);
    }

    @Override
    void publish() {
        double stepsPerSecond = stepsPerSecond();
        if (trainer == null) {
            state = new LiveState(generation, parameters, new double[0], null, 0, playing, stopAt, -1,
                    Phase.STARTING, 0, 0, message);
            return;
        }
        int oscillating = monitor.oscillating(history);
        state = new LiveState(generation, parameters.withEta(trainer.eta()), trainer.target().singularValues(),
                history, trainer.step(), playing || pendingSteps > 0, stopAt, trainer.divergedAt(),
                monitor.phase(history, trainer.diverged(), oscillating), oscillating, stepsPerSecond,
                trainer.diverged() ? "diverged at step " + trainer.divergedAt() : message);
    }
}
