package org.eoslab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runnable jar of each platform ({@code mvn -Pplatforms verify}) carries its own JavaFX and OpenBLAS natives and
 * none of another platform's, and starts the app's launcher. Reads the jars' listings: no platform can be run here
 * but Linux (the installer test runs that one).
 */
class PlatformJarsIT {
    private static final List<String> NATIVE_SUFFIXES = List.of(".so", ".so.0", ".so.1", ".so.5", ".dll", ".dylib", ".jnilib");
    private static final java.util.Map<String, String> JNA = java.util.Map.of("linux", "linux-x86-64",
            "linux-aarch64", "linux-aarch64", "win", "win32-x86-64", "mac", "darwin-x86-64", "mac-aarch64", "darwin-aarch64");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "linux,         linux-x86_64,   libglass.so,      libprism_es2.so,      libopenblas.so.0,  libjniopenblas_full.so",
        "linux-aarch64, linux-arm64,    libglass.so,      libprism_es2.so,      libopenblas.so.0,  libjniopenblas_full.so",
        "win,           windows-x86_64, glass.dll,        prism_d3d.dll,        libopenblas.dll,   jniopenblas_full.dll",
        "mac,           macosx-x86_64,  libglass.dylib,   libprism_es2.dylib,   libopenblas.0.dylib, libjniopenblas_full.dylib",
        "mac-aarch64,   macosx-arm64,   libglass.dylib,   libprism_es2.dylib,   libopenblas.0.dylib, libjniopenblas_full.dylib"})
    void eachJarCarriesItsOwnNativesOnly(String platform, String javacppPlatform, String glass, String prism,
                                         String openblas, String jni) throws IOException {
        Path jar = Path.of(System.getProperty("platformJars", "target"), "eos-lab-" + platform + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        try (JarFile file = new JarFile(jar.toFile())) {
            Set<String> natives = file.stream().map(e -> e.getName())
                    .filter(n -> NATIVE_SUFFIXES.stream().anyMatch(n::endsWith)).collect(Collectors.toCollection(TreeSet::new));
            String listing = String.join("\n", natives);
            assertTrue(natives.contains(glass), platform + " lacks JavaFX's " + glass + ":\n" + listing);
            assertTrue(natives.contains(prism), platform + " lacks JavaFX's " + prism + ":\n" + listing);
            String blasDir = "org/bytedeco/openblas/" + javacppPlatform + "/";
            assertTrue(natives.contains(blasDir + openblas), platform + " lacks " + blasDir + openblas + ":\n" + listing);
            assertTrue(natives.contains(blasDir + jni), platform + " lacks " + blasDir + jni + ":\n" + listing);
            assertTrue(natives.stream().anyMatch(n -> n.startsWith("org/bytedeco/javacpp/" + javacppPlatform + "/")),
                    platform + " lacks JavaCPP's own natives:\n" + listing);
            for (String n : natives) {
                if (n.startsWith("org/bytedeco/")) {
                    assertTrue(n.contains("/" + javacppPlatform + "/"), platform + " carries another platform's " + n);
                }
                if (n.startsWith("com/sun/jna/")) {
                    assertTrue(n.startsWith("com/sun/jna/" + JNA.get(platform) + "/"), platform + " carries JNA's " + n);
                }
                if (n.startsWith("resources/native/")) {
                    assertTrue(platform.startsWith("linux") && n.contains(platform.equals("linux") ? "Linux-amd64" : "Linux-aarch64"),
                            platform + " carries netlib's " + n);
                }
            }
            long fxNatives = natives.stream().filter(n -> !n.contains("/")).count();   // JavaFX's sit at the root
            long ownKind = natives.stream().filter(n -> !n.contains("/") && n.endsWith(glass.substring(glass.lastIndexOf('.')))).count();
            assertEquals(fxNatives, ownKind, platform + " carries another platform's JavaFX natives:\n" + listing);
            assertTrue(file.getEntry("org/bytedeco/openblas/" + javacppPlatform + "/include/cblas.h") == null,
                    "C headers are not shipped");
            assertEquals("org.eoslab.cli.Main", file.getManifest().getMainAttributes().getValue("Main-Class"));
            assertTrue(file.getEntry("org/eoslab/cli/Main.class") != null);
            assertTrue(file.getEntry("presets/default.json") != null, "the default preset ships inside");
        }
    }
}
