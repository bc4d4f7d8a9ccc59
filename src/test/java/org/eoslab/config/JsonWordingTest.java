package org.eoslab.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 25, kind 6: a malformed preset is explained in the reader's words, never in Jackson's (no
 * StreamReadConstraints, parser features, back-quoted Java types or a second line).
 */
class JsonWordingTest {
    static java.util.stream.Stream<String[]> malformed() {
        String ok = "{\"schema\": 1, \"title\": \"t\", \"parameters\": {\"eta\": X}}";
        return java.util.stream.Stream.of(
                new String[] {"{\"schema\": 1, // a comment\n \"title\": \"t\"}", "comments"},
                new String[] {ok.replace("X", "NaN"), "NaN and Infinity are not JSON numbers"},
                new String[] {ok.replace("X", "1" + "0".repeat(1200)), "too many digits"},
                new String[] {"{\"schema\": 1, \"title\": \"t\", \"x\": " + "[".repeat(1200) + "]".repeat(1200) + "}", "nested too deeply"},
                new String[] {ok.replace("X", "05"), "starts with a zero"},
                new String[] {"{\"schema\": 1, \"title\": \"a\nb\"}", "raw control character"},
                new String[] {"{'schema': 1}", "double quotes"},
                new String[] {ok.replace("X", "0.3,"), "a field name must be in double quotes"},
                new String[] {"{\"schema\": 1, \"title\": ", "ends before the JSON does"},
                new String[] {ok.replace("X", "True"), "a word that is not JSON"},
                new String[] {ok.replace("X", "\"0.3\""), "must be a number"});
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedPresetIsExplainedPlainly(String text, String fragment) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Presets.parse(text, "p.json"));
        String m = e.getMessage();
        assertTrue(m.contains(fragment), m);
        for (String jackson : new String[] {"Constraints", "ALLOW_", "Feature", "`", "\n", "JsonRead", "code 39"}) {
            assertFalse(m.contains(jackson), "'" + jackson + "' in: " + m);
        }
    }
}
