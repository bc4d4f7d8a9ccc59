package org.eoslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.eoslab.config.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on small files made here: raw and gzip, and every way a file can be wrong. */
class IdxReaderTest {
    @TempDir Path tmp;

    Path write(String name, byte[] content, boolean gzip) throws IOException {
        return IdxFixtures.write(tmp.resolve(name + (gzip ? ".gz" : "")), content, gzip);
    }

    @Test
    void readsRawAndGzipPairsIntoColumnsScaledToOne() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path im = write("t-images-idx3-ubyte", IdxFixtures.images(2051, 12, 2, 3, 12), gzip);
            Path lb = write("t-labels-idx1-ubyte", IdxFixtures.labels(2049, 12, 12), gzip);
            assertEquals(lb, IdxReader.labelsFor(im));
            Dataset d = IdxReader.read(im, lb, 5);
            assertEquals(6, d.features());
            assertEquals(5, d.samples());
            assertEquals(10, d.classes());
            assertArrayEquals(new int[] {0, 1, 2, 3, 4}, d.labels());
            // pixel p of sample j sits at x[p·n + j] and equals ((31j + 7p) mod 256)/255
            assertEquals(((3 * 31 + 4 * 7) % 256) / 255.0, d.x()[4 * 5 + 3], 0.0);
        }
    }

    @Test
    void wrongFilesAreRefusedWithTheirNameAndTheProblem() throws IOException {
        Path good = write("a-images-idx3-ubyte", IdxFixtures.images(2051, 4, 2, 2, 4), false);
        Path goodLabels = write("a-labels-idx1-ubyte", IdxFixtures.labels(2049, 4, 4), false);
        assertMessage(() -> IdxReader.read(write("b", IdxFixtures.images(2049, 4, 2, 2, 4), false), goodLabels, 2), "magic number 0x00000801, expected 0x00000803");
        assertMessage(() -> IdxReader.read(good, write("c", IdxFixtures.labels(2049, 5, 5), false), 2), "has 5 labels but");
        assertMessage(() -> IdxReader.read(write("d", IdxFixtures.images(2051, 4, 2, 2, 2), true), goodLabels, 4), "is truncated: it ends after 2 of the 4 samples");
        assertMessage(() -> IdxReader.read(good, goodLabels, 9), "samples: 9 is outside the allowed range [1, 4]");
        assertMessage(() -> IdxReader.read(write("e", new byte[3], false), goodLabels, 1), "is too short to be an IDX file");
        assertMessage(() -> IdxReader.read(tmp.resolve("nope"), goodLabels, 1), "does not exist");
        assertMessage(() -> IdxReader.labelsFor(tmp.resolve("pictures.bin")), "expected an IDX images file");
    }

    @Test
    void theBundledSubsetIsFashionMnist() {
        Dataset d = IdxReader.readBundled(1000);
        assertEquals(784, d.features());
        assertEquals(1000, d.samples());
        int[] counts = new int[10];
        for (int label : d.labels()) counts[label]++;
        for (int c : counts) assertTrue(c > 60, "every class is there: " + java.util.Arrays.toString(counts));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String fragment) {
        InvalidParameterException ex = assertThrows(InvalidParameterException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }

    @Test
    void theShippedMnistDigitsLoadWithEveryClassInterleaved() {
        Dataset d = IdxReader.readShipped(org.eoslab.config.ShippedData.MNIST, 10_000);
        assertEquals(784, d.features());
        assertEquals(10, d.classes());
        for (int j = 0; j < 20; j++) assertEquals(j % 10, d.labels()[j], "round-robin class order, sample " + j);
        double ink = 0;
        for (int f = 0; f < d.features(); f++) ink += d.x()[f * d.samples()];
        assertTrue(ink > 20 && ink < 300, "a digit has some ink, not a blank or full image: " + ink);
    }
}
