package org.eoslab.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eoslab.config.MlpParameters;

/**
 * The per-step row of an MLP run: step, loss, sharpness, accuracy, η, then for each layer its top and bottom
 * {@link #K} singular values and its step-to-step subspace distance (paper eq. 8, top-{@link #K} left vectors).
 */
public final class MlpColumns implements Layout {
    public static final int K = 5;
    public static final int ACCURACY = 3;
    private static final int ETA = 4;
    private static final int FIRST_LAYER = 5;
    private static final int PER_LAYER = 2 * K + 1;

    private final int depth;
    private final List<String> names;

    /** The layout of a run of these parameters. */
    public static MlpColumns of(MlpParameters p) {
        return new MlpColumns(p.depth());
    }

    public MlpColumns(int depth) {
        this.depth = depth;
        List<String> n = new ArrayList<>(List.of("step", "loss", "sharpness", "accuracy", "eta"));
        for (int l = 1; l <= depth; l++) {
            for (int j = 1; j <= K; j++) n.add("layer" + l + "_top_" + j);
            for (int j = 1; j <= K; j++) n.add("layer" + l + "_bottom_" + j);
            n.add("subspace_distance_" + l);
        }
        this.names = Collections.unmodifiableList(n);
    }

    /** σ_j of layer ℓ from the top, j = 1..K. */
    public int top(int l, int j) { return FIRST_LAYER + (l - 1) * PER_LAYER + j - 1; }

    /** σ_j of layer ℓ from the bottom (j = 1 the smallest), j = 1..K. */
    public int bottom(int l, int j) { return FIRST_LAYER + (l - 1) * PER_LAYER + K + j - 1; }

    public int subspaceDistance(int l) { return FIRST_LAYER + (l - 1) * PER_LAYER + 2 * K; }

    public int depth() { return depth; }

    @Override
    public int eta() { return ETA; }

    @Override
    public List<String> names() { return names; }

    @Override
    public int count() { return names.size(); }
}
