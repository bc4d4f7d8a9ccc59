package org.eoslab.config;

/**
 * What an animated export shows: one view (or one training panel) over a range of steps (the run as it
 * unfolds) or a range of learning rates (each frame the run at one η, to its full length), as {@code frames}
 * pictures played at {@code fps}.
 *
 * @param view the tab animated
 * @param panel one training panel instead of the whole tab, or null
 * @param range whether frames step through time or through η
 * @param from first step (STEPS) or first η (ETA)
 * @param to last step or last η (an η range may run downwards)
 * @param frames pictures in the animation (the first shows {@code from}, the last {@code to})
 * @param fps frames per second when played
 * @param scale pixels per point, 1-3 (as for pictures)
 * @param caption a caption line under each frame with the parameters, η and step of that frame
 */
public record Animation(View view, Panel panel, Range range, double from, double to, int frames, int fps, int scale,
                        boolean caption) {
    public enum Range { STEPS, ETA }

    public static final int MAX_FRAMES = 1000;
    public static final int DEFAULT_FRAMES = 60;
    public static final int DEFAULT_FPS = 10;

    public Animation {
        if (view == null) throw new InvalidParameterException("view", "must be given");
        if (range == null) throw new InvalidParameterException("range", "must be given");
        if (panel != null && view != View.TRAINING) {
            throw new InvalidParameterException("panel", "is one of the training view's panels; the view is " + view);
        }
        Checks.inRange("frames", frames, 2, MAX_FRAMES);
        Checks.inRange("fps", fps, 1, 50);
        Checks.inRange("scale", scale, 1, 3);
        if (range == Range.STEPS) stepRange(from, to);
        else etaRange(view, from, to);
    }

    private static void stepRange(double from, double to) {
        if (!(from >= 0) || from != Math.rint(from) || from > Parameters.MAX_STEPS) {
            throw new InvalidParameterException("from step", plain(from) + " must be a whole number in [0, " + Parameters.MAX_STEPS + "]");
        }
        if (!(to > from) || to != Math.rint(to) || to > Parameters.MAX_STEPS) {
            throw new InvalidParameterException("to step", plain(to) + " must be a whole number in (" + (long) from + ", " + Parameters.MAX_STEPS + "]");
        }
    }

    /** 300 rather than 300.0 in a message. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void etaRange(View view, double from, double to) {
        Checks.positiveFinite("eta from", from);
        Checks.positiveFinite("eta to", to);
        if (from == to) throw new InvalidParameterException("eta to", to + " must differ from eta from");
        if (view == View.FIG1) {
            throw new InvalidParameterException("view", "fig1 shows two networks whose η differ in scale; an η range animates one"
                    + " network's view (training, orbit, bifurcation, balance or mlp)");
        }
    }

    /** The step (STEPS) or η (ETA) frame {@code k} shows: evenly spaced from {@code from} to {@code to}. */
    public double at(int k) {
        double v = from + (to - from) * k / (frames - 1);
        return range == Range.STEPS ? Math.round(v) : v;
    }

    /** "training", "training-loss", "orbit": the file name of the animation, without extension. */
    public String name() {
        return panel == null ? view.label() : view.label() + "-" + panel.label();
    }
}
