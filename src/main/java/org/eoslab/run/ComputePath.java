package org.eoslab.run;

import org.eoslab.numerics.NativeBlas;

/**
 * Where a run's products and spectra are computed, for the status bar and the reports: a short summary and the
 * full account (library, binding, threads, and why a native library did not load, if it did not).
 *
 * @param summary e.g. "OpenBLAS 0.3.31 (native)" or "Java kernels"
 * @param detail the library and binding with its threads, or the Java kernels and the reason
 */
public record ComputePath(String summary, String detail) {
    /** The native BLAS/LAPACK this process bound, or the Java kernels and why. */
    public static ComputePath current() {
        return new ComputePath(NativeBlas.shortDescription(), NativeBlas.description());
    }

    /** The Java kernels, chosen for this run although a native library is bound (e.g. a product too small for it). */
    public static ComputePath javaKernels() {
        return new ComputePath("Java kernels", "Java kernels");
    }
}
