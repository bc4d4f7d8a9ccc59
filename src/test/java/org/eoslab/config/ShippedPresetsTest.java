package org.eoslab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eoslab.run.PresetCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every preset in presets/ loads, validates, and runs headless to the behaviour it promises. */
class ShippedPresetsTest {

    static List<Path> presetFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("presets"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theDefaultPresetIsTheBuiltInDefault() {
        assertEquals(Parameters.defaults(), Presets.load(Path.of("presets/default.json")).parameters());
    }

    @Test
    void theIndexListsEveryPresetFile() throws IOException {
        List<String> index = Files.readAllLines(Path.of("presets/index.txt")).stream().filter(l -> !l.isBlank()).toList();
        List<String> files = presetFiles().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(files, index, "presets/index.txt (what the app's Presets menu lists) matches the folder");
    }

    @Test
    void thePaperFiguresAreCovered() throws IOException {
        List<String> names = presetFiles().stream().map(p -> p.getFileName().toString()).toList();
        for (String fig : new String[] {"fig01", "fig02", "fig03", "fig04", "fig05", "fig06", "fig07", "fig08", "fig09", "fig10", "fig11", "fig12",
                "fig13", "fig14", "fig15", "fig16", "fig17", "fig18", "tour-period-doubling"}) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(fig)), fig + " has a preset");
        }
    }

    @org.eoslab.Slow
    @ParameterizedTest(name = "{0}")
    @MethodSource("presetFiles")
    void keepsItsPromises(Path file) {
        Preset p = Presets.load(file);
        assertFalse(p.title().isBlank(), "title");
        assertFalse(p.description() == null || p.description().isBlank(), "a few sentences of explanation");
        assertFalse(p.expect().isEmpty() && p.mlpExpect().isEmpty(), "states what the viewer should see");
        if (p.networkOrDefault() == Network.MLP || p.mlp() != null) {
            assertFalse(p.mlpExpect().isEmpty(), "a preset with a ReLU network states what that network shows");
        }
        List<String> failures = new ArrayList<>();
        for (Expectation e : p.expect()) failures.addAll(PresetCheck.failures(p, e));
        for (MlpExpectation e : p.mlpExpect()) failures.addAll(PresetCheck.failures(p, e));
        assertTrue(failures.isEmpty(), file + ":\n  " + String.join("\n  ", failures));
    }
}
