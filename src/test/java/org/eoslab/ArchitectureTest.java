package org.eoslab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's shape, checked on the compiled classes and the sources: the model, numerics, run, config and
 * export packages never touch JavaFX or ChartFX; the packages form layers with no cycles; the UI reads
 * snapshots and never an engine's matrices; no main source file over 400 lines, no method over 60.
 */
class ArchitectureTest {
    static final String BASE = "org.eoslab";
    static final int MAX_FILE_LINES = 400;
    static final int MAX_METHOD_LINES = 60;

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    /** The rule the first test checks, also run by {@link #theDisplayRuleCatchesAForbiddenImport}. */
    static ArchRule headlessPackagesStayHeadless() {
        return noClasses().that().resideInAnyPackage(BASE + ".engine..", BASE + ".numerics..", BASE + ".metrics..",
                        BASE + ".run..", BASE + ".config..", BASE + ".export..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", BASE + ".ui..")
                .because("all math and every run must work, and be tested, without a display");
    }

    @Test
    void modelNumericsRunConfigAndExportNeverImportJavaFxOrChartFx() {
        headlessPackagesStayHeadless().check(classes);
    }

    @Test
    void packagesFormLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy(BASE + ".config..")
                .layer("numerics").definedBy(BASE + ".numerics..")
                .layer("engine").definedBy(BASE + ".engine..")
                .layer("metrics").definedBy(BASE + ".metrics..")
                .layer("run").definedBy(BASE + ".run..")
                .layer("export").definedBy(BASE + ".export..")
                .layer("ui").definedBy(BASE + ".ui..")
                .layer("cli").definedBy(BASE + ".cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("export").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("run").mayOnlyBeAccessedByLayers("export", "ui", "cli")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("run", "export", "ui", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("metrics", "run", "cli")
                .whereLayer("numerics").mayOnlyBeAccessedByLayers("engine", "metrics", "run", "cli")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * Nothing in the window or the commands asks which network it is showing: only the two factories name the ReLU
     * network (the window's workbenches, the command line's runs) and the model switch, whose items are views;
     * everything else goes through a {@code Workbench} or a view's {@code networks()}.
     */
    @Test
    void onlyTheFactoriesNameTheReluNetwork() {
        noClasses().that().resideInAnyPackage(BASE + ".ui..", BASE + ".cli..")
                .and().doNotHaveFullyQualifiedName(BASE + ".ui.Workbenches")
                .and().doNotHaveFullyQualifiedName(BASE + ".cli.CliNetworks")
                .and().doNotHaveFullyQualifiedName(BASE + ".ui.Model")
                .should().accessField(org.eoslab.config.View.class, "MLP")
                .orShould().accessField(org.eoslab.config.Network.class, "MLP")
                .because("a view, menu or export that branched on the network would drift from the other network's")
                .check(classes);
    }

    /** No two classes of the UI need each other (nested classes count as their outer class). */
    @Test
    void noClassCyclesInsideTheUi() {
        slices().assignedFrom(new com.tngtech.archunit.library.dependencies.SliceAssignment() {
            @Override
            public com.tngtech.archunit.library.dependencies.SliceIdentifier getIdentifierOf(com.tngtech.archunit.core.domain.JavaClass c) {
                if (!c.getPackageName().startsWith(BASE + ".ui")) return com.tngtech.archunit.library.dependencies.SliceIdentifier.ignore();
                String name = c.getName();
                int nested = name.indexOf('$');
                return com.tngtech.archunit.library.dependencies.SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
            }

            @Override
            public String getDescription() { return "top-level classes of ui"; }
        }).should().beFreeOfCycles().check(classes);
    }

    @Test
    void theUiReadsSnapshotsNeverEngineMatrices() {
        noClasses().that().resideInAPackage(BASE + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".engine..", BASE + ".numerics..", "org.ejml..")
                .because("the engine thread owns every matrix; the UI sees immutable snapshots and history rows")
                .check(classes);
    }

    /** The display rule is not vacuous: a class of a headless package that imports JavaFX breaks it. */
    @Test
    void theDisplayRuleCatchesAForbiddenImport() {
        JavaClasses offender = new ClassFileImporter().importClasses(org.eoslab.run.ForbiddenImportFixture.class);
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> headlessPackagesStayHeadless().check(offender));
        assertTrue(e.getMessage().contains("javafx.scene.control.Label"), e.getMessage());
    }

    @Test
    void noMainSourceFileOver400LinesNoMethodOver60() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                if (lines.size() > MAX_FILE_LINES) problems.add(f + ": " + lines.size() + " lines");
                problems.addAll(longMethods(f, lines));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theMethodLengthCheckSeesALongMethod() {
        List<String> body = new ArrayList<>(List.of("class A {", "    void m() {"));
        for (int i = 0; i < MAX_METHOD_LINES; i++) body.add("        x();");
        body.add("    }");
        body.add("}");
        assertEquals(1, longMethods(Path.of("A.java"), body).size());
        assertEquals(0, longMethods(Path.of("A.java"), body.subList(0, 10)).size());
    }

    /** A method or constructor head at 4 or 8 spaces; its length runs to the closing brace at that indent. */
    private static final Pattern METHOD_START = Pattern.compile(
            "^( {4}| {8})(?=\\S)(?!(if|for|while|switch|try|catch|else|do|return|new|synchronized|throw)\\b)"
                    + "[\\w<>\\[\\], ?.@]*\\w+\\s*\\(.*");

    static List<String> longMethods(Path file, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            var m = METHOD_START.matcher(lines.get(i));
            if (!m.matches()) continue;
            int head = i;                                   // a head may span lines: up to "{" (a body) or ";" (none)
            while (head < lines.size() && !lines.get(head).contains(";") && !lines.get(head).stripTrailing().endsWith("{")) head++;
            if (head == lines.size() || !lines.get(head).stripTrailing().endsWith("{") || lines.get(head).contains(";")) continue;
            String closing = m.group(1) + "}";
            int end = head + 1;
            while (end < lines.size() && !lines.get(end).equals(closing)) end++;
            int length = end - i + 1;
            if (length > MAX_METHOD_LINES) out.add(file + ":" + (i + 1) + ": method of " + length + " lines");
        }
        return out;
    }
}
