package org.eoslab.run.cells;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A sweep's progress, readable from any thread: cells done (earlier runs' included), time elapsed, time left. */
public final class CellProgress {
    private final int total;
    private final int before;
    private final AtomicInteger done = new AtomicInteger();
    private final long start = System.nanoTime();

    /** @param before cells finished by an earlier, resumed run (not counted in this run's rate) */
    public CellProgress(int total, int before) {
        this.total = total;
        this.before = before;
    }

    public void add() { done.incrementAndGet(); }

    /** Cells finished, earlier runs' included. */
    public int done() { return before + done.get(); }

    public int total() { return total; }

    public double elapsedSeconds() { return (System.nanoTime() - start) / 1e9; }

    /** "cells 12/150 on 2 threads · 1m 20s elapsed · about 4m 10s left" (no estimate before the first cell). */
    public String line(String where) {
        double elapsed = elapsedSeconds();
        int now = done.get();
        int left = total - before - now;
        String estimate = now == 0 || left == 0 ? "" : " · about " + duration(elapsed / now * left) + " left";
        return "cells " + done() + "/" + total + " on " + where + " · " + duration(elapsed) + " elapsed" + estimate;
    }

    /** 42s, 3m 05s, 2h 10m. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60);
    }
}
