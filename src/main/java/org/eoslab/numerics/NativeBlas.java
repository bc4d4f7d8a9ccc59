package org.eoslab.numerics;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which native BLAS/LAPACK the products and layer spectra use, chosen once when the class loads:
 * <ol>
 *   <li>the <b>bundled</b> OpenBLAS 0.3.31 ({@code org.bytedeco:openblas}, natives inside the jar for
 *       linux-x86_64/arm64, macosx-x86_64/arm64 and windows-x86_64; extracted once to the app's cache). On Linux
 *       netlib-java's JNI binding dlopens it (it pins arrays instead of copying them); elsewhere its own JavaCPP
 *       binding serves ({@link JavacppRoutines});</li>
 *   <li>the <b>system</b> library behind Debian's libblas.so.3 (OpenBLAS, BLIS or MKL), through netlib-java, when
 *       the bundled one does not load or {@code -Deoslab.blas=system} asks for it;</li>
 *   <li>the <b>Java kernels</b> ({@link Kernels}) and EJML otherwise, or with {@code -Deoslab.blas=java} (the
 *       golden-run tests use it: their trajectories are recorded on the Java kernels).</li>
 * </ol>
 * Bundled comes first: it is the one every user has, and against Debian's OpenBLAS 0.3.21 on the same machine it
 * ran the ReLU step at 0.92-0.95× with both forced onto the same AVX2 kernels, and picks the CPU's own kernels
 * where the old library needs them forced (README, Performance). A library
 * that fails to load is never fatal: its reason is kept for the status bar and {@code bench}.
 * {@code -Deoslab.blas=native} insists on a native path and fails loudly without one.
 */
public final class NativeBlas {
    /** Where the native routines come from. */
    public enum Source { BUNDLED, SYSTEM }

    private static final String[] LIBRARY_DIRS = {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"};
    private static final Loaded LOADED = load(choice());

    /** What serves the products; {@code problem}: why a library did not (null if none), {@code loadFailed}: one was there but failed to load. */
    private record Loaded(NativeRoutines routines, Source source, String library, String binding, String problem,
                          boolean loadFailed) {
        Loaded(NativeRoutines routines, Source source, String library, String binding) {
            this(routines, source, library, binding, null, false);
        }
    }

    /** Why the native libraries did not serve: notes for the description, and whether one was found but failed. */
    private static final class Problems {
        final List<String> notes = new ArrayList<>();
        boolean loadFailed;

        void note(String text) { notes.add(text); }

        void failed(String text) {
            notes.add(text);
            loadFailed = true;
        }

        String text() { return String.join("; ", notes); }
    }

    private NativeBlas() {}

    /** The native routines, or null (none loaded, or turned off by {@code -Deoslab.blas=java}). */
    public static NativeRoutines routines() {
        return enabled() ? LOADED.routines : null;
    }

    /** Where the routines come from, or null on the Java kernels. */
    public static Source source() {
        return enabled() && LOADED.routines != null ? LOADED.source : null;
    }

    /** Which path the products take and, when a library did not load, why: for the status bar and {@code bench}. */
    public static String description() {
        if (source() != null) {
            int n = threads();
            String threads = n <= 0 ? "" : ", " + n + (n == 1 ? " thread" : " threads") + " per call, large products shared by two";
            String also = LOADED.problem == null ? "" : "; " + LOADED.problem;
            return "native BLAS/LAPACK (" + LOADED.library + ", through " + LOADED.binding + threads + also + ")";
        }
        String why = "java".equals(choice()) ? "native BLAS turned off by -Deoslab.blas=java" : LOADED.problem;
        return "Java kernels (" + why + ")";
    }

    /**
     * A few words for the status bar: the library, or "Java kernels"; and, when a library failed to load, that it
     * did (the reason is in {@link #description()}, the tooltip).
     */
    public static String shortDescription() {
        boolean failed = LOADED.loadFailed;
        if (source() != null) return LOADED.library + (failed ? " (native; the bundled one did not load)" : " (native)");
        return "java".equals(choice()) || !failed ? "Java kernels" : "Java kernels (the native BLAS did not load)";
    }

    private static String choice() {
        return System.getProperty("eoslab.blas", "auto").toLowerCase(Locale.ROOT);
    }

    private static boolean enabled() {
        String c = choice();
        if (c.equals("native") && LOADED.routines == null) {
            throw new IllegalStateException("-Deoslab.blas=native, but " + LOADED.problem);
        }
        return !c.equals("java");
    }

    /** Bundled first, then the system's, as {@code choice} allows; the problems of those that did not load. */
    private static Loaded load(String choice) {
        useAppCache();
        Problems problems = new Problems();
        if (!choice.equals("system")) {
            try {
                Loaded bundled = BundledOpenBlas.load();
                if (bundled != null) return bundled;
            } catch (RuntimeException | LinkageError e) {
                problems.failed("the bundled OpenBLAS did not load: " + reason(e));
            }
        }
        if (!choice.equals("bundled")) {
            Loaded system = loadSystem(problems);
            if (system != null) {
                return problems.notes.isEmpty() ? system : new Loaded(system.routines, system.source, system.library,
                        system.binding, problems.text(), problems.loadFailed);
            }
        }
        if (problems.notes.isEmpty()) problems.note("no native BLAS for this platform");
        return new Loaded(null, null, null, null, problems.text(), problems.loadFailed);
    }

    /**
     * JavaCPP and JNA extract the natives they load from the jar once; they go to one folder of the user's cache
     * named after the app (~/.cache/eos-lab on Linux, ~/Library/Caches/eos-lab on macOS, %LOCALAPPDATA%\eos-lab on
     * Windows) instead of ~/.javacpp and ~/.cache/JNA, so that removing it removes all the app left behind.
     * A property given on the command line wins.
     */
    private static void useAppCache() {
        Path cache = appCache();
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", cache.resolve("javacpp").toString());
        }
        if (System.getProperty("jna.tmpdir") == null) System.setProperty("jna.tmpdir", cache.resolve("jna").toString());
    }

    /** The app's folder in the user's cache. */
    public static Path appCache() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        String xdg = System.getenv("XDG_CACHE_HOME");
        String local = System.getenv("LOCALAPPDATA");
        Path base = os.contains("mac") ? home.resolve("Library").resolve("Caches")
                : os.contains("win") ? (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local"))
                : xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("eos-lab");
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /**
     * The bundled library through its JavaCPP binding whatever this JVM chose (the binding macOS and Windows use),
     * for tests on Linux; null when it does not load here, or when this JVM bound the system's library: that one has
     * the same soname (libopenblas.so.0), so the binding would link against it and lack LAPACKE (a fatal symbol
     * lookup error at the first call).
     */
    static NativeRoutines bundledThroughJavacpp() {
        if (LOADED.source == Source.SYSTEM) return null;
        try {
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_full.class);
            return new JavacppRoutines();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The bundled library, through netlib's JNI binding on Linux and JavaCPP's elsewhere. */
    private static final class BundledOpenBlas {
        /** libopenblas.so.0 and what it links (RUNPATH $ORIGIN), as the platform jar ships them. */
        private static final String[] LINUX_LIBRARIES = {"libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0"};

        static Loaded load() {
            if (!"javacpp".equals(System.getProperty("eoslab.blas.binding"))) {
                Path so = extractedForLinux();
                if (so != null) {
                    try {
                        return throughNetlib(so);
                    } catch (RuntimeException | LinkageError e) {
                        // the JavaCPP binding below serves the same library
                    }
                }
            }
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_full.class);
            JavacppRoutines routines = new JavacppRoutines();
            routines.setThreads(threadsPerCall());
            String config = org.bytedeco.openblas.global.openblas_full.openblas_get_config().getString();
            return new Loaded(routines, Source.BUNDLED, "bundled OpenBLAS " + OpenBlasThreads.versionOf(config), "JavaCPP");
        }

        /**
         * On Linux, netlib's JNI binding dlopens the bundled libopenblas.so.0 itself: one copy of OpenBLAS in the
         * process (JavaCPP's own binding would load a second, renamed one with its own thread pool), arrays pinned
         * instead of copied, threads set through JNA on that very copy.
         */
        private static Loaded throughNetlib(Path so) {
            System.setProperty("dev.ludovic.netlib.blas.nativeLibPath", so.toString());
            System.setProperty("dev.ludovic.netlib.lapack.nativeLibPath", so.toString());
            OpenBlasThreads threads = OpenBlasThreads.find(so);
            if (threads == null) throw new IllegalStateException(so + " has no openblas_set_num_threads");
            NetlibRoutines netlib = netlib(threads);
            threads.set(threadsPerCall());
            return new Loaded(netlib, Source.BUNDLED, "bundled OpenBLAS " + threads.version(), "netlib-java's JNI");
        }

        /** The bundled libopenblas.so.0 extracted to the app's cache (with its libraries), or null off Linux. */
        private static Path extractedForLinux() {
            String platform = org.bytedeco.javacpp.Loader.getPlatform();
            if (!platform.startsWith("linux")) return null;
            Path so = null;
            for (String name : LINUX_LIBRARIES) {
                String resource = "/org/bytedeco/openblas/" + platform + "/" + name;
                if (NativeBlas.class.getResource(resource) == null) continue;      // no libquadmath on arm64
                try {
                    so = org.bytedeco.javacpp.Loader.cacheResource(resource).toPath();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot extract " + name + ": " + e.getMessage(), e);
                }
            }
            return so != null && so.getFileName().toString().equals("libopenblas.so.0") ? so : null;
        }
    }

    /** netlib-java's JNI binding of whatever library its properties name (libblas.so.3 by default). */
    private static NetlibRoutines netlib(OpenBlasThreads threads) {
        Logger logger = Logger.getLogger("dev.ludovic.netlib");
        Level before = logger.getLevel();
        logger.setLevel(Level.OFF);                       // its fallback search logs warnings we do not need
        try {
            BLAS blas = dev.ludovic.netlib.blas.NativeBLAS.getInstance();
            LAPACK lapack = dev.ludovic.netlib.lapack.NativeLAPACK.getInstance();
            return new NetlibRoutines(blas, lapack, threads);
        } finally {
            logger.setLevel(before);
        }
    }

    private static Loaded loadSystem(Problems problems) {
        String library = optimisedLibrary();
        if (library == null) {
            problems.note("no optimised system BLAS installed (on Debian: apt-get install libopenblas0-pthread)");
            return null;
        }
        try {
            OpenBlasThreads threads = OpenBlasThreads.find(libraryPath());
            NetlibRoutines routines = netlib(threads);
            if (threads != null) threads.set(threadsPerCall());
            String version = threads == null || threads.version().isEmpty() ? "" : " " + threads.version();
            return new Loaded(routines, Source.SYSTEM, "system " + library + version, "netlib-java's JNI");
        } catch (RuntimeException | LinkageError e) {
            problems.failed("system " + library + " found but its JNI binding did not load: " + reason(e));
            return null;
        }
    }

    /**
     * Threads each native call may use. OpenBLAS is set to {@link #threadsPerCall()} when it loads (one on these
     * 2-core machines): the callers share large products over two threads themselves ({@link RectOps}), and
     * OpenBLAS's own idle workers spin on {@code sched_yield} for about 0.1 s after every call, which took the
     * core the window draws on. 0 when the count cannot be controlled (no native BLAS, or not OpenBLAS).
     */
    public static int threads() {
        return LOADED.routines == null ? 0 : LOADED.routines.threads();
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
        return LOADED.routines != null && LOADED.routines.setThreads(n);
    }

    /** The path of libblas.so.3, or null. */
    private static Path libraryPath() {
        for (String dir : LIBRARY_DIRS) {
            Path link = Path.of(dir, "libblas.so.3");
            if (Files.exists(link)) return link;
        }
        return null;
    }

    /** The name of the optimised library behind libblas.so.3, or null (none, or the unoptimised reference BLAS). */
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
