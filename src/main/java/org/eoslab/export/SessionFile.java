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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Parameters;
import org.eoslab.config.Presets;
import org.eoslab.metrics.Columns;
import org.eoslab.run.History;
import org.eoslab.run.SessionData;

/**
 * Session files (.eoslab) of a deep linear network run: a ZIP with session.json (schema, title, text,
 * parameters, step, column names; the layout follows from the parameters),
 * trajectory.bin (every row as float64) and state.bin (the engine's weights). Written atomically; a damaged
 * or foreign file is refused with a message naming the file and what is wrong.
 */
public final class SessionFile {
    public static final int SCHEMA = 1;

    private SessionFile() {}

    public static void save(SessionData<?> s, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                zip.putNextEntry(new ZipEntry("session.json"));
                zip.write(header(s).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("trajectory.bin"));
                writeRows(s, zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("state.bin"));
                writeState(s.state(), zip);
                zip.closeEntry();
            }
        });
    }

    private static String header(SessionData<?> s) throws IOException {
        ObjectNode h = Presets.json().createObjectNode();
        h.put("schema", SCHEMA);
        h.put("title", s.title());
        h.put("description", s.description());
        h.set("parameters", Presets.json().valueToTree(s.parameters()));
        h.put("step", s.step());
        h.put("divergedAt", s.divergedAt());
        h.put("rows", s.rows());
        h.set("columns", Presets.json().valueToTree(s.history().columns().names()));
        return Presets.json().writeValueAsString(h);
    }

    private static void writeRows(SessionData<?> s, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        double[] row = new double[s.history().columns().count()];
        for (int i = 0; i < s.rows(); i++) {
            s.history().row(i, row);
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

    public static SessionData<Parameters> load(Path file) {
        byte[] header = null;
        byte[] rows = null;
        byte[] state = null;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                switch (e.getName()) {
                    case "session.json" -> header = zip.readAllBytes();
                    case "trajectory.bin" -> rows = zip.readAllBytes();
                    case "state.bin" -> state = zip.readAllBytes();
                    default -> { }
                }
            }
        } catch (NoSuchFileException e) {
            throw bad(file, "does not exist");
        } catch (IOException e) {
            throw bad(file, "is not a readable session (" + e.getMessage() + ")");
        }
        if (header == null || rows == null || state == null) throw bad(file, "is not an EOS Lab session (session.json, trajectory.bin or state.bin missing)");
        return decode(file, header, rows, state);
    }

    private static SessionData<Parameters> decode(Path file, byte[] headerBytes, byte[] rowBytes, byte[] stateBytes) {
        JsonNode h;
        try {
            h = Presets.json().readTree(headerBytes);
        } catch (IOException e) {
            throw bad(file, "has a damaged session.json");
        }
        if (h.path("schema").asInt() != SCHEMA) throw bad(file, "has schema " + h.path("schema") + "; this EOS Lab reads schema " + SCHEMA);
        Parameters p;
        try {
            p = Presets.json().treeToValue(h.get("parameters"), Parameters.class).validate();
        } catch (IOException | IllegalArgumentException e) {
            throw bad(file, "has invalid parameters: " + e.getMessage());
        }
        Columns c = Columns.of(p);
        List<String> names = new ArrayList<>();
        h.path("columns").forEach(n -> names.add(n.asText()));
        if (!names.equals(c.names())) throw bad(file, "was written with other columns than this EOS Lab uses");
        int rows = h.path("rows").asInt();
        if ((long) rows * c.count() * 8 != rowBytes.length) throw bad(file, "has a truncated trajectory (" + rowBytes.length + " bytes for " + rows + " rows)");
        History history = new History(c);
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(rowBytes))) {
            double[] row = new double[c.count()];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < row.length; j++) row[j] = in.readDouble();
                history.append(row);
            }
            return new SessionData<>(h.path("title").asText(), h.path("description").asText(), p, history, rows,
                    readState(stateBytes), h.path("step").asLong(), h.path("divergedAt").asLong(-1));
        } catch (IOException e) {
            throw bad(file, "has a damaged trajectory or state");
        }
    }

    private static double[][] readState(byte[] bytes) throws IOException {
        try (InputStream raw = new java.io.ByteArrayInputStream(bytes); DataInputStream in = new DataInputStream(raw)) {
            int blocks = in.readInt();
            if (blocks < 0 || blocks > 10_000) throw new IOException("bad state");
            double[][] state = new double[blocks][];
            for (int b = 0; b < blocks; b++) {
                int n = in.readInt();
                if (n < 0 || n > 100_000_000) throw new IOException("bad state");
                state[b] = new double[n];
                for (int i = 0; i < n; i++) state[b][i] = in.readDouble();
            }
            return state;
        }
    }

    private static InvalidParameterException bad(Path file, String what) {
        return new InvalidParameterException("session", file + " " + what);
    }
}
