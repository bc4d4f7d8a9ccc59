package org.eoslab.run;

import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;

/** The reduced Theorem-1 recursion passes the same run contract as real GD (identity init, d = 10, L = 3). */
class ReducedRunContractTest extends RunContract<Parameters> {
    @Override
    protected Parameters parameters() {
        return Parameters.defaults().withWidth(10).withEngine(EngineKind.REDUCED).withSharpnessEvery(0).withEta(0.28);
    }

    @Override
    protected Parameters diverging() { return parameters().withEta(1.0); }

    /** The recursion steps the singular values alone; the Hessian needs the weights, so sharpness stays NaN. */
    @Override
    protected boolean measuresSharpness() { return false; }

    @Override
    protected RunFactory<Parameters> factory() { return RunFactory.linear(); }
}
