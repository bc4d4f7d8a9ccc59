package org.eoslab.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.MatrixFile;
import org.eoslab.config.Presets;
import org.eoslab.engine.mlp.IdxReader;
import org.eoslab.export.SessionCodec;
import org.eoslab.export.SessionFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, kinds 1 and 4: every loader reads regular files only, through a capped stream. A device whose size reads
 * 0 ({@code /dev/zero}), a named pipe nobody writes to (opening it would block), a folder, an oversized file, text in
 * another encoding and a path with a NUL are each refused at once, in one line naming the field.
 */
class SpecialFilesTest {
    @TempDir Path tmp;

    /** Each loader, as a consumer of the file it is given. */
    static List<Loader> loaders() {
        return List.of(
                new Loader("preset", f -> Presets.load(f)),
                new Loader("target", f -> MatrixFile.read(f)),
                new Loader("data", f -> IdxReader.read(f, f, 1)),
                new Loader("session", f -> SessionFile.load(f, SessionCodec.linear())));
    }

    record Loader(String field, Consumer<Path> load) {}

    private static void refusedQuickly(Loader l, Path file, String fragment) {
        InvalidParameterException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(InvalidParameterException.class, () -> l.load().accept(file)), l.field() + " " + file);
        assertTrue(e.getMessage().startsWith(l.field() + ": ") && e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void devicesAreRefusedByNameNotRead() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a Unix device to read");
        for (Loader l : loaders()) refusedQuickly(l, Path.of("/dev/zero"), "/dev/zero is not a regular file");
    }

    @Test
    void aNamedPipeNobodyWritesToIsRefusedWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo");
        for (Loader l : loaders()) refusedQuickly(l, fifo, "is not a regular file");
    }

    @Test
    void aFolderIsRefusedAsAFolder() {
        for (Loader l : loaders()) refusedQuickly(l, tmp, tmp + " is a folder, not a file");
    }

    @Test
    void aPresetLargerThanItsLimitIsRefusedBeforeItIsParsed() throws Exception {
        Path big = tmp.resolve("big.json");
        Files.write(big, new byte[(1 << 20) + 1]);
        refusedQuickly(loaders().get(0), big, "is larger than 1 MiB");
    }

    @Test
    void textInAnotherEncodingIsRefusedWithTheEncodingToUse() throws Exception {
        String preset = Files.readString(Path.of("presets/default.json"));
        Path utf16 = tmp.resolve("utf16.json");
        Files.write(utf16, preset.getBytes(StandardCharsets.UTF_16));
        refusedQuickly(loaders().get(0), utf16, "is not UTF-8 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
        Path latin1 = tmp.resolve("latin1.json");
        Files.write(latin1, preset.replace("Edge of stability", "Edge of stabilité").getBytes(StandardCharsets.ISO_8859_1));
        refusedQuickly(loaders().get(0), latin1, "is not UTF-8 text");
        Path csv = tmp.resolve("latin1.csv");
        Files.write(csv, "1,0\n0,1 é\n".getBytes(StandardCharsets.ISO_8859_1));
        refusedQuickly(loaders().get(1), csv, "is not UTF-8 text");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        Path bom = tmp.resolve("bom.json");
        byte[] text = Files.readAllBytes(Path.of("presets/default.json"));
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        Files.write(bom, withMark);
        Presets.load(bom);
    }

    @Test
    void aNulInAFilePathIsAFieldErrorNotAStackTrace() throws Exception {
        String preset = Files.readString(Path.of("presets/default.json"))
                .replace("\"width\": 20,", "\"width\": 20, \"targetFile\": \"a\\u0000b.csv\",");
        Path file = tmp.resolve("nul.json");
        Files.writeString(file, preset);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Presets.load(file));
        assertTrue(e.getMessage().startsWith("targetFile: 'a\\u0000b.csv' is not a valid path"), e.getMessage());
        String mlp = Files.readString(Path.of("presets/fig09-mnist.json")).replace("\"data\": \"mnist\"", "\"data\": \"x\\u0000y\"");
        Path mlpFile = tmp.resolve("nul-data.json");
        Files.writeString(mlpFile, mlp);
        InvalidParameterException d = assertThrows(InvalidParameterException.class, () -> Presets.load(mlpFile));
        assertTrue(d.getMessage().contains("data: 'x\\u0000y' is neither a shipped set"), d.getMessage());
        InvalidParameterException p = assertThrows(InvalidParameterException.class,
                () -> org.eoslab.config.InputFiles.path("mlp.data", "x\u0000y-images-idx3-ubyte"));
        assertTrue(p.getMessage().startsWith("mlp.data: 'x\\u0000y-images-idx3-ubyte' is not a valid path"), p.getMessage());
    }
}
