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
        assertMessage(() -> IdxReader.read(write("b", IdxFixtures.images(2049, 4, 2, 2, 4), false), goodLabels, 2), "is not an IDX images file");
        assertMessage(() -> IdxReader.read(good, good, 2), "a-images-idx3-ubyte is not an IDX labels file");   // no bytes echoed
        assertMessage(() -> IdxReader.read(good, tmp, 2), tmp + " is a folder, not a file");                  // named as labels
        assertMessage(() -> IdxReader.read(good, write("c", IdxFixtures.labels(2049, 5, 5), false), 2), "has 5 labels but");
        assertMessage(() -> IdxReader.read(write("d", IdxFixtures.images(2051, 4, 2, 2, 2), true), goodLabels, 4), "is truncated: it ends after 2 of the 4 images");
        assertMessage(() -> IdxReader.read(good, goodLabels, 9), "samples: 9 is outside the allowed range [1, 4]");
        assertMessage(() -> IdxReader.read(write("e", new byte[3], false), goodLabels, 1), "is too short to be an IDX file");
        assertMessage(() -> IdxReader.read(tmp.resolve("nope"), goodLabels, 1), "does not exist");
        assertMessage(() -> IdxReader.labelsFor(tmp.resolve("pictures.bin")), "expected an IDX images file");
    }

    /** Headers that announce more than the file holds cost no more memory than the file, and say what is wrong. */
    @Test
    void headersAreCheckedBeforeAnythingLargeIsAllocated() throws IOException {
        Path labels60k = write("big-labels-idx1-ubyte", IdxFixtures.labels(2049, 60_000, 10), false);
        Path huge = write("huge-images-idx3-ubyte", IdxFixtures.images(2051, 60_000, 4096, 4096, 0), false);
        assertMessage(() -> IdxReader.read(huge, labels60k, 20_000), "more than the 50000000 this app loads");
        Path hollow = write("hollow-images-idx3-ubyte", IdxFixtures.images(2051, 60_000, 28, 28, 3), true);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        assertMessage(() -> IdxReader.read(hollow, labels60k, 60_000), "is truncated: it ends after 3 of the 60000 images");
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 8_000_000, "a 60 000-image header on a 3-image file allocated " + allocated + " bytes");
    }

    @Test
    void labelsOutsideZeroToNineAreRefused() throws IOException {
        Path im = write("l-images-idx3-ubyte", IdxFixtures.images(2051, 3, 2, 2, 3), false);
        byte[] labels = IdxFixtures.labels(2049, 3, 3);
        labels[labels.length - 1] = (byte) 200;
        Path lb = write("l-labels-idx1-ubyte", labels, false);
        assertMessage(() -> IdxReader.read(im, lb, 3), "label 200 of sample 2 is outside 0-9");
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
