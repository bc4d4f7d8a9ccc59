package org.eoslab.export;

import java.nio.file.Path;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Network;
import org.eoslab.config.Parameters;
import org.eoslab.config.Presets;
import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.MlpColumns;

/**
 * What a session file needs to know of one network: the type of its parameters, the layout of its rows, and bounds
 * on its weights and target values, so that every entry's size is checked before it is read.
 *
 * @param <P> the parameters of the network
 */
public interface SessionCodec<P extends RunParameters> {
    Network network();

    Class<P> type();

    Layout columns(P p);

    /** At most this many bytes of weights (state.bin) for a run of {@code p}. */
    long stateBytes(P p);

    /** At most this many target singular values σ*_i for a run of {@code p} (none for a network fitting data). */
    int targetValues(P p);

    /** The parameters as read from {@code file}: relative file names are resolved next to it. */
    P resolve(P p, Path file);

    /** The deep linear network: L blocks of d² (dense) or r blocks of L (reduced); σ* of rank r. */
    static SessionCodec<Parameters> linear() {
        return new SessionCodec<>() {
            @Override public Network network() { return Network.DLN; }

            @Override public Class<Parameters> type() { return Parameters.class; }

            @Override public Layout columns(Parameters p) { return Columns.of(p); }

            @Override
            public long stateBytes(Parameters p) {
                long d = p.width();
                long blocks = Math.max(p.depth(), p.rank());
                return 4 + blocks * 4 + 8 * Math.max(p.depth() * d * d, (long) p.rank() * p.depth());
            }

            @Override public int targetValues(Parameters p) { return p.rank(); }

            @Override public Parameters resolve(Parameters p, Path file) { return Presets.resolveFiles(p, file); }
        };
    }

    /**
     * The ReLU network: a weight matrix and a bias vector per layer. The input width is the data's (not in the
     * parameters), so the weights are bounded by a quarter of the heap rather than by the shape.
     */
    static SessionCodec<MlpParameters> relu() {
        return new SessionCodec<>() {
            @Override public Network network() { return Network.MLP; }

            @Override public Class<MlpParameters> type() { return MlpParameters.class; }

            @Override public Layout columns(MlpParameters p) { return MlpColumns.of(p); }

            @Override public long stateBytes(MlpParameters p) { return Runtime.getRuntime().maxMemory() / 4; }

            @Override public int targetValues(MlpParameters p) { return 0; }

            @Override public MlpParameters resolve(MlpParameters p, Path file) { return p; }
        };
    }
}
