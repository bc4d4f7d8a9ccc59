package org.eoslab.ui;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import org.eoslab.config.Animation;
import org.eoslab.config.Network;
import org.eoslab.config.View;
import org.eoslab.export.AnimationWriter;
import org.eoslab.export.PngWriter;
import org.eoslab.ui.workbench.Workbench;
import org.eoslab.run.LiveState;

/**
 * Records an {@link Animation} from the window itself, so every frame is drawn by the app's own chart code.
 * It drives the network(s) the view shows: for a step range it starts the run over, paused, and steps it to
 * each frame's step; for an η range each frame is its own run, started over at that frame's η and run for the
 * run's number of steps (as each η of the bifurcation diagram is: a ramp of η in one run would keep an
 * orbit's exact fixed point, which rounding never leaves, past the onset). After each move it lets the
 * views catch up and draw for a few pulses, snapshots the view on the FX thread and hands the picture to a
 * background thread that encodes it (the FX thread never waits). Cancel stops at the next pulse and removes
 * the partly written files.
 */
public final class Animator {
    /** Pulses a view gets after its run reached the frame's step (the orbit view redraws every 6). */
    static final int SETTLE_PULSES = 8;
    /** Frames captured but not yet encoded, at most (each is a full picture in memory). */
    static final int MAX_QUEUED = 3;
    /** A run that makes no progress for this long is taken as stopped (diverged, ended, out of memory). */
    static final long STALL_NANOS = 20_000_000_000L;

    private enum Phase { START, AWAIT_RUN, AWAIT_STEPS, SETTLE, CAPTURE, FINISH, DONE }

    private final WindowActions main;
    private final Animation animation;
    private final AnimationWriter writer;
    private final BiConsumer<Integer, Integer> progress;
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eos-animation");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger queued = new AtomicInteger();
    private final List<Driven> networks = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override public void handle(long now) { pulse(now); }
    };
    private Phase phase = Phase.START;
    private int frame;
    private int pulses;
    private long lastProgressNanos;
    private volatile boolean cancelled;
    private volatile Throwable encodeError;

    /**
     * @param progress called on the FX thread with (frames done, frames in all)
     */
    public Animator(WindowActions main, Animation animation, AnimationWriter writer, BiConsumer<Integer, Integer> progress) {
        this.main = main;
        this.animation = animation;
        this.writer = writer;
        this.progress = progress;
    }

    /** Starts recording (on the FX thread); the future completes with the number of frames, or with the failure. */
    public CompletableFuture<Integer> start() {
        timer.start();
        return result;
    }

    /** Stops at the next pulse; the future completes with a CancellationException and no file is left. */
    public void cancel() { cancelled = true; }

    /** One network the view shows, as the animation drives it. */
    private record Driven(Workbench<?> bench, int[] generation, long[] target) {
        Driven(Workbench<?> bench) {
            this(bench, new int[1], new long[1]);
        }

        LiveState<?> state() { return bench.state(); }

        String caption(LiveState<?> s) { return PngWriter.caption(s.parameters()); }
    }

    private void pulse(long now) {
        try {
            if (cancelled) throw new CancellationException("cancelled");
            if (encodeError != null) throw encodeError;
            switch (phase) {
                case START -> begin(now);
                case AWAIT_RUN -> { if (networks.stream().allMatch(this::replayed)) stepTo(frame, now); }
                case AWAIT_STEPS -> { if (networks.stream().allMatch(d -> arrived(d, now))) settle(); }
                case SETTLE -> { if (++pulses >= SETTLE_PULSES && settled()) phase = Phase.CAPTURE; }
                case CAPTURE -> { if (queued.get() < MAX_QUEUED) capture(now); }
                case FINISH -> { if (queued.get() == 0) finish(); }
                case DONE -> timer.stop();
            }
        } catch (Throwable e) {
            fail(e);
        }
    }

    /** Shows the view and starts its network(s) over for the first frame. */
    private void begin(long now) {
        View view = animation.view();
        if (animation.panel() != null) main.training().showSingle(animation.panel());
        main.select(view);
        for (Network n : main.liveView(view).networks()) networks.add(new Driven(main.bench(n)));
        replay(0, now);
    }

    /** Starts each network over, paused at step 0: at frame k's η (an η range) or at the η in force. */
    private void replay(int k, long now) {
        frame = k;
        for (Driven d : networks) {
            LiveState<?> s = d.state();
            d.generation()[0] = s == null ? Integer.MIN_VALUE : s.generation();
            double eta = animation.range() == Animation.Range.ETA ? animation.at(k) : s != null ? s.eta()
                    : d.bench().controls().draft().eta();
            d.bench().replayPaused(eta);
        }
        lastProgressNanos = now;
        phase = Phase.AWAIT_RUN;
    }

    /** The restarted run is published (a new generation with its first row). */
    private boolean replayed(Driven d) {
        LiveState<?> s = d.state();
        return s != null && s.generation() != d.generation()[0] && s.history() != null;
    }

    /** Steps each network to frame k: its step (a step range) or the run's length (an η range). */
    private void stepTo(int k, long now) {
        frame = k;
        for (Driven d : networks) {
            LiveState<?> s = d.state();
            long target = animation.range() == Animation.Range.STEPS ? (long) animation.at(k) : s.parameters().steps();
            long steps = Math.max(0, target - s.steps());
            d.target()[0] = s.steps() + steps;
            if (steps > 0) d.bench().engine().stepBy((int) Math.min(Integer.MAX_VALUE, steps));
        }
        lastProgressNanos = now;
        phase = Phase.AWAIT_STEPS;
    }

    /** At the frame's step, or stopped for good (diverged, ended, failed, or no progress for a while). */
    private boolean arrived(Driven d, long now) {
        LiveState<?> s = d.state();
        if (s.steps() >= d.target()[0]) return true;
        if (s.diverged() || s.end() != null) return true;
        if (s.playing()) lastProgressNanos = now;
        return now - lastProgressNanos > STALL_NANOS;
    }

    private void settle() {
        pulses = 0;
        phase = Phase.SETTLE;
    }

    private boolean settled() {
        if (!main.selectedView().caughtUp()) return false;
        return (animation.view() != View.BIFURCATION || !main.bifurcation().busy())
                && (animation.view() != View.MAP || !main.periodMap().busy());
    }

    /** Snapshots the view (FX thread) and queues the picture, with its caption, for the encoder. */
    private void capture(long now) {
        Node node = animation.panel() != null ? main.training().panels().panel(animation.panel()) : main.liveView(animation.view()).picture();
        BufferedImage image = NodeImages.render(node, animation.scale());
        String caption = animation.caption() ? caption() : null;
        queued.incrementAndGet();
        encoder.execute(() -> {
            try {
                if (encodeError == null && !cancelled) writer.add(caption == null ? image : PngWriter.withCaption(image, caption, animation.scale()));
            } catch (Throwable e) {
                encodeError = e;
            } finally {
                queued.decrementAndGet();
            }
        });
        progress.accept(frame + 1, animation.frames());
        if (frame + 1 == animation.frames()) phase = Phase.FINISH;
        else if (animation.range() == Animation.Range.ETA) replay(frame + 1, now);
        else stepTo(frame + 1, now);
    }

    /** The caption of the frame: each network's parameters with the η in force, and its step. */
    private String caption() {
        StringBuilder b = new StringBuilder();
        for (Driven d : networks) {
            LiveState<?> s = d.state();
            if (b.length() > 0) b.append("   |   ");
            b.append(d.caption(s)).append(" · step ").append(s.steps());
            if (s.end() != null) b.append(" (").append(s.end()).append(')');
        }
        return b.toString();
    }

    private void finish() {
        timer.stop();
        phase = Phase.DONE;
        encoder.execute(() -> {
            try {
                writer.finish();
                result.complete(writer.frames());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                encoder.shutdown();
            }
        });
    }

    private void fail(Throwable e) {
        timer.stop();
        phase = Phase.DONE;
        encoder.execute(() -> {
            writer.close();
            result.completeExceptionally(e);
            encoder.shutdown();
        });
    }
}
