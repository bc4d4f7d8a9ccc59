package org.eoslab.run;

import java.util.Map;
import java.util.TreeMap;

/**
 * Weight checkpoints of one run, every K steps, in a bounded amount of memory: when the next one would pass the
 * budget, every other checkpoint goes and K doubles (the first is always kept). A fork at step t replays from
 * the nearest checkpoint at or below t, at most K steps, which is exact because GD is deterministic. Engine
 * thread only.
 */
public final class Checkpoints {
    /** The first spacing, in steps. */
    static final long FIRST_SPACING = 64;

    /** A run's weights at a step. */
    public record Checkpoint(long step, double[][] weights) {
        long bytes() {
            long n = 0;
            for (double[] w : weights) n += 8L * w.length + 16;
            return n;
        }
    }

    private final TreeMap<Long, Checkpoint> kept = new TreeMap<>();
    private final long budgetBytes;
    private long spacing = FIRST_SPACING;
    private long bytes;

    public Checkpoints(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The default budget: 1/16 of the heap, at most 256 MiB. */
    public static long defaultBudget() {
        return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 16);
    }

    /** Keeps the run's weights if its step is due (or it is the first); the run's own step. */
    public void offer(Run<?> run) {
        long step = run.step();
        if (!kept.isEmpty() && step % spacing != 0) return;
        if (kept.containsKey(step)) return;
        Checkpoint c = new Checkpoint(step, run.state());
        while (!kept.isEmpty() && bytes + c.bytes() > budgetBytes && kept.size() > 1) thin();
        kept.put(step, c);
        bytes += c.bytes();
    }

    /** Drops every checkpoint not on the doubled spacing (the first stays). */
    private void thin() {
        spacing *= 2;
        long first = kept.firstKey();
        var it = kept.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Checkpoint> e = it.next();
            if (e.getKey() != first && e.getKey() % spacing != 0) {
                bytes -= e.getValue().bytes();
                it.remove();
            }
        }
    }

    /** The checkpoint at or below {@code step}, or null. */
    public Checkpoint floor(long step) {
        Map.Entry<Long, Checkpoint> e = kept.floorEntry(step);
        return e == null ? null : e.getValue();
    }

    public long spacing() { return spacing; }

    public long bytes() { return bytes; }

    public int count() { return kept.size(); }

    /** Forgets the checkpoints after {@code step} (a fork replaces what came later). */
    public void dropAfter(long step) {
        var tail = kept.tailMap(step, false);
        for (Checkpoint c : tail.values()) bytes -= c.bytes();
        tail.clear();
    }

    public void clear() {
        kept.clear();
        bytes = 0;
        spacing = FIRST_SPACING;
    }
}
