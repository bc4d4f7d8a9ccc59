package org.eoslab.export;

import java.nio.file.Path;
import org.eoslab.run.Snapshot;

/** Collects what a run's {@code run.json} needs while its rows stream by; one kind per network. */
public interface ReportBuilder {
    void add(Snapshot s);

    /** The report of the run as it stands, {@code seconds} after it started. */
    Report finish(double seconds);

    /** A finished report: the one line a command prints, and the file. */
    interface Report {
        String headline();

        void write(Path file);

        /**
         * Writes the report next to a companion file (the trajectory) so that the pair changes together: the
         * report is staged first, then {@code companion} commits, then the report. If staging fails, neither moves.
         */
        default void writeWith(Path file, AtomicFiles.Commit companion) {
            AtomicFiles.writeJsonWith(file, this, companion);
        }
    }
}
