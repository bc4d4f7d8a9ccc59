package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eoslab.engine.mlp.IdxFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-user suite for every command (issue "Hardened"): each line of {@code reliability/cli-cases.txt}
 * must exit 2 with one line on stderr naming the option and what is allowed, no stack trace or library
 * internals, and nothing written. The other loaders (presets, sessions, IDX, target CSV) have their own tables
 * in PresetsTest, SessionFileTest, IdxReaderTest and RunCommandTest, and random inputs in LoaderFuzzTest.
 */
class ReliabilitySuiteTest {
    private static Path tmp;
    private static int passed;

    @BeforeAll
    static void fixtures() throws IOException {
        tmp = Files.createTempDirectory("eoslab-reliability");
        Files.writeString(tmp.resolve("not-json.json"), "{");
        Files.write(tmp.resolve("binary.json"), new byte[] {(byte) 0xff, 0, 7, (byte) 0x80, 1});
        Files.write(tmp.resolve("binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Files.writeString(tmp.resolve("ragged.csv"), "1,2\n3\n");
        Files.writeString(tmp.resolve("secret.csv"), "root:$6$secret:19000:0:99999:7:::\n");
        Files.writeString(tmp.resolve("a-file"), "x");
        Files.writeString(tmp.resolve("notidx.bin"), "not an idx file");
        IdxFixtures.write(tmp.resolve("huge-images-idx3-ubyte"), IdxFixtures.images(2051, 60_000, 4096, 4096, 0), false);
        IdxFixtures.write(tmp.resolve("huge-labels-idx1-ubyte"), IdxFixtures.labels(2049, 60_000, 10), false);
        IdxFixtures.write(tmp.resolve("hollow-images-idx3-ubyte"), IdxFixtures.images(2051, 60_000, 28, 28, 3), true);
        IdxFixtures.write(tmp.resolve("hollow-labels-idx1-ubyte"), IdxFixtures.labels(2049, 60_000, 60_000), false);
        IdxFixtures.write(tmp.resolve("labels10-images-idx3-ubyte"), IdxFixtures.images(2051, 3, 2, 2, 3), false);
        byte[] labels = IdxFixtures.labels(2049, 3, 3);
        labels[labels.length - 1] = (byte) 200;
        IdxFixtures.write(tmp.resolve("labels10-labels-idx1-ubyte"), labels, false);
    }

    @AfterAll
    static void report() {
        System.out.println("ReliabilitySuiteTest: " + passed + " hostile command lines and preset fields refused cleanly");
    }

    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') { quoted = !quoted; any = true; continue; }
            if (c == ' ' && !quoted) {
                if (cur.length() > 0 || any) out.add(cur.toString());
                cur.setLength(0);
                any = false;
                continue;
            }
            cur.append(c);
        }
        if (cur.length() > 0 || any) out.add(cur.toString());
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileCommandLineIsRefusedCleanly() throws IOException {
        List<String> lines = new ArrayList<>();
        try (var in = ReliabilitySuiteTest.class.getResourceAsStream("/reliability/cli-cases.txt")) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) lines.add(l);
            }
        }
        assertTrue(lines.size() >= 100, "the suite has " + lines.size() + " cases");
        return lines.stream().map(line -> DynamicTest.dynamicTest(line, () -> check(line)));
    }

    /**
     * Every field of a preset's {@code parameters} and {@code mlp} objects given a wrong type, a value out of range,
     * null and a fraction where a whole number belongs: each refused, naming the preset and the field.
     */
    @TestFactory
    Stream<DynamicTest> everyPresetFieldRefusesBadValues() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        var json = org.eoslab.config.Presets.json();
        for (String block : new String[] {"parameters", "mlp"}) {
            com.fasterxml.jackson.databind.JsonNode defaults = json.valueToTree(block.equals("mlp")
                    ? org.eoslab.config.MlpParameters.defaults() : org.eoslab.config.Parameters.defaults());
            List<String> fields = new ArrayList<>();
            defaults.fieldNames().forEachRemaining(fields::add);
            if (block.equals("mlp")) fields.add("data");
            for (String field : fields) {
                for (String bad : badValues(field, defaults.get(field))) {
                    String preset = "{\"schema\": 1, \"title\": \"t\", \"" + block + "\": {\"" + field + "\": " + bad + "}}";
                    tests.add(DynamicTest.dynamicTest(block + "." + field + " = " + bad, () -> {
                        var e = org.junit.jupiter.api.Assertions.assertThrows(org.eoslab.config.InvalidParameterException.class,
                                () -> org.eoslab.config.Presets.parse(preset, "f.json"));
                        assertTrue(e.getMessage().startsWith("preset f.json: " + block + "." + field)
                                || e.getMessage().startsWith("preset f.json: " + block + ".singularValues")
                                || e.getMessage().startsWith("preset f.json: " + block + ".rank"), e.getMessage());
                        for (String internal : new String[] {"Exception", "jackson", "FAIL_ON", "`"}) {
                            assertFalse(e.getMessage().contains(internal), "no internals: " + e.getMessage());
                        }
                        passed++;
                    }));
                }
            }
        }
        assertTrue(tests.size() >= 60, tests.size() + " preset field cases");
        return tests.stream();
    }

    /** Wrong values for one field, by the type of its default. */
    private static List<String> badValues(String field, com.fasterxml.jackson.databind.JsonNode def) {
        List<String> bad = new ArrayList<>(List.of("{}", "[[1]]"));
        if (field.equals("data")) return List.of("7", "\"cifar\"", "{}");
        if (field.equals("targetFile") || field.equals("singularValues")) return List.of("7", "{}");
        if (def == null || def.isNull()) return bad;
        if (field.equals("seed")) return List.of("{}", "1.5", "\"3\"", "null");      // any whole number is a seed
        if (def.isBoolean()) bad.addAll(List.of("\"yes\"", "1", "null"));
        else if (def.isIntegralNumber()) bad.addAll(List.of("1.5", "\"3\"", "null", "-5", "1e12"));
        else if (def.isNumber()) bad.addAll(List.of("\"0.3\"", "null", "-1", "0"));
        else if (def.isTextual()) bad.addAll(List.of("\"zzz\"", "5", "null"));
        return bad;
    }

    private static void check(String line) {
        String[] parts = line.split("\t");
        Path out = tmp.resolve("out-" + Integer.toHexString(line.hashCode()));
        List<String> args = tokens(parts[0].replace("OUT", out.toString()).replace("TMP", tmp.toString()));
        RunCommandTest.Result r = RunCommandTest.run(args.toArray(String[]::new));
        String err = r.err().strip();
        assertEquals(2, r.code(), line + "\n" + r.err());
        assertTrue(err.contains(parts[1]), "expected '" + parts[1] + "' in: " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        for (String internal : new String[] {"Exception", "\tat ", "jackson", "FAIL_ON", "ejml", "null"}) {
            assertFalse(err.contains(internal), "no internals (" + internal + "): " + err);
        }
        assertFalse(Files.exists(out), "nothing written to " + out);
        passed++;
    }
}
