package org.eoslab.engine;

import java.nio.file.Path;
import org.eoslab.config.MatrixFile;
import org.eoslab.config.Parameters;
import org.eoslab.numerics.Seeds;

/** Builds the target of a parameter set: from its file, or random from its seed and spectrum. */
public final class Targets {
    private Targets() {}

    public static Target of(Parameters p) {
        if (p.targetFile() != null) {
            return Target.fromMatrix(MatrixFile.read(org.eoslab.config.InputFiles.path("targetFile", p.targetFile())), p.rank());
        }
        return Target.random(p.width(), p.singularValues(), p.symmetric(), Seeds.stream(p.seed(), Seeds.TARGET));
    }
}
