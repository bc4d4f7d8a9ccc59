package org.eoslab.ui.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eoslab.config.Network;
import org.eoslab.config.RunParameters;
import org.eoslab.config.View;
import org.eoslab.export.SessionCodec;
import org.eoslab.export.SessionFile;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.run.Pin;
import org.eoslab.run.PinBoard;
import org.eoslab.run.SessionData;
import org.eoslab.ui.controls.ParameterControls;
import org.eoslab.ui.controls.PendingRestart;
import org.eoslab.ui.controls.RunToolbar;

/**
 * Everything the window holds of one network, the same for both: its live engine (started at once, or the first time
 * a view of it is shown), the parameter draft (its controls: η and the sharpness cadence live, the rest a restart),
 * the pins, its panels, and its session codec. Made by the factory ({@code ui.Workbenches}); the views and menus
 * work through it and never ask which network it is. FX thread only, but for the engine it owns.
 *
 * @param <P> the parameters of the network
 */
public final class Workbench<P extends RunParameters> {
    private final View home;
    private final String idPrefix;
    private final Function<P, LiveEngine<P>> engines;
    private final ParameterControls<P> controls;
    private final NetworkPanels<P> panels;
    private final SessionCodec<P> sessions;
    private final Consumer<P> verify;
    private final PendingRestart<P> pending = new PendingRestart<>();
    private final List<Consumer<List<Pin>>> pinViews = new ArrayList<>();
    private final PinBoard pins = new PinBoard(this::showPins);
    private final List<Runnable> onStart = new ArrayList<>();
    private P initial;
    private LiveEngine<P> engine;
    private RunToolbar toolbar;
    private String title;
    private String description;

    /**
     * @param home the view that shows this network's panels
     * @param idPrefix prefix of its node ids ("" or "mlp-")
     * @param engines starts the engine thread on given parameters (playing)
     * @param verify throws, naming the field, when a run of the parameters could not start for a reason found before
     *               any run (a missing target file): checked before the window switches to a session
     */
    public Workbench(View home, String idPrefix, Function<P, LiveEngine<P>> engines, ParameterControls<P> controls,
                     NetworkPanels<P> panels, SessionCodec<P> sessions, Consumer<P> verify) {
        this.home = home;
        this.idPrefix = idPrefix;
        this.engines = engines;
        this.controls = controls;
        this.panels = panels;
        this.sessions = sessions;
        this.verify = verify;
        this.initial = controls.draft();
        controls.setOnEta(v -> engine().setEta(v));
        controls.setOnSharpnessEvery(k -> engine().setSharpnessEvery(k));
        controls.setOnRestart(p -> restart(p, false));
    }

    /** The network, as its session codec names it (sessions and this workbench agree by construction). */
    public Network network() { return sessions.network(); }

    /** The view of this network's panels. */
    public View home() { return home; }

    public ParameterControls<P> controls() { return controls; }

    public NetworkPanels<P> panels() { return panels; }

    public SessionCodec<P> sessions() { return sessions; }

    /** The engine thread, started now if it was not yet. */
    public LiveEngine<P> engine() {
        if (engine == null) {
            engine = engines.apply(initial);
            toolbar = new RunToolbar(idPrefix, engine, this::reset);
            onStart.forEach(Runnable::run);
        }
        return engine;
    }

    /** Runs {@code r} once the engine has started (at once if it has). */
    public void whenStarted(Runnable r) {
        onStart.add(r);
        if (engine != null) r.run();
    }

    public boolean started() { return engine != null; }

    /** View › Central flow for this network (issue 26): the flow from its run's step 0, or none (null). */
    public void setCentralFlow(org.eoslab.run.FlowFollower.Kind kind) { engine().followCentralFlow(kind); }

    /** The central flow asked for, or null (an engine not started has none). */
    public org.eoslab.run.FlowFollower.Kind centralFlow() { return engine == null ? null : engine.centralFlow().kind(); }

    /** The engine's state, or null before it started. */
    public LiveState<P> state() { return engine == null ? null : engine.state(); }

    /** Play, steps, reset, speed and stop-at for this network (starts the engine). */
    public RunToolbar toolbar() {
        engine();
        return toolbar;
    }

    /** Starts the run over from the draft, playing. */
    public void reset() { restart(controls.draft(), true); }

    /** Every restart goes through here: the controls wait for it before showing the engine's parameters again. */
    public void restart(P p, boolean play) {
        pending.sent(p);
        if (engine == null) {                              // the engine's first run is this one
            initial = p;
            engine();
            return;
        }
        engine.restart(p, play);
    }

    /** A preset's parameters and text, shown in the controls and run at once (or on the engine's first start). */
    public void load(P p, String heading, String text) {
        setText(heading, text);
        controls.show(p);
        if (engine == null) initial = p;
        else restart(p, true);
    }

    /** The heading and text this network's run is saved with, shown above its controls. */
    public void setText(String heading, String text) {
        title = heading;
        description = text;
        controls.setPresetText(heading, text);
    }

    /** Starts over from step 0 at learning rate {@code eta}, paused (an animated export drives it). */
    public void replayPaused(double eta) {
        @SuppressWarnings("unchecked") P p = (P) controls.draft().withEta(eta);
        controls.show(p);
        pending.sent(p);
        engine().restartPaused(p);
    }

    /**
     * Once per frame: the engine's parameters are shown in the controls when its run is new ({@code fresh}), unless
     * a restart is on its way or the user is editing (never undo an edit).
     */
    public void follow(LiveState<P> s, boolean fresh) {
        if (pending.settled(s) && fresh && !controls.editing()) controls.show(s.parameters());
    }

    /** Saves the run, its pins and its text as a session; the engine copies its state, a background thread writes. */
    public CompletableFuture<Path> saveSession(Path file) {
        List<Pin> pinned = pins.list();
        return engine().captureSession(title == null ? "" : title, description == null ? "" : description)
                .thenApplyAsync(d -> {
                    SessionFile.save(d.withPins(pinned), sessions.network(), file);
                    return file;
                });
    }

    /** Opens a session of this network: its text, parameters and pins shown, the run continued from its last step. */
    public void open(SessionData<?> saved) {
        SessionData<P> s = typed(saved);
        verify.accept(s.parameters());
        setText(s.title(), s.description());
        controls.show(s.parameters());
        pending.sent(s.parameters());
        engine().resume(s);
        pins.replace(s.pins());
    }

    /** A session read by this network's codec (the window picks the workbench by the session's network). */
    @SuppressWarnings("unchecked")
    private SessionData<P> typed(SessionData<?> s) {
        sessions.type().cast(s.parameters());                 // another network's session fails here, not later
        return (SessionData<P>) s;
    }

    /** Pins the run as it is now (the oldest pin goes when there are already {@link Pin#MAX}). */
    public void pinRun() {
        if (engine != null) pins.add(engine.state());
    }

    public void clearPins() { pins.clear(); }

    public List<Pin> pins() { return pins.list(); }

    /** {@code view} is told of every change of the pins (to draw them, enable its buttons). */
    public void onPins(Consumer<List<Pin>> view) { pinViews.add(view); }

    private void showPins(List<Pin> shown) {
        panels.showPins(shown);
        pinViews.forEach(v -> v.accept(shown));
    }

    public void close() {
        if (engine != null) engine.close();
    }
}
