package org.eoslab.ui.chart;

import org.eoslab.run.History;

/**
 * Follows one engine's history on the FX thread: notices a new run (a new generation) and reads the rows
 * that arrived since the last frame, block by block, until caught up or the frame's time budget is spent,
 * so a fast engine can never stall a frame.
 */
public final class HistoryFeed {
    /** Rows are read in blocks of this many. */
    public static final int ROW_BLOCK = 4096;

    /** Whatever draws rows: a panel set, a single panel. */
    public interface Sink {
        void consume(History h, int from, int to);
    }

    private int generation = -1;
    private History history;
    private int consumed;

    /**
     * Points the feed at the engine's current run; true when it is a new one (the caller rebuilds its series
     * and reading starts again at row 0).
     */
    public boolean follow(int newGeneration, History h) {
        if (h == null || (newGeneration == generation && h == history)) return false;
        generation = newGeneration;
        history = h;
        consumed = 0;
        return true;
    }

    /** Reads new rows into {@code sink} until caught up or {@code budgetNanos} have passed. */
    public void catchUp(Sink sink, long budgetNanos) {
        if (history == null) return;
        long deadline = System.nanoTime() + budgetNanos;
        int size = history.size();
        while (consumed < size && System.nanoTime() < deadline) {
            int to = Math.min(size, consumed + ROW_BLOCK);
            sink.consume(history, consumed, to);
            consumed = to;
        }
    }

    public History history() { return history; }

    /** Every row the followed history held at the last read has been consumed. */
    public boolean caughtUp() { return history == null || consumed >= history.size(); }
}
