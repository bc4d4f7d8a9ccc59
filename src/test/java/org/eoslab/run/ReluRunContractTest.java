package org.eoslab.run;

import org.eoslab.config.MlpParameters;

/** The ReLU network of paper §4.2 passes the same run contract (200 Fashion-MNIST images, width 32, depth 3). */
class ReluRunContractTest extends RunContract<MlpParameters> {
    @Override
    protected MlpParameters parameters() {
        return MlpParameters.defaults().withSamples(200).withHidden(32).withDepth(3).withEta(2).withSharpnessEvery(0)
                .withMetricsEvery(1);
    }

    /** η = 20, ten times the edge-of-stability η: the last hidden layer's units all switch off within a few steps. */
    @Override
    protected MlpParameters diverging() { return parameters().withEta(20); }

    @Override
    protected String breakdown() { return "network died at step "; }

    @Override
    protected RunFactory<MlpParameters> factory() { return RunFactory.mlp(); }
}
