package org.eoslab.run.cells;

import java.util.ServiceLoader;

/** The runner a sweep asks for: local threads, or Spark when the Spark module is on the class path. */
public final class CellRunners {
    /** The Spark module's entry point, found with {@link ServiceLoader}. */
    public interface Provider {
        /** A runner on the Spark master {@code master} ("local[*]", "spark://host:7077", "yarn", …). */
        CellRunner open(String master);
    }

    /** What --spark says when the desktop build (which leaves Spark out) is asked for it. */
    public static final String NOT_IN_THIS_BUILD = "Spark is not part of this build (it is kept out of the desktop app);"
            + " run the sweep from the Spark build, eos-lab-spark.jar (see the README, 'Sweeps on a cluster')";

    private CellRunners() {}

    /** The Spark runner for {@code master}; an {@link IllegalArgumentException} saying how to get it when absent. */
    public static CellRunner spark(String master) {
        for (Provider p : ServiceLoader.load(Provider.class)) return p.open(master);
        throw new IllegalArgumentException(NOT_IN_THIS_BUILD);
    }

    /** Whether the Spark module is on the class path. */
    public static boolean sparkAvailable() {
        return ServiceLoader.load(Provider.class).findFirst().isPresent();
    }
}
