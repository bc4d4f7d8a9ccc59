package org.eoslab.cli;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Network;
import org.eoslab.config.Parameters;

/**
 * The command line's one place that knows the networks (as {@code ui.Workbenches} is the window's): for each, the
 * options {@code run} takes and how it starts a run with the report it writes.
 */
final class CliNetworks {
    /**
     * @param name the command as the help and messages name it
     * @param specs its options
     * @param resolve checks the options and returns the run to start once the output folder is known
     * @param helpFooter said after the options in the help
     */
    record Command(String name, List<Options.Spec> specs, Function<Options, Supplier<RunCommand.Setup>> resolve,
                   String helpFooter) {
        Supplier<RunCommand.Setup> resolve(Options o) { return resolve.apply(o); }
    }

    private static final Command LINEAR = new Command("run", RunCommand.SPECS, o -> {
        Parameters p = ParameterOptions.resolve(o);
        return () -> RunCommand.linearSetup(p);
    }, "\n'eos-lab run --model mlp --help' lists the ReLU network's options.\n");

    private static final Command RELU = new Command("run --model mlp", MlpOptions.SPECS, o -> {
        try {
            var p = MlpOptions.resolve(o).validate();
            return () -> RunCommand.mlpSetup(p);
        } catch (InvalidParameterException e) {
            throw MlpOptions.named(e);
        }
    }, "");

    private CliNetworks() {}

    /** {@code sweep}: the ReLU network's sweep for --model mlp (or a ReLU preset), else the linear network's. */
    static int sweep(String[] args, java.io.PrintStream out, java.io.PrintStream err) throws InterruptedException {
        return RunCommand.model(args) == Network.MLP ? MlpSweepCommand.execute(args, out, err) : SweepCommand.execute(args, out, err);
    }

    static Command of(Network n) {
        return n == Network.MLP ? RELU : LINEAR;
    }
}
