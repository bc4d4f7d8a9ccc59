package org.eoslab.ui.orbit;

import java.util.Locale;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Theory;
import org.eoslab.run.PeriodMap;

/** What the period map says about a cell, and how the live run a click starts can differ from it. */
final class CellReadout {
    private CellReadout() {}

    /** A cell as the readout says it: its η and y, its attractor, each mode's period and Lyapunov exponent. */
    static String reading(PeriodMap.Cell c, PeriodMap.Axis axis) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "η = %.6g, %s = %.6g: %s", c.eta(),
                axis.label(), c.y(), c.attractor().label()));
        for (int m = 0; m < c.periods().length; m++) {
            b.append(String.format(Locale.ROOT, " · mode %d: %s, λ = %.3g", m + 1, periodText(c.periods()[m]), c.lyapunov()[m]));
        }
        return b.toString();
    }

    private static String periodText(int period) {
        return period == -1 ? "diverged" : period == 0 ? "no period ≤ 64" : "period " + period;
    }

    /**
     * The map is the reduced recursion, mode by mode, on Theorem 1's invariant manifold. A dense live run agrees with
     * it to rounding until η passes a cross-mode onset η_ij: from there rounding mixes modes i and j, and the run
     * can leave the cell's orbit (docs/findings.md).
     */
    static String liveEngineNote(Parameters live) {
        if (live.engine() == EngineKind.REDUCED) return "The live run uses the reduced recursion too: it shows this orbit.";
        var cross = Theory.lowestCrossModeOnset(live);
        if (cross.isEmpty() || live.eta() < cross.get().eta()) {
            return "The live run uses the dense engine; below every cross-mode onset it follows the map's orbit to rounding.";
        }
        return String.format(Locale.ROOT, "The live run uses the dense engine, past the cross-mode onset η%d%d = %.4g: rounding "
                + "mixes modes %d and %d there, so the live run can leave the map's orbit, which is the reduced recursion's "
                + "mode by mode (see the mode mixing panel).", cross.get().i(), cross.get().j(), cross.get().eta(),
                cross.get().i(), cross.get().j());
    }
}
