package org.eoslab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedPresetsTest {

    @Test
    void theDefaultPresetIsTheBuiltInDefault() {
        assertEquals(Parameters.defaults(), Presets.load(Path.of("presets/default.json")).parameters());
    }

    @Test
    void everyShippedPresetLoadsAndValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("presets"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            Preset p = Presets.load(f);
            assertFalse(p.title() == null || p.title().isBlank(), f + " has a title");
            assertFalse(p.description() == null || p.description().isBlank(), f + " explains itself");
        }
    }
}
