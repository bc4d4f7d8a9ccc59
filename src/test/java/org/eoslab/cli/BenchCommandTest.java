package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.eoslab.numerics.Sharpness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench runs end to end and reports every figure (the figures themselves are not asserted: timing). */
class BenchCommandTest {
    @TempDir Path tmp;

    @Test
    void reportsEverySectionForASmallConfiguration() throws Exception {
        Path json = tmp.resolve("bench.json");
        RunCommandTest.Result r = RunCommandTest.run("bench", "--sizes", "8", "--depths", "2,3", "--seconds", "0.01",
                "--no-numpy", "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        for (String section : new String[] {"Dense n×n product", "Dense engine, steps/s", "Sharpness", "Sweep throughput", "History memory"}) {
            assertTrue(r.out().contains(section), section + " in:\n" + r.out());
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, report.get("steps").size(), "one row per (L, d)");
        for (JsonNode row : report.get("steps")) {
            assertTrue(row.get("step").asDouble() > 0 && row.get("stepWithSvd").asDouble() > 0);
            assertTrue(row.get("shareOfPeak").asDouble() > 0);
        }
        assertTrue(report.at("/memory/bytesPerStep").asDouble() > 8 * report.at("/memory/columns").asInt() * 0.9,
                "a row costs at least its doubles");
    }

    @Test
    void badOptionsAreRefused() {
        RunCommandTest.Result r = RunCommandTest.run("bench", "--sizes", "1,x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sizes"), r.err());
    }
}
