package org.eoslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.eoslab.config.Field;
import org.eoslab.config.Fields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run options of both networks are their descriptors': each is listed in the help with the descriptor's range,
 * and a value outside it is refused naming the option, before anything runs.
 */
class DescribedOptionsTest {
    static Stream<Arguments> options() {
        return Stream.concat(Fields.LINEAR.stream().map(f -> Arguments.of("dln", f)),
                Fields.RELU.stream().map(f -> Arguments.of("mlp", f)));
    }

    @ParameterizedTest(name = "{0} --{1}")
    @MethodSource("options")
    void eachOptionIsDescribedAndRefusedByItsField(String model, Field f) {
        RunCommandTest.Result help = RunCommandTest.run("run", "--model", model, "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().lines().anyMatch(l -> l.trim().startsWith("--" + f.option() + " " + f.hint())
                && l.contains(f.range())), "--" + f.option() + " with " + f.range() + " in:\n" + help.out());
        if (f.range().startsWith("any")) return;
        String bad = f.whole() ? Long.toString((long) f.min() - 1) : "0";
        RunCommandTest.Result r = RunCommandTest.run("run", "--model", model, "--" + f.option(), bad, "--out", "target/never");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--" + f.option() + ": " + bad), r.err());
        assertTrue(List.of(r.err().split("\n")).stream().noneMatch(l -> l.contains("Exception")), r.err());
    }
}
