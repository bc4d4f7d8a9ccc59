package org.eoslab.ui.chart;

import io.fair_acc.dataset.DataSet;
import java.util.function.DoubleUnaryOperator;
import org.eoslab.run.History;

/** One plotted quantity of a panel: fed from history rows, pushed to its ChartFX data set once per frame. */
public interface Series {
    DataSet dataSet();

    /** Reads rows [from, to) of the history. */
    void consume(History h, int from, int to);

    /** Points at another column and re-reads the history (e.g. another layer chosen). */
    void rebind(int column, History h);

    /** Sends this frame's changes to the data set; FX thread. Returns whether anything changed. */
    boolean flush();

    default int pointCount() {
        return dataSet().getDataCount();
    }

    /**
     * False while ChartFX holds a read lock on the data set. A chart locks its data sets in a layout pass
     * and unlocks them in the post-layout pass of a pulse; a layout outside a pulse leaves them locked until
     * the next one, and a write from the FX thread then would wait for itself forever (the lock is not
     * reentrant). Only the FX thread writes, so checking first is race-free; the update waits a frame.
     */
    static boolean writable(DataSet ds) {
        return !(ds.lock() instanceof io.fair_acc.dataset.locks.DefaultDataSetLock<?> lock) || lock.getReaderCount() == 0;
    }

    /** For log axes: values ≤ 0 or below {@code floor} are drawn at {@code floor}. */
    static DoubleUnaryOperator floorAt(double floor) {
        return v -> Double.isNaN(v) ? v : Math.max(v, floor);
    }
}
