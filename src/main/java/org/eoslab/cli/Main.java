package org.eoslab.cli;

import java.io.PrintStream;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Messages;
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
                   eos-lab sweep --model mlp [options] --eta-from A --eta-to B --eta-count N --out DIR
                                                     ReLU network sweep -> mlp-sweep.csv, mlp-sweep.png
                   eos-lab render --preset FILE [--view V] --out DIR
                                                     a preset's panels and its own view as PNG, no display needed
                   eos-lab bench [options]           throughput, side by side with NumPy
                   eos-lab <command> --help          options of a command
            """;

    private Main() {}

    /** The headless commands: any error they do not expect ends the process with one line, not a hung JVM. */
    static final java.util.Set<String> COMMANDS = java.util.Set.of("run", "bench", "sweep", "render");

    /**
     * JavaFX's own warnings, which a user can do nothing about, printed before any message of ours: the class-path
     * start ('Unsupported JavaFX configuration'), and a rule of ChartFX's stylesheet it cannot convert ('withMinor'
     * grid lines, two lines per chart). Held here so the setting is not garbage-collected.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    public static void main(String[] args) {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        String command = args.length == 0 ? "app" : args[0];
        if (COMMANDS.contains(command)) Thread.setDefaultUncaughtExceptionHandler((thread, e) -> fatal(command, e));
        int code;
        try {
            code = execute(args, System.out, System.err);
        } catch (Throwable e) {                                   // out of memory, or a bug: one line, then exit
            if (!COMMANDS.contains(command)) throw e;
            fatal(command, e);
            return;
        }
        if (code >= 0) System.exit(code);
    }

    /**
     * Ends a headless command after an error nobody caught, on any thread (the JavaFX threads of a render would
     * otherwise keep the JVM alive): one line, exit 2 when memory ran out (the input asked for more than this heap),
     * 1 for a bug.
     */
    static void fatal(String command, Throwable e) {
        boolean memory = false;
        for (Throwable c = e; c != null && !memory; c = c.getCause()) memory = c instanceof OutOfMemoryError;
        System.err.println("eos-lab " + command + ": " + (memory
                ? "out of memory (this Java allows " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); start it with a"
                        + " larger -Xmx, or ask for less (fewer steps or frames, a smaller width or scale)"
                : "internal error (a bug, please report it): " + Messages.clean(String.valueOf(e))));
        if (shuttingDown()) Runtime.getRuntime().halt(memory ? 2 : 1);   // exit() from a shutdown hook would wait forever
        System.exit(memory ? 2 : 1);
    }

    /** Whether the JVM is already running its shutdown hooks (a hook's own error must not call exit again). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Runs a command; returns its exit code, or −1 when the app was started (the JVM keeps running). */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "app" : args[0];
        try {
            return switch (command) {
                case "run" -> RunCommand.execute(args, out, err);
                case "bench" -> BenchCommand.execute(args, out, err);
                case "sweep" -> CliNetworks.sweep(args, out, err);
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
                    throw new UsageException("unknown command " + Messages.quote(command) + "; the commands are run, sweep, render and "
                            + "bench, or --preset FILE to start the app (eos-lab --help)");
                }
            };
        } catch (UsageException | InvalidParameterException | ExportException e) {
            err.println("eos-lab " + Messages.clean(command) + ": " + Messages.clean(e.getMessage()));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("eos-lab " + command + ": interrupted");
            return 130;
        }
    }
}
