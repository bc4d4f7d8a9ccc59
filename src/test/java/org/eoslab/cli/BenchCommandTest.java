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

    @org.eoslab.Slow                                    // runs every bench section: slow tier
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

    /**
     * bench --ui plays fig06 in the window and reports steps/s and frames/s for both sharpness cadences, then the
     * Landscape tab (its steps/s as a share of the training tab's), with the central flow on, then the ReLU MLP tab with and without sharpness
     * and with its central flow.
     */
    @org.eoslab.Slow
    @Test
    void theLiveAppIsMeasured() throws Exception {
        Path json = tmp.resolve("ui.json");
        RunCommandTest.Result r = RunCommandTest.run("bench", "--ui", "--seconds", "0.05", "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Live app, presets/fig06-above-onset.json (d = 100, L = 3, r = 5)"), r.out());
        assertTrue(r.out().contains("ReLU MLP tab (1000 images, width 200, depth 4, metrics every step)"), r.out());
        JsonNode ui = new ObjectMapper().readTree(json.toFile()).get("ui");
        for (String tab : new String[] {"linear", "mlp"}) {
            assertEquals(tab.equals("linear") ? 4 : 3, ui.get(tab).size(), ui.toString());
            long from = tab.equals("linear") ? UiBench.MEASURE_FROM : UiBench.MLP_MEASURE_FROM;
            for (JsonNode cadence : ui.get(tab)) {
                // each block lasts ≥ 5 s; floors a tenth of the targets (400 and 30 steps/s, 30 fps), for a busy machine
                assertTrue(cadence.get("seconds").asDouble() >= 5, cadence.toString());
                assertTrue(cadence.get("fromStep").asLong() >= from, "measured past the warm-up: " + cadence);
                assertTrue(cadence.get("stepsAdvanced").asLong() >= (tab.equals("linear") ? 200 : 15), "the run advanced: " + cadence);
                assertTrue(cadence.get("framesDrawn").asLong() >= 15, "the window drew while it ran: " + cadence);
            }
        }
        JsonNode landscape = ui.at("/linear/landscapeTab");
        double share = landscape.get("stepsPerSecond").asDouble() / ui.at("/linear/sharpnessEvery1/stepsPerSecond").asDouble();
        assertEquals(share, landscape.get("ofTrainingTab").asDouble(), 1e-9, "the share is of the training tab's steps/s");
        assertTrue(ui.at("/linear/centralFlow/flowStepsPerSecond").asDouble() > 0, "the flow advanced beside the run: " + ui);
        assertTrue(ui.at("/mlp/centralFlow/flowStepsPerSecond").asDouble() > 0, "the ReLU flow advanced beside the run: " + ui);
    }

    @Test
    void badOptionsAreRefused() {
        RunCommandTest.Result r = RunCommandTest.run("bench", "--sizes", "1,x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sizes"), r.err());
    }
}
