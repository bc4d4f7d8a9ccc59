package org.eoslab.run;

import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;

/** The reduced Theorem-1 recursion passes the same run contract as real GD, on the same problem (identity init). */
class ReducedRunContractTest extends DenseRunContractTest {
    @Override
    protected Parameters parameters() { return super.parameters().withEngine(EngineKind.REDUCED); }

    /** The recursion steps the singular values alone; the Hessian needs the weights, so sharpness stays NaN. */
    @Override
    protected boolean measuresSharpness() { return false; }
}
