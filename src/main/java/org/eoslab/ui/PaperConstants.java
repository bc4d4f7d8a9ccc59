package org.eoslab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The note on where the paper's printed constants differ from what the engine computes (Help menu). */
public final class PaperConstants {
    static final String RESOURCE = "/org/eoslab/ui/paper-constants.txt";

    private PaperConstants() {}

    public static String text() {
        try (InputStream in = PaperConstants.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
