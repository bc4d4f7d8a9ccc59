package org.eoslab.numerics;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** Seeded random matrices. Allocates: used at set-up only, never per step. */
public final class RandomMatrices {
    private RandomMatrices() {}

    /** d×d matrix with i.i.d. N(0, scale²) entries. */
    public static DMatrixRMaj gaussian(int d, double scale, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = scale * rng.nextGaussian();
        }
        return m;
    }

    /**
     * A Haar-distributed random orthogonal d×d matrix: Q of the QR factorization of a Gaussian matrix,
     * with column signs fixed so that diag(R) &gt; 0 (Mezzadri 2007).
     */
    public static DMatrixRMaj orthogonal(int d, Random rng) {
        DMatrixRMaj g = gaussian(d, 1.0, rng);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < d; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < d; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }
}
