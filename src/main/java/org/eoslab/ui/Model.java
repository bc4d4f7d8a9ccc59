package org.eoslab.ui;

import org.eoslab.config.View;

/** The model switch: which network the window shows, and the view it opens on. */
public enum Model {
    LINEAR("Linear network", View.TRAINING),
    MLP("ReLU MLP", View.MLP),
    BOTH("Side by side (Fig. 1)", View.FIG1);

    private final String label;
    private final View view;

    Model(String label, View view) {
        this.label = label;
        this.view = view;
    }

    @Override public String toString() { return label; }

    /** The view this model opens on. */
    View view() { return view; }

    /** The model a view shows: the ReLU network's or both networks' own view (or another of its views), else the linear network. */
    static Model of(View v) {
        for (Model m : values()) if (m.view == v) return m;
        return v.networks().equals(java.util.List.of(org.eoslab.config.Network.MLP)) ? MLP : LINEAR;
    }
}
