package org.eoslab.run;

import java.util.Locale;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Numbers;
import org.eoslab.config.Parameters;
import org.eoslab.config.RunParameters;

/**
 * A run kept for comparison: its parameters, its first {@code rows} rows (frozen: the history may grow on if
 * the same run goes on) and its σ*_i. Shown as a faded ghost in every panel, saved in sessions and exported
 * with the trajectory.
 */
public record Pin(String label, RunParameters parameters, double[] targetValues, History history, int rows) {
    /** Pins shown at once, at most. */
    public static final int MAX = 4;

    /**
     * The state's run as a pin: "pin 2: η = 0.3, α = 0.01, L = 3, steps 0–3000". η is what the rows used (an η
     * typed after the last step has not acted yet); one changed live reads "η = 0.3 → 0.25".
     */
    public static Pin of(int number, LiveState<?> s) {
        History h = s.history();
        int rows = h.size();
        long first = rows == 0 ? 0 : (long) h.get(0, org.eoslab.metrics.Layout.STEP);
        long last = rows == 0 ? 0 : (long) h.get(rows - 1, org.eoslab.metrics.Layout.STEP);
        int etaColumn = h.columns().eta();
        double firstEta = rows == 0 ? s.eta() : h.get(0, etaColumn);
        double lastEta = rows == 0 ? s.eta() : h.get(rows - 1, etaColumn);
        RunParameters used = s.parameters().withEta(lastEta);
        String eta = firstEta == lastEta ? shown(lastEta) : shown(firstEta) + " → " + shown(lastEta);
        return new Pin(label(number, used, eta, first, last), used, s.targetValues().clone(), h, rows);
    }

    /** Whether this pin is {@code s}'s run as it is now (nothing to pin again). */
    public boolean isNow(LiveState<?> s) {
        return history == s.history() && rows == s.history().size();
    }

    /** η as a legend shows it: four significant digits (a dragged η is 0.29629365746802966). */
    private static String shown(double eta) { return Numbers.significant(eta, 4); }

    static String label(int number, RunParameters p, String eta, long first, long last) {
        String model = p instanceof Parameters q ? String.format(Locale.ROOT, "α = %s, L = %d", shown(q.alpha()), q.depth())
                : p instanceof MlpParameters m ? String.format(Locale.ROOT, "α = %s × He, L = %d", shown(m.alpha()), m.depth()) : "";
        return String.format(Locale.ROOT, "pin %d: η = %s, %s, steps %d–%d", number, eta, model, first, last);
    }
}
