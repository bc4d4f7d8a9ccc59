package org.eoslab.run;

import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;

/** Real GD on the deep linear network passes the run contract (d = 10, L = 3, σ* = 2, 1.5, 1). */
class DenseRunContractTest extends RunContract<Parameters> {
    @Override
    protected Parameters parameters() {
        return Parameters.defaults().withWidth(10).withEngine(EngineKind.DENSE).withSharpnessEvery(0).withEta(0.28);
    }

    /** Far beyond every onset (η₁ ≈ 0.265): the orbit leaves the basin. */
    @Override
    protected Parameters diverging() { return parameters().withEta(1.0); }

    @Override
    protected RunFactory<Parameters> factory() { return RunFactory.linear(); }
}
