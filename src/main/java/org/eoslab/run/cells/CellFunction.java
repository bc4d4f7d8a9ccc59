package org.eoslab.run.cells;

import java.io.Serializable;

/**
 * One cell of a sweep as a pure function of its input: what a worker computes, on this machine or on a cluster's
 * executor (so it and its inputs and results are serializable). The same cell gives the same result wherever it
 * runs. A cell that sees its thread interrupted stops and returns null (it was cancelled or killed).
 */
@FunctionalInterface
public interface CellFunction<C extends Serializable, R extends Serializable> extends Serializable {
    R apply(C cell) throws Exception;
}
