package org.eoslab.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eoslab.config.Presets;
import org.eoslab.config.RunParameters;
import org.eoslab.run.History;

/**
 * The full trajectory (not the decimated display data) as JSON: {@code {"schema":1, "parameters":{…},
 * "rows":N, "columns":{"step":[…], "loss":[…], …}}}, one array per column (pandas reads it with
 * {@code pd.DataFrame(data["columns"])}); not-measured values are null. Streamed, written atomically.
 */
public final class TrajectoryJson {
    private TrajectoryJson() {}

    public static void write(History h, RunParameters parameters, Path file) {
        write(h, h.size(), parameters, file);
    }

    /** The first {@code rows} rows of a history (a pinned run's). */
    public static void write(History h, int rows, RunParameters parameters, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp);
                 JsonGenerator g = Presets.json().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                writeTo(g, h, rows, parameters);
            }
        });
    }

    private static void writeTo(JsonGenerator g, History h, int rows, RunParameters parameters) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schema", 1);
        g.writeFieldName("parameters");
        Presets.json().writeValue(g, parameters);
        g.writeNumberField("rows", rows);
        g.writeObjectFieldStart("columns");
        var names = h.columns().names();
        for (int c = 0; c < names.size(); c++) {
            g.writeArrayFieldStart(names.get(c));
            for (int i = 0; i < rows; i++) {
                double v = h.get(i, c);
                if (Double.isNaN(v)) g.writeNull();
                else if (c == 0) g.writeNumber((long) v);
                else g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
