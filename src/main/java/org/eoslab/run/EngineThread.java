package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The thread model of the live engine: one daemon thread owns a run and everything mutable in it; other
 * threads only {@link #send} commands and read what the subclass publishes. Commands are handled
 * between steps in batches, and a burst of restarts is coalesced into its last one (what precedes it is
 * moot). Subclasses call {@link #start()} at the end of their constructor, once their fields exist.
 *
 * @param <C> the engine's command type
 */
abstract class EngineThread<C> implements AutoCloseable {
    /** How long an idle engine waits for a command before publishing again. */
    private static final long IDLE_POLL_MILLIS = 50;

    private final LinkedBlockingQueue<C> commands = new LinkedBlockingQueue<>();
    private final Class<? extends C> restartType;
    private final Thread thread;
    private volatile boolean closed;

    // owned by the engine thread: the steps/s meter
    private long rateSteps;
    private long rateStart = System.nanoTime();
    private double stepsPerSecond;

    EngineThread(String name, C first, Class<? extends C> restartType) {
        this.restartType = restartType;
        commands.add(first);
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    final void start() { thread.start(); }

    final void send(C c) { commands.add(c); }

    public final Thread thread() { return thread; }

    @Override
    public final void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the run should take a step now (playing, or steps pending, and nothing stops it). */
    abstract boolean canStep();

    /** Takes one or more steps; returns between steps when {@link #commandsWaiting()}. */
    abstract void advance() throws InterruptedException;

    abstract void restart(C restart);

    abstract void apply(C command);

    /** Publishes an immutable state for the other threads. */
    abstract void publish();

    /** The thread dies with this error; the subclass shows it. */
    abstract void stopped(Throwable error);

    /**
     * The current run failed (a bug, or out of memory): the subclass stops it, keeps what was computed and says
     * why; the thread lives on and takes the next command.
     */
    abstract void failed(Throwable error);

    private void loop() {
        try {
            while (!closed) {
                try {
                    C first = canStep() ? commands.poll() : commands.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (first != null) handle(first);
                    if (canStep()) advance(); else publish();
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    failed(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            stopped(e);
            throw e;
        } finally {
            ended();
        }
    }

    /** The thread ends (closed, or stopped by an error): the subclass lets go of what it started. */
    void ended() {}

    /** Handles {@code first} and whatever else is queued: the last restart, then the commands after it. */
    final void handle(C first) {
        List<C> batch = new ArrayList<>();
        batch.add(first);
        commands.drainTo(batch);
        int lastRestart = -1;
        for (int i = 0; i < batch.size(); i++) if (restartType.isInstance(batch.get(i))) lastRestart = i;
        if (lastRestart >= 0) restart(batch.get(lastRestart));
        for (C c : batch.subList(lastRestart + 1, batch.size())) apply(c);
    }

    final boolean commandsWaiting() { return !commands.isEmpty(); }

    /** Waits up to {@code nanos} for a command and handles it (pacing a slowed-down run). */
    final void awaitCommand(long nanos) throws InterruptedException {
        C c = commands.poll(nanos, TimeUnit.NANOSECONDS);
        if (c != null) handle(c);
    }

    final void countStep() { rateSteps++; }

    /** Restarts the steps/s meter (a new run, a new speed). */
    final void resetRate() {
        rateSteps = 0;
        rateStart = System.nanoTime();
    }

    /** Nanoseconds until the next step is due at {@code speed} steps/s (negative: overdue). */
    final long paceDelayNanos(double speed) {
        return rateStart + (long) (rateSteps / speed * 1e9) - System.nanoTime();
    }

    /** Steps per second, re-measured every half second; 0 while the run cannot step. */
    final double stepsPerSecond() {
        long now = System.nanoTime();
        double elapsed = (now - rateStart) / 1e9;
        if (elapsed > 0.5) {
            stepsPerSecond = rateSteps / elapsed;
            rateSteps = 0;
            rateStart = now;
        } else if (!canStep()) {
            stepsPerSecond = 0;
        }
        return stepsPerSecond;
    }
}
