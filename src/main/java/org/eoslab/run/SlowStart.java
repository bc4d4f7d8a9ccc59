package org.eoslab.run;

import java.util.Locale;
import java.util.Optional;
import org.eoslab.config.Parameters;
import org.eoslab.config.RunParameters;

/**
 * What a run whose starting point was slow to measure will cost, said before it steps (issue 25: a full-rank
 * 1000×1000 target measures every singular vector of P and of each layer, minutes a step). The command line and the
 * window say the same sentence; each names its own way to cut the rank.
 */
public final class SlowStart {
    /** Past this many seconds for the starting point, the run says what the whole will cost before it starts. */
    public static volatile double thresholdSeconds = 5;

    /** How the window's status line starts while a slow start waits for Play. */
    public static final String PAUSED = "paused before stepping: ";

    /** Above this rank the note offers the cut to it. */
    public static final int SUGGESTED_RANK = 20;

    private SlowStart() {}

    /**
     * The note for a start that took {@code seconds} (the init and step 0's measurements), or empty when it was quick.
     * Only the linear network's start is a step's cost; the ReLU network's is mostly reading its data, so it has none.
     *
     * @param rankCut how the reader cuts the rank, e.g. "--rank 20 (or fewer)"
     */
    public static Optional<String> note(RunParameters p, double seconds, String rankCut) {
        if (!(p instanceof Parameters lp) || seconds < thresholdSeconds) return Optional.empty();
        String cut = lp.rank() > SUGGESTED_RANK
                ? " A rank-" + lp.rank() + " target measures " + (lp.rank() + 1) + " singular vectors of P and of every"
                        + " layer each step: " + rankCut + " keeps the target's top singular values and runs far faster."
                : "";
        return Optional.of(String.format(Locale.ROOT, "measuring the starting point took %.1f s; each step costs at least"
                + " that, so %d steps take at least %s.%s", seconds, p.steps(), duration(seconds * p.steps()), cut));
    }

    /** 40 s, 12 min, 3.5 h, 2.1 days. */
    public static String duration(double seconds) {
        if (seconds < 120) return String.format(Locale.ROOT, "%.0f s", seconds);
        if (seconds < 7200) return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        if (seconds < 172_800) return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        return String.format(Locale.ROOT, "%.1f days", seconds / 86_400);
    }
}
