package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A scenario file (presets/*.json): a title, a few sentences shown in the app, every engine parameter,
 * which panels to show and which view to open, and what the viewer should see ({@link Expectation}s, checked
 * by the tests). Versioned by {@code schema}.
 *
 * @param network which network {@code run --preset} runs (null: the linear one)
 * @param mlp the ReLU network's parameters (null: its defaults); the app loads them into its tab
 * @param panels the training panels to show (empty: all)
 * @param view the tab to open (null: training)
 * @param mlpExpect what the ReLU network's run must show
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schema", "title", "description", "network", "parameters", "mlp", "panels", "view", "expect", "mlpExpect"})
public record Preset(int schema, String title, String description, Network network, Parameters parameters,
                     MlpParameters mlp, List<Panel> panels, View view, List<Expectation> expect,
                     List<MlpExpectation> mlpExpect) {
    public static final int SCHEMA = 1;

    public Preset {
        panels = panels == null ? List.of() : List.copyOf(panels);
        if (panels.size() != new java.util.HashSet<>(panels).size()) {
            throw new InvalidParameterException("panels", "lists a panel twice; each of the " + Panel.values().length
                    + " panels may appear once");
        }
        expect = expect == null ? List.of() : List.copyOf(expect);
        mlpExpect = mlpExpect == null ? List.of() : List.copyOf(mlpExpect);
    }

    /** The same preset with another ReLU network (null: none). */
    public Preset withMlp(MlpParameters m) {
        return new Preset(schema, title, description, network, parameters, m, panels, view, expect, mlpExpect);
    }

    /** The same preset with other linear-network parameters. */
    public Preset withParameters(Parameters p) {
        return new Preset(schema, title, description, network, p, mlp, panels, view, expect, mlpExpect);
    }

    public static Preset of(String title, String description, Parameters parameters) {
        return new Preset(SCHEMA, title, description, null, parameters, null, List.of(), null, List.of(), List.of());
    }

    /** A linear-network preset with these panels and view, and no promises (saving the app's state). */
    public static Preset of(String title, String description, Parameters parameters, List<Panel> panels, View view) {
        return new Preset(SCHEMA, title, description, null, parameters, null, panels, view, List.of(), List.of());
    }

    /** The network {@code run --preset} runs: the ReLU network's presets say so, every other is linear. */
    public Network networkOrDefault() {
        return network == null ? Network.DLN : network;
    }

    /** The parameters this preset gives a network: the linear network's, or its ReLU network (the defaults if none). */
    public RunParameters parametersOf(Network n) {
        return n == Network.MLP ? mlpOrDefault() : parameters;
    }

    /** The parameters of the network the preset is about. */
    public RunParameters ownParameters() { return parametersOf(networkOrDefault()); }

    /** The ReLU network's parameters: the preset's, merged over the defaults, or the defaults. */
    public MlpParameters mlpOrDefault() {
        return mlp == null ? MlpParameters.defaults() : mlp;
    }

    /**
     * Whether the preset sets up every network {@code v} draws (the linear network always; the ReLU network if given).
     * A ReLU sweep is never a preset's: it is computed on request, minutes per cell.
     */
    public boolean hasDataFor(View v) {
        return v != View.MLP_SWEEP && v.networks().stream().allMatch(n -> n != Network.MLP || mlp != null);
    }

    /** The view to open, the training view by default. */
    public View viewOrDefault() {
        return view == null ? View.TRAINING : view;
    }
}
