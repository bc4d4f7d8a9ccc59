package org.eoslab.numerics;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * OpenBLAS's thread count, set at run time through its own {@code openblas_set_num_threads}: for the bundled
 * library through its JavaCPP binding, for the machine's through JNA on the library the JNI binding already loaded
 * (the same object, so the same setting). Not every BLAS has it (BLIS and MKL name theirs differently):
 * {@link #find} then returns null and the library keeps its default.
 */
final class OpenBlasThreads {
    private final IntConsumer set;
    private final IntSupplier get;
    private final String version;

    OpenBlasThreads(IntConsumer set, IntSupplier get, String version) {
        this.set = set;
        this.get = get;
        this.version = version;
    }

    /** The controls of the OpenBLAS behind {@code library}, or null when it has none or cannot be reached. */
    static OpenBlasThreads find(Path library) {
        if (library == null) return null;
        try {
            NativeLibrary lib = NativeLibrary.getInstance(library.toString());
            Function set = lib.getFunction("openblas_set_num_threads");
            Function get = lib.getFunction("openblas_get_num_threads");
            String config = lib.getFunction("openblas_get_config").invokeString(new Object[0], false);
            return new OpenBlasThreads(n -> set.invokeVoid(new Object[] {n}), () -> get.invokeInt(new Object[0]),
                    versionOf(config));
        } catch (LinkageError | RuntimeException e) {        // no JNA native stub, no such symbol
            return null;
        }
    }

    /** "0.3.31" from openblas_get_config's "OpenBLAS 0.3.31 DYNAMIC_ARCH …", or "" when it says otherwise. */
    static String versionOf(String config) {
        String[] words = config == null ? new String[0] : config.split(" ");
        return words.length > 1 && words[0].equals("OpenBLAS") ? words[1] : "";
    }

    /** The library's version, or "". */
    String version() {
        return version;
    }

    void set(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        set.accept(threads);
    }

    int get() {
        return get.getAsInt();
    }
}
