package org.eoslab.run;

import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Outcome;
import org.eoslab.metrics.Phase;

/** Judges the phase and the live count of oscillating modes from the recent rows of a history. */
public final class PhaseMonitor {
    /** Recent steps a live judgement looks at. */
    static final int WINDOW = 64;

    private final int[] sources;
    private final double[] targets;
    private final double[] buffer = new double[WINDOW];

    PhaseMonitor(Columns columns, double[] targets) {
        this.targets = targets.clone();
        this.sources = new int[targets.length];
        for (int i = 1; i <= targets.length; i++) sources[i - 1] = columns.mode(i);
    }

    int oscillating(History h) {
        int n = Math.min(WINDOW, h.size());
        if (n < 3) return 0;
        int count = 0;
        for (int i = 0; i < sources.length; i++) {
            h.column(sources[i], h.size() - n, h.size(), buffer);
            if (Outcome.judge(i + 1, buffer, n, targets[i]).oscillating()) count++;
        }
        return count;
    }

    Phase phase(History h, boolean diverged, int oscillating) {
        if (h.size() == 0) return diverged ? Phase.DIVERGED : Phase.STARTING;
        int last = h.size() - 1;
        return Phase.classify(diverged, oscillating, h.get(0, Columns.LOSS), h.get(last, Columns.LOSS),
                (long) h.get(last, Columns.STEP));
    }
}
