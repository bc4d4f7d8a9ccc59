package org.eoslab.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eoslab.config.Preset;
import org.eoslab.config.Presets;

/** The presets shipped in the jar, listed by presets/index.txt (kept in step with the folder by a test). */
public final class PresetLibrary {
    private PresetLibrary() {}

    /** File names of the bundled presets, in index order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        try (InputStream in = PresetLibrary.class.getResourceAsStream("/presets/index.txt")) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) out.add(line.trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the preset index", e);
        }
        return out;
    }

    public static Preset load(String name) {
        return bundled("presets/" + name);
    }

    /** A preset shipped inside the jar (or target/classes), by resource path. */
    public static Preset bundled(String resource) {
        try (InputStream in = PresetLibrary.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalStateException("missing bundled preset " + resource);
            return Presets.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled preset " + resource, e);
        }
    }
}
