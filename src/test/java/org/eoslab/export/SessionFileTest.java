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
        SessionFile.save(new SessionData<>("t", "d", p, h, h.size(), first.state(), first.step(), -1), file);

        SessionData<Parameters> loaded = SessionFile.load(file);
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

    @org.junit.jupiter.api.Test
    void damagedFilesAreRefusedWithTheirName() throws Exception {
        Path junk = tmp.resolve("junk.eoslab");
        Files.writeString(junk, "not a zip");
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> SessionFile.load(junk));
        assertTrue(e.getMessage().contains("junk.eoslab"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> SessionFile.load(tmp.resolve("missing.eoslab")));
    }
}
