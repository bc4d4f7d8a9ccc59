package org.eoslab.run;

import java.util.Objects;
import org.eoslab.config.MlpParameters;
import org.eoslab.engine.mlp.Dataset;

/** Starts ReLU network runs, keeping the last data set read: a new η, α or width does not read the file again. */
final class MlpRuns implements RunFactory<MlpParameters> {
    private Dataset data;
    private MlpParameters dataKey;

    @Override
    public Run<MlpParameters> start(MlpParameters p) {
        return new MlpTrainer(p.validate(), data(p), true);
    }

    @Override
    public Run<MlpParameters> resume(MlpParameters p, double[][] state, long step) {
        return new MlpTrainer(p.validate(), data(p), state, step);
    }

    @Override
    public String preparing() { return "loading data…"; }

    private Dataset data(MlpParameters p) {
        if (data == null || !sameData(dataKey, p)) {
            data = MlpTrainer.load(p);
            dataKey = p;
        }
        return data;
    }

    private static boolean sameData(MlpParameters a, MlpParameters b) {
        return a.samples() == b.samples() && Objects.equals(a.data(), b.data());
    }
}
