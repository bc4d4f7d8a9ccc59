package org.eoslab.ui;

import javafx.animation.AnimationTimer;

/** The per-frame pulse of the window: calls the window's frame with a read budget and the measured frame rate. */
final class FrameLoop extends AnimationTimer {
    /** Time per frame for reading new rows, so a fast engine cannot stall the frame (≥ 30 fps). */
    static final long CONSUME_BUDGET_NANOS = 6_000_000;

    /** What runs every frame. */
    interface Frame {
        void run(long budgetNanos, double framesPerSecond);
    }

    private final Frame frame;
    private long frames;
    private volatile long framesDrawn;
    private long windowStart;
    private double framesPerSecond;

    FrameLoop(Frame frame) {
        this.frame = frame;
    }

    @Override
    public void handle(long now) {
        countFrame(now);
        frame.run(CONSUME_BUDGET_NANOS, framesPerSecond);
        framesDrawn++;                                   // only the FX thread writes it
    }

    /** Frames completed since the loop started (read from any thread). */
    long framesDrawn() { return framesDrawn; }

    /** Frames per second, re-measured every half second. */
    private void countFrame(long now) {
        frames++;
        if (windowStart == 0) windowStart = now;
        long elapsed = now - windowStart;
        if (elapsed >= 500_000_000L) {
            framesPerSecond = frames * 1e9 / elapsed;
            frames = 0;
            windowStart = now;
        }
    }
}
