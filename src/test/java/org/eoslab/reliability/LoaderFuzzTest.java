package org.eoslab.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.MatrixFile;
import org.eoslab.config.Parameters;
import org.eoslab.config.Presets;
import org.eoslab.engine.mlp.IdxReader;
import org.eoslab.export.SessionFile;
import org.eoslab.run.History;
import org.eoslab.run.SessionData;
import org.eoslab.run.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random inputs for every loader: byte-level damage and JSON-tree mutations of real presets and sessions,
 * random target CSVs and random IDX headers. Each input is either accepted or refused with the project's own
 * {@link InvalidParameterException}; nothing else may escape, and no input may make a loader allocate more than
 * {@link #ALLOCATION_BOUND} bytes.
 */
class LoaderFuzzTest {
    static final long ALLOCATION_BOUND = 256L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    @TempDir Path tmp;
    private final Random rng = new Random(20261129);

    private int accepted;
    private int refused;

    /** Runs a load; only success or the project's refusal is allowed, within the allocation bound. */
    private void survives(String what, Runnable load) {
        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        try {
            load.run();
            accepted++;
        } catch (InvalidParameterException e) {
            refused++;
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what + ": an empty message");
            assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("FAIL_ON"), what + ": internals in " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            fail(what + ": " + e, e);
        }
        long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < ALLOCATION_BOUND, what + " allocated " + allocated + " bytes");
    }

    private JsonNode randomValue(int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (rng.nextInt(depth > 2 ? 9 : 11)) {
            case 0 -> f.nullNode();
            case 1 -> f.textNode("x".repeat(rng.nextInt(40)));
            case 2 -> f.numberNode(rng.nextInt());
            case 3 -> f.numberNode(-rng.nextDouble() * 1e6);
            case 4 -> f.numberNode(rng.nextBoolean() ? 1e308 : 1e-308);
            case 5 -> f.booleanNode(rng.nextBoolean());
            case 6 -> f.numberNode(rng.nextGaussian());
            case 7 -> f.textNode(String.valueOf(rng.nextDouble()));
            case 8 -> f.numberNode(rng.nextInt(2000) + 0.5);
            case 9 -> {
                ArrayNode a = f.arrayNode();
                for (int i = rng.nextInt(6); i > 0; i--) a.add(randomValue(depth + 1));
                yield a;
            }
            default -> {
                ObjectNode o = f.objectNode();
                for (int i = rng.nextInt(4); i > 0; i--) o.set("k" + rng.nextInt(5), randomValue(depth + 1));
                yield o;
            }
        };
    }

    /** Replaces, removes or adds one field somewhere in the tree. */
    private void mutate(JsonNode node) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(node, objects);
        ObjectNode target = objects.get(rng.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        int action = rng.nextInt(3);
        if (action == 0 && !names.isEmpty()) target.remove(names.get(rng.nextInt(names.size())));
        else if (action == 1 && !names.isEmpty()) target.set(names.get(rng.nextInt(names.size())), randomValue(0));
        else target.set(names.isEmpty() || rng.nextBoolean() ? "extra" + rng.nextInt(3) : names.get(0), randomValue(0));
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) out.add(o);
        n.forEach(child -> collect(child, out));
    }

    private byte[] damage(byte[] in) {
        byte[] b = in.clone();
        int kind = rng.nextInt(3);
        if (kind == 0) {
            for (int i = 0; i < 1 + rng.nextInt(8); i++) b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
            return b;
        }
        if (kind == 1) return java.util.Arrays.copyOf(b, rng.nextInt(b.length));
        byte[] noise = new byte[rng.nextInt(64)];
        rng.nextBytes(noise);
        int at = rng.nextInt(b.length);
        byte[] out = new byte[b.length + noise.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, noise.length);
        System.arraycopy(b, at, out, at + noise.length, b.length - at);
        return out;
    }

    @Test
    void presets() throws Exception {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(Path.of("presets"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) texts.add(Files.readString(p));
        }
        int cases = 0;
        for (int i = 0; i < 600; i++) {
            String text = texts.get(rng.nextInt(texts.size()));
            String input;
            if (i % 2 == 0) {
                JsonNode tree = Presets.json().readTree(text);
                for (int m = 1 + rng.nextInt(3); m > 0; m--) mutate(tree);
                input = tree.toString();
            } else {
                input = new String(damage(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1);
            }
            String in = input;
            survives("preset mutation " + i, () -> Presets.parse(in, "fuzz.json"));
            cases++;
        }
        System.out.println("LoaderFuzzTest: " + cases + " preset inputs, " + accepted + " accepted, " + refused + " refused");
        assertTrue(accepted > 20 && refused > 200, "the mutations reach both outcomes: " + accepted + " / " + refused);
    }

    @Test
    void sessions() throws Exception {
        Parameters p = Parameters.defaults().withWidth(6).withSharpnessEvery(0);
        Trainer t = new Trainer(p);
        History h = new History(t.columns());
        h.append(t.snapshot());
        for (int i = 0; i < 20; i++) { t.advance(); h.append(t.snapshot()); }
        Path real = tmp.resolve("real.eoslab");
        SessionFile.save(new SessionData<>("t", "d", p, h, h.size(), t.state(), t.step(), -1), org.eoslab.config.Network.DLN, real);
        List<String> names = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(real))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) { names.add(e.getName()); entries.add(zip.readAllBytes()); }
        }
        byte[] zipBytes = zipped(names, entries, -1, null);                 // fixed entry times: the same bytes each run
        for (int i = 0; i < 300; i++) {
            Path file = tmp.resolve("fuzz" + i + ".eoslab");
            if (i % 3 == 0) {
                Files.write(file, damage(zipBytes));
            } else {
                int which = rng.nextInt(entries.size());
                byte[] changed;
                if (names.get(which).equals("session.json") && rng.nextBoolean()) {
                    JsonNode tree = Presets.json().readTree(entries.get(which));
                    mutate(tree);
                    changed = tree.toString().getBytes(StandardCharsets.UTF_8);
                } else {
                    changed = damage(entries.get(which));
                }
                Files.write(file, zipped(names, entries, which, changed));
            }
            survives("session " + file.getFileName(), () -> SessionFile.load(file, org.eoslab.export.SessionCodec.linear()));
        }
        assertTrue(accepted > 5 && refused > 100, "the mutations reach both outcomes: " + accepted + " / " + refused);
    }

    /** The entries as a ZIP with fixed times, entry {@code which} replaced by {@code changed}. */
    private static byte[] zipped(List<String> names, List<byte[]> entries, int which, byte[] changed) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int e = 0; e < names.size(); e++) {
                ZipEntry entry = new ZipEntry(names.get(e));
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(e == which ? changed : entries.get(e));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void targetCsvFiles() throws Exception {
        Supplier<String> cell = () -> switch (rng.nextInt(8)) {
            case 0 -> "";
            case 1 -> "x";
            case 2 -> "NaN";
            case 3 -> "1e400";
            case 4 -> "0x10";
            case 5 -> String.valueOf(rng.nextGaussian());
            case 6 -> "-0";
            default -> String.valueOf(rng.nextInt(10));
        };
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int rows = rng.nextInt(6);
            for (int r = 0; r < rows; r++) {
                int cols = rng.nextBoolean() ? rows : rng.nextInt(7);
                for (int c = 0; c < cols; c++) sb.append(c > 0 ? (rng.nextInt(20) == 0 ? ";" : ",") : "").append(cell.get());
                sb.append(rng.nextInt(15) == 0 ? "\r\n" : "\n");
            }
            Path file = tmp.resolve("t" + i + ".csv");
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(file, rng.nextInt(10) == 0 && bytes.length > 0 ? damage(bytes) : bytes);
            survives("target " + file.getFileName(), () -> MatrixFile.read(file));
        }
        assertTrue(accepted > 10 && refused > 100, "both outcomes: " + accepted + " / " + refused);
    }

    @Test
    void idxHeaders() throws Exception {
        for (int i = 0; i < 300; i++) {
            ByteArrayOutputStream images = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(images);
            int[] interesting = {0, 1, -1, 28, 4096, 4097, 60_000, Integer.MAX_VALUE, Integer.MIN_VALUE};
            out.writeInt(rng.nextInt(4) == 0 ? rng.nextInt() : 2051);
            out.writeInt(interesting[rng.nextInt(interesting.length)]);
            out.writeInt(interesting[rng.nextInt(interesting.length)]);
            out.writeInt(interesting[rng.nextInt(interesting.length)]);
            byte[] pixels = new byte[rng.nextInt(5000)];
            rng.nextBytes(pixels);
            out.write(pixels);
            ByteArrayOutputStream labels = new ByteArrayOutputStream();
            DataOutputStream lo = new DataOutputStream(labels);
            lo.writeInt(rng.nextInt(4) == 0 ? rng.nextInt() : 2049);
            lo.writeInt(interesting[rng.nextInt(interesting.length)]);
            byte[] l = new byte[rng.nextInt(100)];
            for (int k = 0; k < l.length; k++) l[k] = (byte) (rng.nextInt(12) == 0 ? 200 : rng.nextInt(10));
            lo.write(l);
            Path im = Files.write(tmp.resolve("f" + i + "-images-idx3-ubyte"), images.toByteArray());
            Path lb = Files.write(tmp.resolve("f" + i + "-labels-idx1-ubyte"), labels.toByteArray());
            int samples = interesting[rng.nextInt(interesting.length)];
            survives("idx " + i, () -> IdxReader.read(im, lb, samples));
        }
        assertTrue(refused > 200, "refused: " + refused + ", accepted: " + accepted);
    }
}
