package org.eoslab.numerics;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The machine's optimised BLAS and LAPACK (OpenBLAS, BLIS or MKL behind Debian's libblas.so.3/liblapack.so.3),
 * called through netlib-java's JNI binding ({@code dev.ludovic.netlib} 3.0.4), where one is installed; otherwise
 * null, and the callers use the Java kernels ({@link Kernels}) and EJML. A reference (unoptimised) BLAS is slower
 * than the Java kernels, so it is not used. {@code -Deoslab.blas=java} turns the native path off (the golden-run
 * tests use it: their trajectories are recorded on the Java kernels); {@code -Deoslab.blas=native} insists on it.
 * Debian: {@code apt-get install libopenblas0-pthread}.
 */
public final class NativeBlas {
    private static final String[] LIBRARY_DIRS = {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"};
    private static final Loaded LOADED = load();

    private record Loaded(BLAS blas, LAPACK lapack, String library, String problem, OpenBlasThreads threads) {}

    private NativeBlas() {}

    /** The native BLAS, or null (none installed, a reference one, or turned off). */
    public static BLAS blas() {
        return enabled() ? LOADED.blas : null;
    }

    /** The native LAPACK, or null. */
    public static LAPACK lapack() {
        return enabled() && LOADED.lapack != null ? LOADED.lapack : null;
    }

    /** Which path the products take, for the status bar and {@code bench}. */
    public static String description() {
        if (!"java".equals(choice()) && LOADED.blas != null) {
            int n = threads();
            String threads = LOADED.threads == null ? "" : ", " + n + (n == 1 ? " thread" : " threads") + " per call, large products shared by two";
            return "native BLAS/LAPACK (" + LOADED.library + ", through JNI" + threads + ")";
        }
        String why = "java".equals(choice()) ? "native BLAS turned off by -Deoslab.blas=java" : LOADED.problem;
        return "Java kernels (" + why + ")";
    }

    /** A few words for the status bar: the library, or "Java kernels". */
    public static String shortDescription() {
        return !"java".equals(choice()) && LOADED.blas != null ? LOADED.library + " (native)" : "Java kernels";
    }

    private static String choice() {
        return System.getProperty("eoslab.blas", "auto").toLowerCase(Locale.ROOT);
    }

    private static boolean enabled() {
        String c = choice();
        if (c.equals("native") && LOADED.blas == null) {
            throw new IllegalStateException("-Deoslab.blas=native, but " + LOADED.problem);
        }
        return !c.equals("java");
    }

    private static Loaded load() {
        String library = optimisedLibrary();
        if (library == null) {
            return new Loaded(null, null, null, "no optimised BLAS installed; on Debian: apt-get install libopenblas0-pthread", null);
        }
        Logger logger = Logger.getLogger("dev.ludovic.netlib");
        Level before = logger.getLevel();
        logger.setLevel(Level.OFF);                       // its fallback search logs warnings we do not need
        try {
            BLAS blas = dev.ludovic.netlib.blas.NativeBLAS.getInstance();
            LAPACK lapack = null;
            try {
                lapack = dev.ludovic.netlib.lapack.NativeLAPACK.getInstance();
            } catch (RuntimeException | LinkageError e) {
                // products native, decompositions in EJML
            }
            OpenBlasThreads threads = OpenBlasThreads.find(libraryPath());
            if (threads != null) threads.set(threadsPerCall());
            return new Loaded(blas, lapack, library, null, threads);
        } catch (RuntimeException | LinkageError e) {
            return new Loaded(null, null, null, library + " found but its JNI binding did not load: " + e.getMessage(), null);
        } finally {
            logger.setLevel(before);
        }
    }

    /**
     * Threads each native call may use. OpenBLAS is set to {@link #threadsPerCall()} when it loads (one on these
     * 2-core machines): the callers share large products over two threads themselves ({@link RectOps}), and OpenBLAS's own idle workers spin on {@code sched_yield}
     * for about 0.1 s after every call, which took the core the window draws on ({@code bench --ui}, fig06:
     * 192 steps/s with its two threads, 458 with one). 0 when the count cannot be controlled (no native BLAS,
     * or not OpenBLAS).
     */
    public static int threads() {
        return LOADED.threads == null ? 0 : LOADED.threads.get();
    }

    /**
     * Half the cores, at least one: large products are shared in rows between two threads ({@link RowSplitter}),
     * each calling the BLAS with this many, so the two together use every core (one thread per call on these
     * 2-core machines; on 8 cores, four each instead of OpenBLAS's default of eight).
     */
    static int threadsPerCall() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Sets OpenBLAS's threads per call (the bench's peak uses every core); false when it cannot be set. */
    public static boolean setThreads(int n) {
        if (LOADED.threads == null) return false;
        LOADED.threads.set(n);
        return true;
    }

    /** The path of libblas.so.3, or null. */
    private static Path libraryPath() {
        for (String dir : LIBRARY_DIRS) {
            Path link = Path.of(dir, "libblas.so.3");
            if (Files.exists(link)) return link;
        }
        return null;
    }

    /** The name of the optimised library behind libblas.so.3, or null. */
    private static String optimisedLibrary() {
        Path link = libraryPath();
        if (link != null) {
            try {
                String real = link.toRealPath().toString().toLowerCase(Locale.ROOT);
                for (String name : new String[] {"openblas", "blis", "mkl"}) if (real.contains(name)) return name.equals("openblas") ? "OpenBLAS" : name.toUpperCase(Locale.ROOT);
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return null;
    }
}
