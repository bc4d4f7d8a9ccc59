package org.eoslab.cli;

import java.io.PrintStream;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.export.ExportException;

/**
 * The launcher (deliberately not a JavaFX {@code Application}, so the shaded jar starts on the class
 * path). No arguments, or only app options, start the visualizer; a command word runs headless.
 */
public final class Main {
    static final String USAGE = """
            usage: eos-lab [--preset FILE]          start the visualizer
                   eos-lab [--session] FILE.eoslab   start it on a saved session (what opening the file does)
                   eos-lab run [options] --out DIR   one headless run -> trajectory.csv, run.json
                   eos-lab sweep [options] --eta-from A --eta-to B --eta-count N --out DIR
                                                     bifurcation diagram as CSV
                   eos-lab render --preset FILE [--view V] --out DIR
                                                     a preset's panels and its own view as PNG, no display needed
                   eos-lab bench [options]           throughput, side by side with NumPy
                   eos-lab <command> --help          options of a command
            """;

    private Main() {}

    public static void main(String[] args) {
        int code = execute(args, System.out, System.err);
        if (code >= 0) System.exit(code);
    }

    /** Runs a command; returns its exit code, or −1 when the app was started (the JVM keeps running). */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "app" : args[0];
        try {
            return switch (command) {
                case "run" -> RunCommand.execute(args, out, err);
                case "bench" -> BenchCommand.execute(args, out, err);
                case "sweep" -> SweepCommand.execute(args, out, err);
                case "render" -> RenderCommand.execute(args, out, err);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    if (command.equals("app") || command.startsWith("--")) {
                        AppLauncher.launch(args);
                        yield -1;
                    }
                    if (args.length == 1 && command.toLowerCase(java.util.Locale.ROOT).endsWith(AppLauncher.SESSION_SUFFIX)) {
                        AppLauncher.launch(new String[] {"--session", command});   // a session opened from the desktop
                        yield -1;
                    }
                    throw new UsageException("unknown command '" + command + "'; the commands are run, sweep, render and "
                            + "bench, or --preset FILE to start the app (eos-lab --help)");
                }
            };
        } catch (UsageException | InvalidParameterException | ExportException e) {
            err.println("eos-lab " + command + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("eos-lab " + command + ": interrupted");
            return 130;
        }
    }
}
