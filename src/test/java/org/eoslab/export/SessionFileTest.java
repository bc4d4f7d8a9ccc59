package org.eoslab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eoslab.config.EngineKind;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Parameters;
import org.eoslab.engine.Targets;
import org.eoslab.metrics.Columns;
import org.eoslab.run.History;
import org.eoslab.run.SessionData;
import org.eoslab.run.Trainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sessions keep every row exactly, and a resumed run continues exactly as an uninterrupted one. */
class SessionFileTest {
    @TempDir Path tmp;

    /**
     * The ReLU network's session: rows, pins and weights round trip, and the run resumed from the file takes the same
     * steps as one never interrupted: the weights, loss, accuracy and layer spectra bit for bit, the sharpness to
     * its Lanczos tolerance.
     */
    @org.junit.jupiter.api.Test
    void aReluSessionRoundTripsAndResumesBitForBit() {
        org.eoslab.config.MlpParameters p = org.eoslab.config.MlpParameters.defaults().withSamples(200).withHidden(32)
                .withDepth(3).withEta(2).withSharpnessEvery(7).withMetricsEvery(1);
        org.eoslab.engine.mlp.Dataset data = org.eoslab.run.MlpTrainer.load(p);
        org.eoslab.run.MlpTrainer straight = new org.eoslab.run.MlpTrainer(p, data, true);
        History whole = new History(straight.columns());
        whole.append(straight.snapshot());
        for (int t = 0; t < 40; t++) { straight.advance(); whole.append(straight.snapshot()); }

        org.eoslab.run.MlpTrainer first = new org.eoslab.run.MlpTrainer(p, data, true);
        History h = new History(first.columns());
        h.append(first.snapshot());
        for (int t = 0; t < 20; t++) { first.advance(); h.append(first.snapshot()); }
        org.eoslab.run.Pin pin = new org.eoslab.run.Pin("pin 1: η = 2", p, new double[0], h, 11);
        Path file = tmp.resolve("relu.eoslab");
        SessionFile.save(new SessionData<>("ReLU", "text", p, h, h.size(), first.state(), first.step(), -1)
                .withPins(java.util.List.of(pin)), org.eoslab.config.Network.MLP, file);

        SessionData<?> any = SessionFile.load(file, n -> n == org.eoslab.config.Network.MLP ? SessionCodec.relu() : SessionCodec.linear());
        assertEquals(p, any.parameters(), "the file says which network it holds");
        SessionData<org.eoslab.config.MlpParameters> loaded = SessionFile.load(file, SessionCodec.relu());
        assertEquals(1, loaded.pins().size());
        assertEquals(11, loaded.pins().get(0).rows());
        assertEquals("ReLU", loaded.title());
        org.eoslab.run.MlpTrainer resumed = new org.eoslab.run.MlpTrainer(loaded.parameters(), data, loaded.state(), loaded.step());
        for (int c = 0; c < h.columns().count(); c++) {
            String name = h.columns().names().get(c);
            if (name.startsWith("subspace_distance")) {            // needs step 19's subspaces, which a session does not keep
                assertTrue(Double.isNaN(resumed.snapshot().get(c)), name + " is not measured at the resumed step");
                continue;                                           // (the window shows the saved row there)
            }
            assertEquals(Double.doubleToRawLongBits(h.get(20, c)), Double.doubleToRawLongBits(resumed.snapshot().get(c)),
                    "step 20 measured again: " + name);
        }
        for (int t = 21; t <= 40; t++) {
            resumed.advance();
            for (int c = 0; c < h.columns().count(); c++) {
                double want = whole.get(t, c);
                double got = resumed.snapshot().get(c);
                if (c == org.eoslab.metrics.Layout.SHARPNESS && !Double.isNaN(want)) {
                    // Lanczos starts from the last estimate's vector, which a session does not keep: equal to its tolerance
                    assertEquals(want, got, org.eoslab.run.MlpTrainer.SHARPNESS_TOLERANCE * want, "step " + t + ", sharpness");
                } else {
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), "step " + t + ", " + h.columns().names().get(c));
                }
            }
        }
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> SessionFile.load(file, SessionCodec.linear()));
        assertTrue(e.getMessage().contains("mlp network"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aResumedRunContinuesBitForBit(EngineKind kind) {
        Parameters p = Parameters.defaults().withWidth(10).withEngine(kind).withSharpnessEvery(0).withEta(0.28);
        Trainer straight = new Trainer(p);
        for (int t = 0; t < 300; t++) straight.advance();

        Trainer first = new Trainer(p);
        History h = new History(first.columns());
        h.append(first.snapshot());
        for (int t = 0; t < 150; t++) { first.advance(); h.append(first.snapshot()); }
        Path file = tmp.resolve("run.eoslab");
        SessionFile.save(new SessionData<>("t", "d", p, h, h.size(), first.state(), first.step(), -1), org.eoslab.config.Network.DLN, file);

        SessionData<Parameters> loaded = SessionFile.load(file, org.eoslab.export.SessionCodec.linear());
        assertEquals(h.size(), loaded.history().size());
        for (int i = 0; i < h.size(); i++) {
            for (int c = 0; c < h.columns().count(); c++) {
                assertEquals(Double.doubleToRawLongBits(h.get(i, c)), Double.doubleToRawLongBits(loaded.history().get(i, c)), "row " + i);
            }
        }
        assertEquals(p, loaded.parameters());
        Trainer resumed = new Trainer(loaded.parameters(), Targets.of(loaded.parameters()), loaded.state(), loaded.step());
        for (int t = 0; t < 150; t++) resumed.advance();
        Columns c = straight.columns();
        assertEquals(300, resumed.step());
        // the dynamics continue bit for bit: loss and the mode values u*ᵀPv* are functions of the weights alone
        for (int col : new int[] {Columns.LOSS, c.mode(1), c.mode(2), c.mode(3)}) {
            assertEquals(Double.doubleToRawLongBits(straight.snapshot().get(col)), Double.doubleToRawLongBits(resumed.snapshot().get(col)),
                    c.names().get(col));
        }
        // singular values come from a warm-started iteration whose start differs after a resume: equal to its tolerance
        for (int col : new int[] {c.sigma(1), c.sigma(2), c.layerSigma(1, 1)}) {
            assertEquals(straight.snapshot().get(col), resumed.snapshot().get(col), 1e-12 * straight.snapshot().get(c.sigma(1)), c.names().get(col));
        }
    }

    /** Pins survive a round trip: label, parameters, σ* and exactly their own rows (not the rows added later). */
    @org.junit.jupiter.api.Test
    void pinsSurviveARoundTrip() throws Exception {
        Parameters p = Parameters.defaults().withWidth(6).withSharpnessEvery(0);
        Parameters q = p.withEta(0.25).withDepth(4);
        History[] runs = new History[2];
        Trainer[] trainers = {new Trainer(p), new Trainer(q)};
        for (int k = 0; k < 2; k++) {
            runs[k] = new History(trainers[k].columns());
            runs[k].append(trainers[k].snapshot());
            for (int t = 0; t < 40 + 10 * k; t++) { trainers[k].advance(); runs[k].append(trainers[k].snapshot()); }
        }
        java.util.List<org.eoslab.run.Pin> pins = java.util.List.of(
                new org.eoslab.run.Pin("pin 1: first", p, new double[] {2, 1.5, 1}, runs[0], 30),
                new org.eoslab.run.Pin("pin 2: deeper", q, new double[] {2, 1.5, 1}, runs[1], 51));
        Path file = tmp.resolve("pinned.eoslab");
        SessionFile.save(new SessionData<>("t", "d", p, runs[0], runs[0].size(), trainers[0].state(), trainers[0].step(), -1).withPins(pins), org.eoslab.config.Network.DLN, file);
        SessionData<Parameters> loaded = SessionFile.load(file, org.eoslab.export.SessionCodec.linear());
        assertEquals(2, loaded.pins().size());
        for (int k = 0; k < 2; k++) {
            org.eoslab.run.Pin a = pins.get(k);
            org.eoslab.run.Pin b = loaded.pins().get(k);
            assertEquals(a.label(), b.label());
            assertEquals(a.parameters(), b.parameters());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.targetValues(), b.targetValues());
            assertEquals(a.rows(), b.rows());
            assertEquals(a.rows(), b.history().size(), "only the pinned rows");
            for (int i = 0; i < a.rows(); i++) {
                for (int c = 0; c < a.history().columns().count(); c++) {
                    assertEquals(Double.doubleToRawLongBits(a.history().get(i, c)), Double.doubleToRawLongBits(b.history().get(i, c)));
                }
            }
        }
    }

    /**
     * A session written before the SVD-based basis distances were appended (its rows end at {@code olderCount()})
     * still opens: every value it has is kept bit for bit and the new columns read NaN, not measured.
     */
    @org.junit.jupiter.api.Test
    void aSessionFromBeforeTheLastColumnsOpensWithThemNotMeasured() throws Exception {
        java.util.Map<String, byte[]> entries = realEntries();
        Columns c = Columns.of(Parameters.defaults().withWidth(6));
        int older = c.olderCount();
        assertTrue(older < c.count());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) org.eoslab.config.Presets.json().readTree(entries.get("session.json"));
        var names = (com.fasterxml.jackson.databind.node.ArrayNode) json.get("columns");
        while (names.size() > older) names.remove(names.size() - 1);
        entries.put("session.json", org.eoslab.config.Presets.json().writeValueAsBytes(json));
        java.nio.ByteBuffer full = java.nio.ByteBuffer.wrap(entries.get("trajectory.bin"));
        int rows = full.capacity() / (8 * c.count());
        java.nio.ByteBuffer cut = java.nio.ByteBuffer.allocate(rows * older * 8);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < c.count(); j++) {
                double v = full.getDouble();
                if (j < older) cut.putDouble(v);
            }
        }
        entries.put("trajectory.bin", cut.array());
        full.rewind();
        SessionData<Parameters> loaded = SessionFile.load(zip("older.eoslab", entries), org.eoslab.export.SessionCodec.linear());
        assertEquals(rows, loaded.history().size());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < c.count(); j++) {
                double v = full.getDouble();
                if (j < older) assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(loaded.history().get(i, j)));
                else assertTrue(Double.isNaN(loaded.history().get(i, j)), c.names().get(j) + " not measured");
            }
        }
        names.remove(0);
        entries.put("session.json", org.eoslab.config.Presets.json().writeValueAsBytes(json));
        refused(zip("shorter.eoslab", entries), "other columns");
    }

    /**
     * Issue 25, kind 2: bombs within the declared bounds. Rows whose bounds together exceed the heap are refused before
     * anything is inflated; a duplicate or unknown entry is refused (not decompressed to be skipped); non-finite
     * weights, a negative step and a row count written as text are refused.
     */
    @org.junit.jupiter.api.Test
    void bombsWithinTheDeclaredBoundsAreRefused() throws Exception {
        java.util.Map<String, byte[]> real = realEntries();
        String header = header(real);
        long heapRows = Runtime.getRuntime().maxMemory() / (8L * Columns.of(Parameters.defaults().withWidth(6)).count());
        // each entry within its own bound (trajectory 0.3 of the heap, each pin 0.2), together past half of it
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) org.eoslab.config.Presets.json().readTree(real.get("session.json"));
        json.put("rows", (long) (0.3 * heapRows));
        var pins = json.putArray("pins");
        for (int k = 0; k < 2; k++) {
            var pin = pins.addObject();
            pin.put("label", "pin " + (k + 1));
            pin.set("parameters", json.get("parameters"));
            pin.putArray("targetValues").add(2.0).add(1.5).add(1.0);
            pin.put("rows", (long) (0.2 * heapRows));
        }
        java.util.Map<String, byte[]> many = new java.util.LinkedHashMap<>(real);
        many.put("session.json", org.eoslab.config.Presets.json().writeValueAsBytes(json));
        refused(zip("many-rows.eoslab", many), "more than this heap");

        java.util.Map<String, byte[]> twice = new java.util.LinkedHashMap<>(real);
        Path duplicate = tmp.resolve("twice.eoslab");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(duplicate))) {
            for (var e : twice.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("trajectory.bin/"));     // a second name ZipOutputStream allows
            zip.closeEntry();
        }
        refused(duplicate, "not part of a session");
        Path same = tmp.resolve("same.eoslab");                                       // the same name twice, written raw
        byte[] bytes = Files.readAllBytes(zip("raw.eoslab", real));
        Files.write(same, duplicateFirstEntryAfterHeader(bytes));
        refused(same, "two entries named 'trajectory.bin'");

        java.util.Map<String, byte[]> junk = new java.util.LinkedHashMap<>(real);
        junk.put("notes.txt", new byte[1 << 20]);
        refused(zip("junk.eoslab", junk), "an entry that is not part of a session: 'notes.txt'");

        java.util.Map<String, byte[]> nan = new java.util.LinkedHashMap<>(real);
        byte[] state = nan.get("state.bin").clone();
        java.nio.ByteBuffer.wrap(state).putDouble(8, Double.NaN);                     // blocks, length, then the first weight
        nan.put("state.bin", state);
        refused(zip("nan.eoslab", nan), "a weight that is not a finite number");

        for (String[] bad : new String[][] {{"\"step\"\\s*:\\s*\\d+", "\"step\":-5", "step = '-5'"},
                {"\"rows\"\\s*:\\s*(\\d+)", "\"rows\":\"$1\"", "rows (a whole number"}}) {
            java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>(real);
            m.put("session.json", header.replaceFirst(bad[0], bad[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            refused(zip("bad-" + bad[2].charAt(0) + ".eoslab", m), bad[2]);
        }
    }

    /**
     * The zip with its trajectory.bin entry's local header and data repeated once (the central directory is ignored
     * by a streaming reader, as by SessionFile).
     */
    private static byte[] duplicateFirstEntryAfterHeader(byte[] zip) {
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && ((zip[i + 2] == 3 && zip[i + 3] == 4) || (zip[i + 2] == 1 && zip[i + 3] == 2))) starts.add(i);
        }
        int second = starts.get(1);                               // session.json, then trajectory.bin
        int third = starts.get(2);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(zip, 0, third);
        out.write(zip, second, third - second);
        out.write(zip, third, zip.length - third);
        return out.toByteArray();
    }

    @org.junit.jupiter.api.Test
    void damagedFilesAreRefusedWithTheirName() throws Exception {
        Path junk = tmp.resolve("junk.eoslab");
        Files.writeString(junk, "not a zip");
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> SessionFile.load(junk, org.eoslab.export.SessionCodec.linear()));
        assertTrue(e.getMessage().contains("junk.eoslab"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> SessionFile.load(tmp.resolve("missing.eoslab"), org.eoslab.export.SessionCodec.linear()));
    }

    /** A real session's three entries, for crafting damaged ones. */
    private java.util.Map<String, byte[]> realEntries() throws Exception {
        Parameters p = Parameters.defaults().withWidth(6).withSharpnessEvery(0);
        Trainer t = new Trainer(p);
        History h = new History(t.columns());
        h.append(t.snapshot());
        for (int i = 0; i < 10; i++) { t.advance(); h.append(t.snapshot()); }
        Path file = tmp.resolve("real.eoslab");
        SessionFile.save(new SessionData<>("t", "d", p, h, h.size(), t.state(), t.step(), -1), org.eoslab.config.Network.DLN, file);
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), zip.readAllBytes());
        }
        return entries;
    }

    private Path zip(String name, java.util.Map<String, byte[]> entries) throws Exception {
        Path file = tmp.resolve(name);
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String header(java.util.Map<String, byte[]> entries) {
        return new String(entries.get("session.json"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        r.run();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }

    private static void refused(Path file, String message) {
        long allocated = allocatedBy(() -> {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> SessionFile.load(file, org.eoslab.export.SessionCodec.linear()));
            assertTrue(e.getMessage().contains(message), e.getMessage());
            assertTrue(e.getMessage().startsWith("session: " + file), e.getMessage());
        });
        assertTrue(allocated < 64L << 20, file.getFileName() + " allocated " + allocated + " bytes");
    }

    @org.junit.jupiter.api.Test
    void craftedSessionsAreRefusedWithoutLargeAllocations() throws Exception {
        var real = realEntries();
        var bomb = new java.util.LinkedHashMap<>(real);
        bomb.put("trajectory.bin", new byte[300 << 20]);                        // compresses to ~300 KB
        refused(zip("bomb.eoslab", bomb), "has a trajectory.bin larger than its header allows");

        var state = new java.util.LinkedHashMap<>(real);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(800);
        b.putInt(1).putInt(100_000_000);                                          // claims 10⁸ doubles in 800 bytes
        state.put("state.bin", b.array());
        refused(zip("state.eoslab", state), "has a damaged trajectory or state");

        var rows = new java.util.LinkedHashMap<>(real);
        rows.put("session.json", header(real).replaceFirst("\"rows\" ?: ?11", "\"rows\":2000000000").getBytes());
        refused(zip("rows.eoslab", rows), "more than this heap");

        var top = new java.util.LinkedHashMap<>(real);                             // the 69 KB session
        top.put("session.json", header(real).replaceFirst("\"top\" ?: ?\\d+", "\"top\":20000000").getBytes());
        refused(zip("top.eoslab", top), "top: 20000000 is outside the allowed range [1, 6]");

        var none = new java.util.LinkedHashMap<>(real);
        none.put("session.json", header(real).replaceFirst("\"parameters\"", "\"parameterz\"").getBytes());
        refused(zip("none.eoslab", none), "has no parameters in session.json");

        var wide = new java.util.LinkedHashMap<>(real);
        String names = "\"x\"," .repeat(2_000_000);
        wide.put("session.json", header(real).replaceFirst("\"columns\" ?: ?\\[", "\"columns\":[" + names).getBytes());
        refused(zip("columns.eoslab", wide), "session.json larger than its header allows");

        byte[] badName = Files.readAllBytes(zip("name.eoslab", real));
        badName[30] = (byte) 0xE2;                                                 // the first entry's name: invalid UTF-8
        badName[31] = (byte) 0x28;
        Path named = Files.write(tmp.resolve("badname.eoslab"), badName);
        refused(named, "is not");

        var order = new java.util.LinkedHashMap<String, byte[]>();
        order.put("state.bin", real.get("state.bin"));
        order.putAll(real);
        refused(zip("order.eoslab", order), "session.json must come first");
    }
}
