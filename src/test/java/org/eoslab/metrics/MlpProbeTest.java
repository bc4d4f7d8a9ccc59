package org.eoslab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.eoslab.engine.mlp.Dataset;
import org.eoslab.engine.mlp.Mlp;
import org.junit.jupiter.api.Test;

/**
 * The MLP probe's layer spectra against the eigenvalues of W Wᵀ, and its eq. 8 distance against
 * r − ‖AᵀB‖_F² built from those eigenvectors, across one real GD step.
 */
class MlpProbeTest {

    private static Dataset tiny() {
        java.util.Random rng = new java.util.Random(2);
        double[] x = new double[12 * 40];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble();
        int[] labels = IntStream.range(0, 40).map(j -> j % 10).toArray();
        return new Dataset(12, 40, 10, x, labels, "test");
    }

    /** The top-k eigenvectors of W Wᵀ (the left singular vectors) and all its eigenvalues, descending. */
    private static DMatrixRMaj leftVectors(Mlp mlp, int l, int k, double[] valuesOut) {
        int rows = mlp.rows(l), cols = mlp.cols(l);
        DMatrixRMaj w = new DMatrixRMaj(rows, cols, true, mlp.layer(l));
        DMatrixRMaj gram = new DMatrixRMaj(rows, rows);
        CommonOps_DDRM.multTransB(w, w, gram);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(rows, true, true);
        assertTrue(eig.decompose(gram));
        Integer[] order = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -eig.getEigenvalue(i).real));
        for (int i = 0; i < rows; i++) valuesOut[i] = eig.getEigenvalue(order[i]).real;
        DMatrixRMaj basis = new DMatrixRMaj(rows, k);
        for (int j = 0; j < k; j++) {
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            for (int i = 0; i < rows; i++) basis.set(i, j, v.get(i));
        }
        return basis;
    }

    @Test
    void spectraAndSubspaceDistanceMatchAnIndependentDecomposition() {
        Mlp mlp = new Mlp(tiny(), 3, 8, 1.0, 4, 1.0 / 40, false, false);
        MlpColumns columns = new MlpColumns(3);
        MlpProbe probe = new MlpProbe(mlp, columns, 10);
        double[] row0 = columns.emptyRow(), row1 = columns.emptyRow();
        mlp.forward();
        probe.measure(10, row0);
        DMatrixRMaj[] before = new DMatrixRMaj[3];
        double[][] eigBefore = new double[3][];
        for (int l = 1; l <= 3; l++) {
            eigBefore[l - 1] = new double[mlp.rows(l)];
            before[l - 1] = leftVectors(mlp, l, MlpColumns.K, eigBefore[l - 1]);
        }
        mlp.step(0.5);
        mlp.forward();
        probe.measure(11, row1);
        for (int l = 1; l <= 3; l++) {
            int count = Math.min(mlp.rows(l), mlp.cols(l));
            double[] eigAfter = new double[mlp.rows(l)];
            DMatrixRMaj after = leftVectors(mlp, l, MlpColumns.K, eigAfter);
            for (int j = 1; j <= MlpColumns.K; j++) {
                assertEquals(Math.sqrt(eigBefore[l - 1][j - 1]), row0[columns.top(l, j)], 1e-10, "layer " + l + " σ_" + j);
                double smallest = Math.sqrt(Math.max(0, eigAfter[count - j]));
                assertEquals(smallest, row1[columns.bottom(l, j)], 1e-7, "layer " + l + " bottom σ_" + j);
            }
            DMatrixRMaj overlap = new DMatrixRMaj(MlpColumns.K, MlpColumns.K);
            CommonOps_DDRM.multTransA(before[l - 1], after, overlap);
            double expected = MlpColumns.K - CommonOps_DDRM.elementSumAbs(elementSquare(overlap));
            assertEquals(expected, row1[columns.subspaceDistance(l)], 1e-9, "layer " + l + " eq. 8 distance");
            assertTrue(Double.isNaN(row0[columns.subspaceDistance(l)]), "no previous step, no distance");
            assertTrue(row1[columns.subspaceDistance(l)] > 1e-12, "a real step moves the subspace a little");
        }
        assertEquals(mlp.accuracy(), row1[MlpColumns.ACCURACY]);
    }

    /** σ of layer ℓ by a dense SVD of W itself, descending, and its top-k left vectors. */
    private static double[] svd(Mlp mlp, int l, DMatrixRMaj topLeft) {
        int rows = mlp.rows(l), cols = mlp.cols(l);
        var svd = DecompositionFactory_DDRM.svd(rows, cols, true, false, false);
        assertTrue(svd.decompose(new DMatrixRMaj(rows, cols, true, mlp.layer(l))));
        double[] values = svd.getSingularValues().clone();
        DMatrixRMaj u = svd.getU(null, false);
        org.ejml.dense.row.SingularOps_DDRM.descendingOrder(u, false, values, values.length, null, false);
        for (int i = 0; i < rows; i++) for (int j = 0; j < topLeft.numCols; j++) topLeft.set(i, j, u.get(i, j));
        return Arrays.copyOf(values, Math.min(rows, cols));
    }

    /** Wide, square and tall layers (hidden 90 &gt; 70 features) over 40 GD steps with biases, against an SVD. */
    @Test
    void layerSpectraMatchADenseSvdOfEachLayerAtEveryStepOfARun() {
        java.util.Random rng = new java.util.Random(7);
        int features = 70, samples = 120;
        double[] x = new double[features * samples];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble();
        int[] labels = IntStream.range(0, samples).map(j -> (j * 7) % 10).toArray();
        Mlp mlp = new Mlp(new Dataset(features, samples, 10, x, labels, "test"), 4, 90, 0.408, 3, 2.0 / (samples * 10), true, false);
        MlpColumns columns = new MlpColumns(4);
        MlpProbe probe = new MlpProbe(mlp, columns, 1);
        double[] row = columns.emptyRow();
        DMatrixRMaj[] previous = new DMatrixRMaj[5];
        for (int t = 0; t < 40; t++) {
            mlp.forward();
            probe.measure(t, row);
            for (int l = 1; l <= 4; l++) {
                DMatrixRMaj u = new DMatrixRMaj(mlp.rows(l), MlpColumns.K);
                double[] s = svd(mlp, l, u);
                int count = s.length;
                for (int j = 1; j <= MlpColumns.K; j++) {
                    assertEquals(s[j - 1], row[columns.top(l, j)], 1e-12 * s[0], "step " + t + " layer " + l + " σ_" + j);
                    assertEquals(s[count - j], row[columns.bottom(l, j)], 1e-9 * s[count - j] + 1e-13 * s[0],
                            "step " + t + " layer " + l + " bottom σ_" + j);
                }
                if (previous[l] != null) {
                    DMatrixRMaj overlap = new DMatrixRMaj(MlpColumns.K, MlpColumns.K);
                    CommonOps_DDRM.multTransA(previous[l], u, overlap);
                    double expected = MlpColumns.K - CommonOps_DDRM.elementSumAbs(elementSquare(overlap));
                    assertEquals(expected, row[columns.subspaceDistance(l)], 1e-9, "step " + t + " layer " + l + " eq. 8");
                }
                previous[l] = u;
            }
            mlp.step(2.0);
        }
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj m) {
        DMatrixRMaj out = m.copy();
        CommonOps_DDRM.elementMult(out, m);
        return out;
    }
}
