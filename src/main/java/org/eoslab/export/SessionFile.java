package org.eoslab.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Network;
import org.eoslab.config.Presets;
import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Layout;
import org.eoslab.run.History;
import org.eoslab.run.Pin;
import org.eoslab.run.SessionData;

/**
 * Session files (.eoslab) of a run of either network: a ZIP with session.json (schema, network, title, text,
 * parameters, step, column names; the layout follows from the parameters; the pins' labels, parameters, σ* and row
 * counts), trajectory.bin (every row as float64), state.bin (the engine's weights) and pin-k.bin (pin k's rows).
 * What differs between the networks is in their {@link SessionCodec}. Written atomically; a damaged or foreign
 * file is refused with a message naming the file and what is wrong. A file without a network (written before the
 * ReLU network had sessions) is a deep linear network's.
 */
public final class SessionFile {
    public static final int SCHEMA = 1;

    private SessionFile() {}

    public static void save(SessionData<?> s, Network network, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                zip.putNextEntry(new ZipEntry("session.json"));
                zip.write(header(s, network).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("trajectory.bin"));
                writeRows(s, zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("state.bin"));
                writeState(s.state(), zip);
                zip.closeEntry();
                for (int k = 0; k < s.pins().size(); k++) {
                    zip.putNextEntry(new ZipEntry("pin-" + (k + 1) + ".bin"));
                    writeRows(s.pins().get(k).history(), s.pins().get(k).rows(), zip);
                    zip.closeEntry();
                }
            }
        });
    }

    private static String header(SessionData<?> s, Network network) throws IOException {
        ObjectNode h = Presets.json().createObjectNode();
        h.put("schema", SCHEMA);
        h.put("network", network.label());
        h.put("title", s.title());
        h.put("description", s.description());
        h.set("parameters", Presets.json().valueToTree(s.parameters()));
        h.put("step", s.step());
        h.put("divergedAt", s.divergedAt());
        h.put("rows", s.rows());
        h.set("columns", Presets.json().valueToTree(s.history().columns().names()));
        var pins = h.putArray("pins");
        for (Pin pin : s.pins()) {
            ObjectNode n = pins.addObject();
            n.put("label", pin.label());
            n.set("parameters", Presets.json().valueToTree(pin.parameters()));
            n.set("targetValues", Presets.json().valueToTree(pin.targetValues()));
            n.put("rows", pin.rows());
        }
        return Presets.json().writeValueAsString(h);
    }

    private static void writeRows(SessionData<?> s, OutputStream out) throws IOException {
        writeRows(s.history(), s.rows(), out);
    }

    private static void writeRows(History history, int rows, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        double[] row = new double[history.columns().count()];
        for (int i = 0; i < rows; i++) {
            history.row(i, row);
            for (double v : row) data.writeDouble(v);
        }
        data.flush();
    }

    private static void writeState(double[][] state, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(state.length);
        for (double[] block : state) {
            data.writeInt(block.length);
            for (double v : block) data.writeDouble(v);
        }
        data.flush();
    }

    /** session.json is small; anything larger is not ours. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    /** Reads a session of the network {@code codec} describes; another network's is refused. */
    public static <P extends RunParameters> SessionData<P> load(Path file, SessionCodec<P> codec) {
        return cast(load(file, n -> n == codec.network() ? codec : null));
    }

    @SuppressWarnings("unchecked")
    private static <P extends RunParameters> SessionData<P> cast(SessionData<?> s) {
        return (SessionData<P>) s;                                 // read by P's codec alone
    }

    /**
     * Reads a session of whichever network it holds ({@code codecs}: the codec of each network, null for one this
     * caller cannot open). session.json comes first (as written); its parameters and row count bound every other
     * entry's size before it is read, and no entry may inflate past its bound (a zip bomb stops there).
     */
    public static SessionData<?> load(Path file, Function<Network, SessionCodec<?>> codecs) {
        long cap = Runtime.getRuntime().maxMemory();                // no session this heap could hold is larger
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(org.eoslab.config.InputFiles.open("session", file, cap)))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !first.getName().equals("session.json")) {
                throw bad(file, "is not an EOS Lab session (session.json must come first)");
            }
            JsonNode json = json(file, readEntry(zip, MAX_HEADER_BYTES, file, "session.json"));
            SessionCodec<?> codec = codecs.apply(network(file, json));
            if (codec == null) throw bad(file, "holds a run of the " + network(file, json) + " network, which cannot be opened here");
            return read(file, zip, header(file, json, codec));
        } catch (NoSuchFileException e) {
            throw bad(file, "does not exist");
        } catch (IOException e) {
            throw bad(file, "is not a readable session (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {                       // ZipInputStream: a damaged entry name
            if (e instanceof InvalidParameterException ipe) throw ipe;
            throw bad(file, "is not a readable session (a damaged ZIP entry)");
        }
    }

    /** The entries after session.json, each bounded by what the header says. */
    private static <P extends RunParameters> SessionData<P> read(Path file, ZipInputStream zip, Header<P> h) throws IOException {
        byte[] rows = null;
        byte[] state = null;
        byte[][] pinRows = new byte[h.pins().size()][];
        checkTotal(file, h);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            String name = e.getName();
            if (!seen.add(name)) throw bad(file, "has two entries named " + org.eoslab.config.Messages.quote(name));
            int k = name.startsWith("pin-") && name.endsWith(".bin") ? pinIndex(name, h.pins().size()) : -1;
            if (name.equals("trajectory.bin")) rows = readEntry(zip, h.trajectoryBytes(), file, name);
            else if (name.equals("state.bin")) state = readEntry(zip, h.stateLimit(), file, name);
            else if (k >= 0) pinRows[k] = readEntry(zip, h.pins().get(k).maxBytes(), file, name);
            else throw bad(file, "has an entry that is not part of a session: " + org.eoslab.config.Messages.quote(name));
        }
        if (rows == null || state == null) throw bad(file, "is not an EOS Lab session (trajectory.bin or state.bin missing)");
        return decode(file, h, rows, state).withPins(pins(file, h.pins(), pinRows));
    }

    /**
     * Every entry's bound together, before any is inflated: the session must fit in half of this heap, and no entry
     * may exceed what one array holds (2 GiB), however its bounds were announced.
     */
    private static void checkTotal(Path file, Header<?> h) {
        long total = h.trajectoryBytes() + h.stateLimit();
        long largest = Math.max(h.trajectoryBytes(), h.stateLimit());
        for (PinHeader p : h.pins()) {
            long bytes = p.maxBytes();
            total += bytes;
            largest = Math.max(largest, bytes);
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (largest > Integer.MAX_VALUE - 16 || total > heap / 2) {
            throw bad(file, "announces " + (total >> 20) + " MiB of runs, more than this heap (" + (heap >> 20)
                    + " MiB) can load; start EOS Lab with a larger -Xmx");
        }
    }

    private static Network network(Path file, JsonNode h) {
        if (!h.has("network")) return Network.DLN;
        try {
            return Network.parse("network", h.path("network").asText());
        } catch (InvalidParameterException e) {
            throw bad(file, "has an unknown network: " + e.problem());
        }
    }

    /** Up to {@code limit} bytes of the current entry; more is refused before it is held. */
    private static byte[] readEntry(ZipInputStream zip, long limit, Path file, String name) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = zip.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) throw bad(file, "has a " + name + " larger than its header allows (" + limit + " bytes)");
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** pin-3.bin → 2 when there are at least 3 pins, else −1 (an entry that is not ours is skipped). */
    private static int pinIndex(String name, int pins) {
        String digits = name.substring(4, name.length() - 4);
        if (!digits.matches("[1-4]")) return -1;
        int k = Integer.parseInt(digits) - 1;
        return k < pins ? k : -1;
    }

    /** A pin as session.json describes it: its rows' size bounds pin-k.bin. */
    private record PinHeader(String label, RunParameters parameters, double[] targetValues, Layout columns, int rows) {
        long bytes(int stored) { return (long) rows * stored * 8; }

        /** Its rows in this version's layout: the most pin-k.bin may hold. */
        long maxBytes() { return bytes(columns.count()); }
    }

    private static List<Pin> pins(Path file, List<PinHeader> headers, byte[][] rows) {
        List<Pin> out = new ArrayList<>();
        for (int k = 0; k < headers.size(); k++) {
            PinHeader p = headers.get(k);
            Layout c = p.columns();
            int stored = rows[k] == null ? -1 : rows[k].length == p.bytes(c.count()) ? c.count()
                    : rows[k].length == p.bytes(c.olderCount()) ? c.olderCount() : -1;
            if (stored < 0) throw bad(file, "has a missing or truncated pin-" + (k + 1) + ".bin");
            History h = readRows(file, c, stored, p.rows(), rows[k]);
            out.add(new Pin(p.label(), p.parameters(), p.targetValues(), h, p.rows()));
        }
        return out;
    }

    /** What session.json says, checked: the parameters, the column layout and the sizes of the other entries. */
    private record Header<P extends RunParameters>(JsonNode json, P parameters, Layout columns, int stored, int rows,
                                                   List<PinHeader> pins, long stateLimit) {
        long trajectoryBytes() { return (long) rows * stored * 8; }
    }

    private static JsonNode json(Path file, byte[] bytes) {
        JsonNode h;
        try {
            h = Presets.json().readTree(bytes);
        } catch (IOException e) {
            throw bad(file, "has a damaged session.json");
        }
        if (h == null || !h.isObject()) throw bad(file, "has a damaged session.json");
        if (h.path("schema").asInt() != SCHEMA) throw bad(file, "has schema " + h.path("schema") + "; this EOS Lab reads schema " + SCHEMA);
        if (!h.path("parameters").isObject()) throw bad(file, "has no parameters in session.json");
        return h;
    }

    private static <P extends RunParameters> Header<P> header(Path file, JsonNode h, SessionCodec<P> codec) {
        P p;
        try {
            p = codec.resolve(codec.type().cast(Presets.json().treeToValue(h.get("parameters"), codec.type()).validate()), file);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw bad(file, "has invalid parameters: " + Presets.explain(e));
        } catch (InvalidParameterException e) {
            throw bad(file, "has invalid parameters: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw bad(file, "has invalid parameters");
        }
        Layout c = codec.columns(p);
        JsonNode columns = h.path("columns");
        // an older session may lack the columns this version appended: they open as not measured
        int stored = columns.isArray() ? columns.size() : -1;
        if (stored != c.count() && stored != c.olderCount()) throw bad(file, "was written with other columns than this EOS Lab uses");
        List<String> names = new ArrayList<>();
        columns.forEach(n -> names.add(n.asText()));
        if (!names.equals(c.names().subList(0, stored))) throw bad(file, "was written with other columns than this EOS Lab uses");
        long rows = h.path("rows").isIntegralNumber() ? h.path("rows").asLong(-1) : -1;
        long heap = Runtime.getRuntime().maxMemory();
        if (rows < 0 || rows > Integer.MAX_VALUE) throw bad(file, "announces " + org.eoslab.config.Messages.quote(h.path("rows").toString()) + " rows (a whole number ≥ 0)");
        checkStep(file, h, "step", 0);
        if (h.has("divergedAt")) checkStep(file, h, "divergedAt", -1);
        if (rows * c.count() * 8 * 2 > heap) {
            throw bad(file, "holds " + rows + " steps (" + rows * c.count() * 8 / (1 << 20) + " MiB), more than this heap ("
                    + heap / (1 << 20) + " MiB) can load; start EOS Lab with a larger -Xmx");
        }
        return new Header<>(h, p, c, stored, (int) rows, pinHeaders(file, h.path("pins"), codec), codec.stateBytes(p));
    }

    /** A step count in session.json: a whole number of at least {@code least}. */
    private static void checkStep(Path file, JsonNode h, String field, long least) {
        JsonNode n = h.path(field);
        if (!n.isIntegralNumber() || n.asLong() < least) {
            throw bad(file, "has " + field + " = " + org.eoslab.config.Messages.quote(n.toString()) + "; a whole number ≥ " + least + " is needed");
        }
    }

    private static <P extends RunParameters> List<PinHeader> pinHeaders(Path file, JsonNode pins, SessionCodec<P> codec) {
        List<PinHeader> out = new ArrayList<>();
        if (pins.isMissingNode()) return out;
        if (!pins.isArray() || pins.size() > Pin.MAX) throw bad(file, "has a damaged pins list (at most " + Pin.MAX + " pins)");
        long heap = Runtime.getRuntime().maxMemory();
        for (JsonNode n : pins) {
            P p;
            double[] s;
            try {
                p = codec.type().cast(Presets.json().treeToValue(n.get("parameters"), codec.type()).validate());
                s = Presets.json().treeToValue(n.get("targetValues"), double[].class);
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                throw bad(file, "has a pin with invalid parameters");
            }
            long rows = n.path("rows").asLong(-1);
            Layout c = codec.columns(p);
            if (s == null || s.length > codec.targetValues(p) || rows < 0 || rows * c.count() * 8 * 4 > heap || !n.path("label").isTextual()) {
                throw bad(file, "has a damaged pin (" + n.path("label").asText("no label") + ")");
            }
            out.add(new PinHeader(n.path("label").asText(), p, s, c, (int) rows));
        }
        return out;
    }

    private static <P extends RunParameters> SessionData<P> decode(Path file, Header<P> header, byte[] rowBytes, byte[] stateBytes) {
        JsonNode h = header.json();
        Layout c = header.columns();
        int rows = header.rows();
        if (header.trajectoryBytes() != rowBytes.length) throw bad(file, "has a truncated trajectory (" + rowBytes.length + " bytes for " + rows + " rows)");
        History history = readRows(file, c, header.stored(), rows, rowBytes);
        try {
            return new SessionData<>(h.path("title").asText(), h.path("description").asText(), header.parameters(), history, rows,
                    readState(stateBytes), h.path("step").asLong(), h.path("divergedAt").asLong(-1));
        } catch (IOException e) {
            throw bad(file, "has a damaged trajectory or state" + (e.getMessage() != null && e.getMessage().startsWith("a weight")
                    ? " (" + e.getMessage() + ")" : ""));
        }
    }

    /** {@code rows} rows of {@code stored} values each; the columns past them stay NaN (not measured). */
    private static History readRows(Path file, Layout c, int stored, int rows, byte[] bytes) {
        History history = new History(c);
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            double[] row = c.emptyRow();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < stored; j++) row[j] = in.readDouble();
                history.append(row);
            }
            return history;
        } catch (IOException e) {
            throw bad(file, "has a damaged trajectory");
        }
    }

    private static double[][] readState(byte[] bytes) throws IOException {
        try (InputStream raw = new java.io.ByteArrayInputStream(bytes); DataInputStream in = new DataInputStream(raw)) {
            int blocks = in.readInt();
            if (blocks < 0 || blocks > bytes.length / 4) throw new IOException("bad state");
            double[][] state = new double[blocks][];
            for (int b = 0; b < blocks; b++) {
                int n = in.readInt();
                if (n < 0 || n > in.available() / 8) throw new IOException("bad state");   // never past the bytes there
                state[b] = new double[n];
                for (int i = 0; i < n; i++) {
                    state[b][i] = in.readDouble();
                    if (!Double.isFinite(state[b][i])) throw new IOException("a weight that is not a finite number");
                }
            }
            return state;
        }
    }

    private static InvalidParameterException bad(Path file, String what) {
        return new InvalidParameterException("session", file + " " + what);
    }
}
