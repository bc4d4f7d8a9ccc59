package org.eoslab.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Row sharing between the caller and the helper: every row exactly once, and results independent of who ran what. */
class RowSplitterTest {

    @ParameterizedTest(name = "rows = {0}")
    @ValueSource(ints = {64, 128, 130, 200, 255, 1000, 1001, 5000})
    void chunksCoverEveryRowOnceAtMultiplesOfFour(int rows) {
        int chunks = RowSplitter.chunks(rows);
        assertTrue(chunks <= RowSplitter.MAX_CHUNKS);
        assertEquals(0, RowSplitter.boundary(rows, chunks, 0));
        assertEquals(rows, RowSplitter.boundary(rows, chunks, chunks));
        for (int i = 1; i < chunks; i++) {
            int b = RowSplitter.boundary(rows, chunks, i);
            assertEquals(0, b % 4, "chunk boundary " + b);
            assertTrue(b > RowSplitter.boundary(rows, chunks, i - 1), "chunks are not empty");
        }
    }

    /** A helper that is slow to run (the window holds the other core) leaves its chunks to the caller. */
    @ParameterizedTest(name = "rows = {0}")
    @ValueSource(ints = {130, 1001})
    void aStalledHelperLeavesTheRestToTheCaller(int rows) {
        AtomicIntegerArray seen = new AtomicIntegerArray(rows);
        int[] byCaller = new int[1];
        RowSplitter.run((from, to, slot) -> {
            if (slot == 1) sleep(50);
            else byCaller[0] += to - from;
            for (int i = from; i < to; i++) seen.incrementAndGet(i);
        }, rows);
        for (int i = 0; i < rows; i++) assertEquals(1, seen.get(i), "row " + i);
        assertTrue(byCaller[0] >= 0.7 * rows, "the caller ran " + byCaller[0] + " of " + rows + " rows");
    }

    /**
     * Shared products are equal bit for bit to the same chunks computed one after another on one thread, on the
     * Java kernels (there also to the unsplit product) and on the native BLAS (whose chunk may round differently
     * from the whole product: OpenBLAS 0.3.31's edge kernels), cut by rows or, for a long inner dimension, by columns.
     */
    @ParameterizedTest(name = "{0}×{1}·{1}×{2} native={3}")
    @CsvSource({"130, 700, 100, false", "1001, 784, 200, false", "130, 700, 100, true", "1001, 784, 200, true",
                "200, 3000, 784, true", "200, 3000, 200, true"})
    void sharingRowsDoesNotChangeAnyBit(int r, int k, int c, boolean onNative) {
        RectOps shared = onNative ? RectOps.fastest(true) : new RectOps(true);
        Assumptions.assumeTrue(shared.isNative() == onNative, NativeBlas.description());
        RectOps alone = onNative ? new RectOps(true, NativeBlas.routines(), false) : new RectOps(false);
        Random rng = new Random(7);
        double[] a = new double[r * k], b = new double[k * c];
        for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = rng.nextGaussian();
        double[] x = new double[r * c], y = new double[r * c];
        shared.mult(a, r, k, b, c, x, 1.5, false);
        alone.mult(a, r, k, b, c, y, 1.5, false);
        assertArrayEquals(y, x, "A·B");
        double[] at = new double[k * r];
        for (int i = 0; i < r; i++) for (int j = 0; j < k; j++) at[j * r + i] = a[i * k + j];
        shared.multTransA(at, k, r, b, c, x, 1.0, false);
        alone.multTransA(at, k, r, b, c, y, 1.0, false);
        assertArrayEquals(y, x, "Aᵀ·B");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
