package org.eoslab.run;

import javafx.scene.control.Label;

/** Breaks the display rule on purpose: {@code ArchitectureTest} shows on it that the rule is not vacuous. */
public final class ForbiddenImportFixture {
    private ForbiddenImportFixture() {}

    static Label label() {
        return new Label("a run that draws");
    }
}
