package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepCommandTest {
    @TempDir Path tmp;

    @Test
    void writesTheBifurcationDiagramAndPeriods() throws Exception {
        Path out = tmp.resolve("sw");
        RunCommandTest.Result r = RunCommandTest.run("sweep", "--svals", "1", "--depth", "2", "--eta-from", "0.9",
                "--eta-to", "1.26", "--eta-count", "3", "--transient", "30000", "--keep", "64", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> bif = Files.readAllLines(out.resolve("bifurcation.csv"));
        assertEquals("eta,mode,step,value", bif.get(0));
        assertEquals(1 + 3 * 64, bif.size());
        assertTrue(bif.get(1).startsWith("0.9,1,30000,"));
        List<String> periods = Files.readAllLines(out.resolve("periods.csv"));
        assertEquals("eta,mode,period,min,max", periods.get(0));
        // η₁ = 1 (L = 2, σ* = 1): 0.9 converges, 1.08 is a 2-cycle, 1.26 a 4-cycle (math.md)
        assertEquals("1", periods.get(1).split(",")[2]);
        assertEquals("2", periods.get(2).split(",")[2]);
        assertEquals("4", periods.get(3).split(",")[2]);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "--eta-from 0.5 --eta-count 3|--eta-to is required",
            "--eta-from 0 --eta-to 1 --eta-count 3|--eta-from: 0.0 must be positive and finite",
            "--eta-from 1 --eta-to 0.5 --eta-count 3|--eta-to: 0.5 must be finite and ≥ --eta-from",
            "--eta-from 0.5 --eta-to 1 --eta-count 0|--eta-count: 0 is outside the allowed range [1, 100000]",
            "--eta-from 0.5 --eta-to 1 --eta-count 3 --keep 0|--keep: 0 is outside the allowed range [1, 10000]",
            "--eta-from 0.5 --eta-to 1 --eta-count 3 --depth 1|--depth: 1 is outside the allowed range [2, 50]"})
    void badInputIsRefusedAndNothingWritten(String options, String message) throws Exception {
        Path out = tmp.resolve("bad");
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("sweep", "--out", out.toString()),
                java.util.stream.Stream.of(options.split(" "))).toArray(String[]::new);
        RunCommandTest.Result r = RunCommandTest.run(args);
        assertEquals(2, r.code());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(out));
    }
}
