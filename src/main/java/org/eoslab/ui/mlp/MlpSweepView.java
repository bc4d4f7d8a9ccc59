package org.eoslab.ui.mlp;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Messages;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.View;
import org.eoslab.export.MlpSweepFiles;
import org.eoslab.export.MlpSweepPlot;
import org.eoslab.export.PngWriter;
import org.eoslab.run.MlpSweep;
import org.eoslab.run.MlpSweepJob;
import org.eoslab.run.cells.CellProgress;
import org.eoslab.ui.view.LiveView;
import static org.eoslab.ui.controls.FormFields.count;
import static org.eoslab.ui.controls.FormFields.field;
import static org.eoslab.ui.controls.FormFields.format;
import static org.eoslab.ui.controls.FormFields.number;

/**
 * The ReLU network swept over η (and seeds), as {@code sweep --model mlp} does: each cell a full run of the network
 * the ReLU controls describe, computed on every core in the background, its row in the plot as soon as it finishes;
 * cancellable (finished cells stay); the rows, spec and picture saved to a folder as the command writes them.
 */
public final class MlpSweepView extends BorderPane implements LiveView {
    private final Supplier<MlpParameters> network;
    private final Supplier<Node> side;
    private final TextField etaFrom = field("mlp-sweep-eta-from", 6);
    private final TextField etaTo = field("mlp-sweep-eta-to", 6);
    private final TextField etaCount = field("mlp-sweep-eta-count", 4);
    private final TextField seeds = field("mlp-sweep-seeds", 8);
    private final Button sweep = new Button("Sweep");
    private final Button cancel = new Button("Cancel");
    private final Button save = new Button("Save…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Sweep runs the network on the left once per η and seed.");
    private final ImageView image = new ImageView();
    private MlpSweepJob job;
    private List<MlpSweep.Row> shown = List.of();
    private MlpSweep.Spec shownSpec;
    private volatile boolean ended = true;

    /**
     * @param network the ReLU controls' draft: the network each cell runs
     * @param side the ReLU network's side controls
     */
    public MlpSweepView(Supplier<MlpParameters> network, Supplier<Node> side) {
        this.network = network;
        this.side = side;
        setId("mlp-sweep-view");
        sweep.setId("mlp-sweep-start");
        cancel.setId("mlp-sweep-cancel");
        save.setId("mlp-sweep-save");
        status.setId("mlp-sweep-status");
        status.getStyleClass().add("readout");
        status.setWrapText(true);
        cancel.setDisable(true);
        save.setDisable(true);
        sweep.setOnAction(e -> start());
        cancel.setOnAction(e -> cancel());
        save.setOnAction(e -> chooseFolder());
        FlowPane bar = new FlowPane(8, 6, new Label("η from"), etaFrom, new Label("to"), etaTo, new Label("count"), etaCount,
                new Label("seeds"), seeds, sweep, cancel, save, progress);
        bar.setPadding(new Insets(6, 10, 2, 10));
        status.setPadding(new Insets(0, 10, 4, 10));
        setTop(new VBox(bar, status));
        image.setPreserveRatio(true);
        StackPane canvas = new StackPane(image);
        StackPane.setAlignment(image, javafx.geometry.Pos.TOP_CENTER);
        canvas.setMinSize(200, 200);
        image.fitWidthProperty().bind(canvas.widthProperty().subtract(10));
        image.fitHeightProperty().bind(canvas.heightProperty().subtract(10));
        setCenter(canvas);
    }

    @Override public View name() { return View.MLP_SWEEP; }

    @Override public String title() { return "ReLU sweep"; }

    @Override public Node content() { return this; }

    @Override public Node picture() { return getCenter(); }

    @Override public Node sideControls() { return side.get(); }

    /** First shown: η from half to twice the controls' η, six values, seed 1. Nothing runs until Sweep. */
    @Override
    public void onShown() {
        if (!etaFrom.getText().isBlank()) return;
        double eta = network.get().eta();
        etaFrom.setText(format(eta / 2));
        etaTo.setText(format(2 * eta));
        etaCount.setText("6");
        seeds.setText(Long.toString(network.get().seed()));
    }

    /** Starts the sweep the fields and the ReLU controls describe; a bad field is named with its range, nothing runs. */
    public void start() {
        MlpSweep.Spec spec;
        try {
            spec = spec();
        } catch (InvalidParameterException e) {
            status.setText(e.getMessage());
            return;
        }
        start(spec);
    }

    /** Starts {@code spec} on every core (a running sweep is cancelled first). */
    public void start(MlpSweep.Spec spec) {
        if (job != null) job.cancel();
        job = MlpSweepJob.start(spec, Runtime.getRuntime().availableProcessors());
        ended = false;
        shown = List.of();
        shownSpec = spec;
        sweep.setDisable(true);
        cancel.setDisable(false);
        save.setDisable(true);
        redraw(shown);                                                 // the frame over the whole η range, no cells yet
        status.setText("sweeping " + spec.cells().size() + " cells on " + job.where() + "…");
    }

    MlpSweep.Spec spec() {
        MlpParameters base = network.get().validate();
        double from = number(etaFrom, "η from");
        double to = number(etaTo, "η to");
        if (!(from > 0)) throw new InvalidParameterException("η from", from + " must be positive");
        if (!(to >= from)) throw new InvalidParameterException("η to", to + " must be ≥ η from (" + from + ")");
        int count = count(etaCount, "count", 1, 200);
        return new MlpSweep.Spec(base, org.eoslab.run.Sweep.linspace(from, to, count), seedList(), new int[] {base.depth()});
    }

    private long[] seedList() {
        String text = seeds.getText() == null ? "" : seeds.getText().strip();
        try {
            long[] v = java.util.Arrays.stream(text.split(",", -1)).mapToLong(s -> Long.parseLong(s.strip())).toArray();
            if (v.length > 20 || java.util.Arrays.stream(v).distinct().count() < v.length) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("seeds", Messages.quote(text) + " must be 1 to 20 different whole numbers separated by commas");
        }
    }

    public void cancel() {
        if (job != null) job.cancel();
    }

    @Override
    public void frame(long budgetNanos, boolean shownNow) {
        if (job == null || ended) return;
        boolean running = job.running();                               // before the rows: a finished job has them all
        List<MlpSweep.Row> rows = job.rows();
        CellProgress p = job.progress();
        progress.setProgress(p.done() / (double) p.total());
        if (rows.size() != shown.size() && shownNow) redraw(rows);
        if (running) {
            status.setText(p.line(job.where()));
            return;
        }
        redraw(rows);
        sweep.setDisable(false);
        cancel.setDisable(true);
        save.setDisable(rows.isEmpty());
        status.setText(endText(rows.size(), p));
        ended = true;                                                  // last: the view is done when it says so
    }

    private String endText(int rows, CellProgress p) {
        Throwable error = job.finished().handle((v, e) -> e).getNow(null);
        if (error != null) return "the sweep failed: " + Messages.clean(String.valueOf(error.getCause() != null ? error.getCause().getMessage() : error.getMessage()));
        String cells = rows + " of " + p.total() + " cells";
        return job.cancelled() ? "cancelled: " + cells + " finished (shown; Save keeps them)"
                : "swept " + cells + " on " + job.where() + " in " + CellProgress.duration(p.elapsedSeconds());
    }

    private void redraw(List<MlpSweep.Row> rows) {
        shown = rows;
        image.setImage(org.eoslab.ui.chart.AwtImages.toFx(MlpSweepPlot.render(shownSpec, rows)));
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save the sweep: mlp-sweep.csv, mlp-sweep.png and mlp-sweep.json");
        java.io.File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) saveTo(dir.toPath());
    }

    /** The rows finished (sorted), the picture and the spec, as the command writes them; a failure is said, not thrown. */
    public boolean saveTo(Path dir) {
        try {
            org.eoslab.export.AtomicFiles.requireWritableDirectory(dir, "folder");
            MlpSweepFiles.writeSpec(dir, shownSpec);
            MlpSweepFiles.writeSorted(dir, shown);
            PngWriter.write(MlpSweepPlot.render(shownSpec, shown), null, 1, dir.resolve("mlp-sweep.png"));
            status.setText("saved " + shown.size() + " cells to " + dir.resolve(MlpSweepFiles.CSV) + ", mlp-sweep.png and "
                    + MlpSweepFiles.SPEC + (shown.size() < shownSpec.cells().size() ? " (finish it with: eos-lab sweep --model mlp --resume " + dir + ")" : ""));
            return true;
        } catch (RuntimeException e) {
            status.setText("could not save the sweep: " + Messages.clean(e.getMessage()));
            return false;
        }
    }

    /** Tests: the rows shown, the status line, the running job. */
    public List<MlpSweep.Row> shownRows() { return shown; }

    public String statusText() { return status.getText(); }

    public boolean busy() { return job != null && !ended; }

    @Override public boolean caughtUp() { return !busy(); }
}
