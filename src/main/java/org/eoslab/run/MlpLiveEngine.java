package org.eoslab.run;

import java.util.Objects;
import org.eoslab.config.MlpParameters;
import org.eoslab.engine.mlp.Dataset;

/**
 * The engine thread of the ReLU network view, the MLP counterpart of {@link LiveEngine}: it alone owns the
 * {@link MlpTrainer} (data, weights, activations) and publishes an immutable {@link MlpLiveState}. An MLP
 * step takes milliseconds, so commands are checked between single steps. Loading data happens here too,
 * never on the FX thread.
 */
public final class MlpLiveEngine extends EngineThread<MlpLiveEngine.Command> {
    /** Steps kept in memory at most; the run pauses there. */
    public static final long HISTORY_LIMIT = 1_000_000;

    public sealed interface Command permits Restart, Play, Pause, StepBy, SetLearningRate {}

    /** Starts over (loading the data if it changed); {@code play}: play the new run. */
    public record Restart(MlpParameters parameters, boolean play) implements Command {}

    public record Play() implements Command {}

    public record Pause() implements Command {}

    public record StepBy(int steps) implements Command {}

    public record SetLearningRate(double eta) implements Command {}

    private volatile MlpLiveState state;

    // owned by the engine thread
    private MlpTrainer trainer;
    private History history;
    private MlpParameters parameters;
    private Dataset data;
    private MlpParameters dataKey;
    private int generation;
    private boolean playing;
    private long pendingSteps;
    private String message;

    public MlpLiveEngine(MlpParameters initial, boolean play) {
        super("eos-mlp-engine", new Restart(initial, play), Restart.class);
        this.parameters = initial;
        state = new MlpLiveState(0, initial, null, null, 0, false, null, 0, "loading data…");
        start();
    }

    public MlpLiveState state() { return state; }

    @Override
    void stopped(Throwable error) {
        message = "engine stopped: " + error;
        publish();
    }

    @Override
    void apply(Command c) {
        if (c instanceof Play) {
            playing = true;
        } else if (c instanceof Pause) {
            playing = false;
            pendingSteps = 0;
        } else if (c instanceof StepBy s) {
            playing = false;
            pendingSteps += s.steps();
        } else if (c instanceof SetLearningRate s) {
            parameters = parameters.withEta(s.eta());
            if (trainer != null) trainer.setEta(s.eta());
        }
    }

    @Override
    void restart(Command restart) {
        Restart r = (Restart) restart;
        MlpParameters p = r.parameters();
        try {
            p.validate();
            message = "loading data…";
            publish();
            if (data == null || !sameData(dataKey, p)) {
                data = MlpTrainer.load(p);
                dataKey = p;
            }
            trainer = new MlpTrainer(p, data, true);
            parameters = p;
            history = new History(trainer.columns());
            history.append(trainer.snapshot());
            generation++;
            playing = r.play();
            pendingSteps = 0;
            message = null;
            resetRate();
        } catch (RuntimeException e) {
            message = "could not start: " + e.getMessage();
        }
        publish();
    }

    private static boolean sameData(MlpParameters a, MlpParameters b) {
        return a.samples() == b.samples() && Objects.equals(a.data(), b.data());
    }

    @Override
    boolean canStep() {
        if (trainer == null || trainer.ended() || history.size() >= HISTORY_LIMIT) return false;
        return pendingSteps > 0 || playing;
    }

    /** One step: an MLP step takes milliseconds, so commands are checked after each. */
    @Override
    void advance() {
        if (trainer.advance()) history.append(trainer.snapshot());   // a step that kills the network still has a row
        if (pendingSteps > 0) pendingSteps--;
        countStep();
        if (trainer.ended()) playing = false;
        if (history.size() >= HISTORY_LIMIT) {
            playing = false;
            message = "history full at " + history.size() + " steps: export or reset";
        }
        publish();
    }

    @Override
    void publish() {
        double stepsPerSecond = stepsPerSecond();
        if (trainer == null) {
            state = new MlpLiveState(generation, parameters, null, null, 0, false, null, 0, message);
            return;
        }
        state = new MlpLiveState(generation, parameters.withEta(trainer.eta()), trainer.dataName(), history,
                trainer.step(), playing || pendingSteps > 0, trainer.endMessage(), stepsPerSecond, message);
    }
}
