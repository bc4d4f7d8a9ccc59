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
        assertEquals("eta,mode,period,min,max,lyapunov,state", periods.get(0));
        // η₁ = 1 (L = 2, σ* = 1): 0.9 converges, 1.08 is a 2-cycle, 1.26 a 4-cycle (math.md)
        assertEquals("1", periods.get(1).split(",")[2]);
        assertEquals("2", periods.get(2).split(",")[2]);
        assertEquals("4", periods.get(3).split(",")[2]);
    }

    /**
     * L = 3, σ* = 1, sum loss (η₁ = 2/3): periods.csv carries the Lyapunov exponent of the mode's map (≈ −0.82 at
     * 1.1·η₁, ≈ +0.17 in chaos at 1.33·η₁, negative in the period-6 window at 1.35·η₁), and doublings.csv the
     * points where the period doubles (math.md's cascade table: 1, 1.245, 1.301, then 1.3125, 1.3151).
     */
    @Test
    void periodsCarryTheLyapunovExponentAndDoublingsAreLocated() throws Exception {
        Path out = tmp.resolve("chaos");
        double eta1 = 2.0 / 3;
        RunCommandTest.Result r = RunCommandTest.run("sweep", "--svals", "1", "--depth", "3", "--loss", "sum",
                "--eta-from", Double.toString(1.1 * eta1), "--eta-to", Double.toString(1.35 * eta1), "--eta-count", "2",
                "--transient", "20000", "--keep", "64", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> periods = Files.readAllLines(out.resolve("periods.csv"));
        assertEquals(-0.82, Double.parseDouble(periods.get(1).split(",")[5]), 0.01);
        assertTrue(Double.parseDouble(periods.get(2).split(",")[5]) < 0, periods.get(2));
        assertEquals("6", periods.get(2).split(",")[2], "the recursion itself sits on the period-6 window");
        Path chaos = tmp.resolve("chaos2");
        assertEquals(0, RunCommandTest.run("sweep", "--svals", "1", "--depth", "3", "--loss", "sum", "--eta-from",
                Double.toString(1.33 * eta1), "--eta-to", Double.toString(1.33 * eta1), "--eta-count", "1", "--keep", "64",
                "--out", chaos.toString()).code());
        double exponent = Double.parseDouble(Files.readAllLines(chaos.resolve("periods.csv")).get(1).split(",")[5]);
        assertTrue(exponent > 0.1 && exponent < 0.25, "chaos: " + exponent);

        Path cascade = tmp.resolve("cascade");
        assertEquals(0, RunCommandTest.run("sweep", "--svals", "1", "--depth", "3", "--loss", "sum", "--eta-from",
                Double.toString(0.9 * eta1), "--eta-to", Double.toString(1.32 * eta1), "--eta-count", "2", "--transient", "10",
                "--keep", "8", "--out", cascade.toString()).code());
        List<String> doublings = Files.readAllLines(cascade.resolve("doublings.csv"));
        assertEquals("mode,period_from,period_to,eta", doublings.get(0));
        double[] expected = {1.0, 1.2445, 1.3004, 1.3125, 1.3151};
        assertEquals(1 + expected.length, doublings.size(), doublings.toString());
        for (int k = 0; k < expected.length; k++) {
            String[] f = doublings.get(k + 1).split(",");
            assertEquals(List.of("1", Integer.toString(1 << k), Integer.toString(2 << k)), List.of(f[0], f[1], f[2]));
            assertEquals(expected[k], Double.parseDouble(f[3]) / eta1, 2e-4, "doubling " + k);
        }
    }

    /** sweep --map: map.csv holds every (η, y, mode) and map.png the picture; bad map options are refused by name. */
    @Test
    void aPeriodMapWritesItsTableAndPicture() throws Exception {
        Path out = tmp.resolve("map");
        RunCommandTest.Result r = RunCommandTest.run("sweep", "--svals", "1", "--depth", "3", "--alpha", "0.3", "--loss", "sum",
                "--map", "--y", "depth", "--y-from", "2", "--y-to", "4", "--y-count", "3", "--eta-from", "0.4", "--eta-to", "1",
                "--eta-count", "12", "--transient", "4000", "--keep", "64", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("map.csv"));
        assertEquals("eta,y,mode,period,lyapunov", rows.get(0));
        assertEquals(1 + 12 * 3, rows.size());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("map.png").toFile());
        assertEquals(1100, png.getWidth());
        assertTrue(RenderCommandTest.colours(png) > 8, "cells in several colours");
        // L = 2 at η = 0.4 (η₁ = 1) has converged; L = 4 at η = 1 (2·η₁) has not
        assertEquals("1", periodAt(rows, "0.4,2.0,1,"), "L = 2 at 0.4·η₁ converges");
        assertTrue(!periodAt(rows, "1.0,4.0,1,").equals("1"), "L = 4 at 2·η₁ does not converge");
        String[][] bad = {{"--y", "width"}, {"--y-from", "1"}, {"--map", "--y", "depth", "--y-from", "3", "--y-to", "2", "--y-count", "2"},
                {"--map", "--y", "sigma1", "--y-from", "0.5", "--y-to", "1", "--y-count", "2", "--svals", "1,0.8"}};
        String[] messages = {"--y needs --map", "--y-from needs --map", "--y-to: 2.0 must be finite and ≥ --y-from (3.0)",
                "y = 0.5 (sigma1)"};
        for (int k = 0; k < bad.length; k++) {
            java.util.List<String> args = new java.util.ArrayList<>(List.of("sweep", "--eta-from", "0.5", "--eta-to", "1",
                    "--eta-count", "3", "--out", tmp.resolve("bad-map").toString()));
            args.addAll(List.of(bad[k]));
            RunCommandTest.Result b = RunCommandTest.run(args.toArray(String[]::new));
            assertEquals(2, b.code(), String.join(" ", bad[k]));
            assertTrue(b.err().contains(messages[k]), String.join(" ", bad[k]) + " -> " + b.err());
        }
    }

    private static String periodAt(List<String> rows, String prefix) {
        return rows.stream().filter(x -> x.startsWith(prefix)).findFirst().orElseThrow().split(",")[3];
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
