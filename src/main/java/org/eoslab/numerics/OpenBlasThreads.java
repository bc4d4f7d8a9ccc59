package org.eoslab.numerics;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;

/**
 * OpenBLAS's thread count, set at run time through its own {@code openblas_set_num_threads} (called with JNA on
 * the library the JNI binding already loaded: the same object, so the same setting). Not every BLAS has it
 * (BLIS and MKL name theirs differently): {@link #find} then returns null and the library keeps its default.
 */
final class OpenBlasThreads {
    private final Function set;
    private final Function get;

    private OpenBlasThreads(Function set, Function get) {
        this.set = set;
        this.get = get;
    }

    /** The controls of the OpenBLAS behind {@code library}, or null when it has none or cannot be reached. */
    static OpenBlasThreads find(Path library) {
        if (library == null) return null;
        try {
            NativeLibrary lib = NativeLibrary.getInstance(library.toString());
            return new OpenBlasThreads(lib.getFunction("openblas_set_num_threads"),
                    lib.getFunction("openblas_get_num_threads"));
        } catch (LinkageError | RuntimeException e) {        // no JNA native stub, no such symbol
            return null;
        }
    }

    void set(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        set.invokeVoid(new Object[] {threads});
    }

    int get() {
        return get.invokeInt(new Object[0]);
    }
}
