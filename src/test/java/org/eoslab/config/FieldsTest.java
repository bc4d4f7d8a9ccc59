package org.eoslab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each parameter's descriptor is what validation enforces: a value just outside a field's range, set in the
 * record's JSON, is refused naming that field and the range the descriptor states; the bound itself is accepted.
 */
class FieldsTest {
    static Stream<Arguments> fields() {
        Function<ObjectNode, RunParameters> linear = n -> Presets.json().convertValue(n, Parameters.class).validate();
        Function<ObjectNode, RunParameters> relu = n -> Presets.json().convertValue(n, MlpParameters.class).validate();
        ObjectNode linearDefaults = Presets.json().valueToTree(Parameters.defaults());
        // on a data file of its own (validation checks its name only): a shipped set would cap the samples at its size
        ObjectNode reluDefaults = Presets.json().valueToTree(MlpParameters.defaults().withData("/data/train-images-idx3-ubyte"));
        return Stream.concat(
                Fields.LINEAR.stream().map(f -> Arguments.of("linear " + f.key(), f, linearDefaults, linear)),
                Fields.RELU.stream().map(f -> Arguments.of("relu " + f.key(), f, reluDefaults, relu)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void validationRefusesJustOutsideTheDescribedRange(String name, Field f, ObjectNode defaults,
                                                       Function<ObjectNode, RunParameters> validate) {
        if (f.range().startsWith("any")) return;                        // the seed: every value is a seed
        ObjectNode below = defaults.deepCopy();
        if (f.whole()) below.put(f.key(), (long) f.min() - 1);
        else below.put(f.key(), f.min());                               // the excluded bound itself
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> validate.apply(below));
        assertEquals(f.key(), e.field(), e.getMessage());
        if (!f.whole()) {                                                // a real field refuses ∞ whatever its max
            ObjectNode infinite = defaults.deepCopy();
            infinite.put(f.key(), Double.POSITIVE_INFINITY);
            assertThrows(InvalidParameterException.class, () -> validate.apply(infinite), f.key() + " = ∞");
        }
        String stated = f.whole() ? "[" + (long) f.min() + ", " : "must be positive and finite";
        assertTrue(e.problem().contains(stated), e.problem() + " states " + stated);
        if (f.whole() && f.max() < Integer.MAX_VALUE && !List.of("rank", "top").contains(f.key())) {
            ObjectNode at = defaults.deepCopy();
            at.put(f.key(), (long) f.max());
            ObjectNode above = defaults.deepCopy();
            above.put(f.key(), (long) f.max() + 1);
            InvalidParameterException over = assertThrows(InvalidParameterException.class, () -> validate.apply(above));
            assertTrue(over.problem().endsWith(", " + (long) f.max() + "]"), over.problem());
            try {
                validate.apply(at);
            } catch (InvalidParameterException other) {
                assertTrue(!other.field().equals(f.key()), "the bound " + (long) f.max() + " is allowed: " + other.getMessage());
            }
        }
    }

    /** A field marked live is one whose change leaves the problem the same (no restart); every other change restarts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void exactlyTheLiveFieldsLeaveTheProblemTheSame(String name, Field f, ObjectNode defaults,
                                                    Function<ObjectNode, RunParameters> validate) {
        RunParameters before = validate.apply(defaults);
        ObjectNode changed = defaults.deepCopy();
        double v = changed.get(f.key()).asDouble();
        if (f.whole()) changed.put(f.key(), (long) (v == f.max() ? v - 1 : v + 1));
        else changed.put(f.key(), 1.5 * v);
        Class<? extends RunParameters> type = before.getClass();
        RunParameters after = Presets.json().convertValue(changed, type);   // not validated: rank 4 of 3 values is fine here
        assertEquals(f.live(), before.sameProblemAs(after), f.key() + (f.live() ? " is live" : " restarts"));
    }
}
