package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.junit.jupiter.api.Test;

/** The documented limits that used to run out of memory are refused up front with the figures. */
class MemoryBudgetTest {
    @Test
    void theLimitsThatRanOutOfMemoryAreRefusedWithTheirFigures() {
        long heap = Runtime.getRuntime().maxMemory();
        Parameters big = Parameters.defaults().withWidth(1000).withDepth(50);
        assertTrue(MemoryBudget.bytes(big) > heap, "L = 50, d = 1000 with sharpness needs more than this heap");
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> MemoryBudget.require(big));
        assertTrue(e.getMessage().matches("memory: width 1000, depth 50 with sharpness on needs about [0-9,]+ MiB, more than this Java heap allows.*"), e.getMessage());
        // without sharpness no Lanczos basis is needed: 3.3 GB less
        assertTrue(MemoryBudget.bytes(big.withSharpnessEvery(0)) < MemoryBudget.bytes(big) / 10);
        MlpParameters mlp = MlpParameters.defaults().withSamples(20_000).withHidden(2000).withDepth(10);
        assertThrows(InvalidParameterException.class, () -> MemoryBudget.require(mlp, 784));
        Parameters sweep = Parameters.defaults().withWidth(1000).withSpectrum(java.util.stream.IntStream.range(0, 1000)
                .mapToDouble(i -> 1000 - i).toArray()).withSharpnessEvery(0);
        InvalidParameterException s = assertThrows(InvalidParameterException.class, () -> MemoryBudget.requireSweep(sweep, 200, 10_000, 2));
        assertTrue(s.getMessage().contains("200 learning rates × 10000 kept steps × 1000 modes"), s.getMessage());
        MemoryBudget.require(Parameters.defaults());                       // the default run fits easily
        MemoryBudget.require(MlpParameters.defaults(), 784);
    }
}
