package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eoslab.config.MlpParameters;

/**
 * The engine thread of the ReLU network view, the MLP counterpart of {@link LiveEngine}: it alone owns the
 * {@link MlpTrainer} (data, weights, activations) and publishes an immutable {@link MlpLiveState}. An MLP
 * step takes milliseconds, so commands are checked between single steps. Loading data happens here too,
 * never on the FX thread.
 */
public final class MlpLiveEngine implements AutoCloseable {
    /** Steps kept in memory at most; the run pauses there. */
    public static final long HISTORY_LIMIT = 1_000_000;

    public sealed interface Command permits Restart, Play, Pause, StepBy, SetLearningRate {}

    /** Starts over (loading the data if it changed); {@code play}: play the new run. */
    public record Restart(MlpParameters parameters, boolean play) implements Command {}

    public record Play() implements Command {}

    public record Pause() implements Command {}

    public record StepBy(int steps) implements Command {}

    public record SetLearningRate(double eta) implements Command {}

    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile MlpLiveState state;
    private volatile boolean closed;

    // owned by the engine thread
    private MlpTrainer trainer;
    private History history;
    private MlpParameters parameters;
    private org.eoslab.engine.mlp.Dataset data;
    private MlpParameters dataKey;
    private int generation;
    private boolean playing;
    private long pendingSteps;
    private String message;
    private double stepsPerSecond;
    private long rateSteps;
    private long rateStart = System.nanoTime();

    public MlpLiveEngine(MlpParameters initial, boolean play) {
        this.parameters = initial;
        commands.add(new Restart(initial, play));
        state = new MlpLiveState(0, initial, null, null, 0, false, null, 0, "loading data…");
        thread = new Thread(this::loop, "eos-mlp-engine");
        thread.setDaemon(true);
        thread.start();
    }

    public void send(Command c) { commands.add(c); }

    public MlpLiveState state() { return state; }

    public Thread thread() { return thread; }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (!closed) {
                Command first = canStep() ? commands.poll() : commands.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) handle(first);
                if (canStep()) stepOnce(); else publish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            message = "engine stopped: " + e;
            publish();
            throw e;
        }
    }

    /** A batch of commands; only the last Restart of a burst is built. */
    private void handle(Command first) {
        List<Command> batch = new ArrayList<>();
        batch.add(first);
        commands.drainTo(batch);
        int lastRestart = -1;
        for (int i = 0; i < batch.size(); i++) if (batch.get(i) instanceof Restart) lastRestart = i;
        if (lastRestart >= 0) restart((Restart) batch.get(lastRestart));
        for (Command c : batch.subList(lastRestart + 1, batch.size())) apply(c);
    }

    private void apply(Command c) {
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

    private void restart(Restart r) {
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
            rateSteps = 0;
            rateStart = System.nanoTime();
        } catch (RuntimeException e) {
            message = "could not start: " + e.getMessage();
        }
        publish();
    }

    private static boolean sameData(MlpParameters a, MlpParameters b) {
        return a.samples() == b.samples() && java.util.Objects.equals(a.data(), b.data());
    }

    private boolean canStep() {
        if (trainer == null || trainer.ended() || history.size() >= HISTORY_LIMIT) return false;
        return pendingSteps > 0 || playing;
    }

    private void stepOnce() {
        if (trainer.advance()) history.append(trainer.snapshot());   // a step that kills the network still has a row
        if (pendingSteps > 0) pendingSteps--;
        rateSteps++;
        if (trainer.ended()) playing = false;
        if (history.size() >= HISTORY_LIMIT) {
            playing = false;
            message = "history full at " + history.size() + " steps: export or reset";
        }
        publish();
    }

    private void publish() {
        long now = System.nanoTime();
        double elapsed = (now - rateStart) / 1e9;
        if (elapsed > 0.5) {
            stepsPerSecond = rateSteps / elapsed;
            rateSteps = 0;
            rateStart = now;
        } else if (!canStep()) {
            stepsPerSecond = 0;
        }
        if (trainer == null) {
            state = new MlpLiveState(generation, parameters, null, null, 0, false, null, 0, message);
            return;
        }
        state = new MlpLiveState(generation, parameters.withEta(trainer.eta()), trainer.dataName(), history,
                trainer.step(), playing || pendingSteps > 0, trainer.endMessage(), stepsPerSecond, message);
    }
}
