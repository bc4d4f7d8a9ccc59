package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything that defines a run: the problem (target, depth, init, loss), the optimizer (η) and what to
 * record. Immutable; change it with the {@code with…} helpers. {@link #validate()} checks every field and
 * names the first bad one with its allowed range.
 *
 * <p>The record is the one vocabulary shared by engine, run, UI, presets and the CLI, so it lives in the
 * dependency-free {@code config} package.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"width", "depth", "rank", "singularValues", "symmetric", "targetFile", "alpha", "eta",
        "init", "loss", "seed", "steps", "sharpnessEvery", "top", "engine"})
public record Parameters(
        int width,
        int depth,
        int rank,
        double[] singularValues,
        boolean symmetric,
        String targetFile,
        double alpha,
        double eta,
        Init init,
        LossKind loss,
        long seed,
        long steps,
        int sharpnessEvery,
        int top,
        EngineKind engine) implements RunParameters {

    public static final int MAX_WIDTH = 1000;
    public static final int MAX_DEPTH = 50;
    public static final long MAX_STEPS = 1_000_000_000L;
    /** Singular values recorded per layer when the width allows: the top five of paper Fig. 1. */
    public static final int SHOWN_TOP = 5;

    public Parameters {
        singularValues = singularValues == null ? null : singularValues.clone();
    }

    /**
     * The default scenario: d = 20, L = 3, target spectrum (2, 1.5, 1) with the sum loss. The onsets are
     * η₁ ≈ 0.265, η₂ ≈ 0.389, η₃ = 0.667 (math.md), so η = 0.3 puts σ₁ alone in a period-2 orbit.
     * Sharpness every step, tracked from step to step (one warm Lanczos each): the panel sees both branches of a
     * period-2 orbit, which any even cadence would miss.
     */
    public static Parameters defaults() {
        return new Parameters(20, 3, 3, new double[] {2.0, 1.5, 1.0}, false, null, 0.01, 0.3,
                Init.IDENTITY, LossKind.SUM, 1L, 3000, 1, SHOWN_TOP, EngineKind.DENSE);
    }

    @Override
    public double[] singularValues() {
        return singularValues == null ? null : singularValues.clone();
    }

    /** σ*_i (1-based), without copying the array. */
    public double singularValue(int i) {
        return singularValues[i - 1];
    }

    /** c with loss = (c/2)‖P − M*‖_F² for this width and loss kind. */
    public double lossScale() {
        return loss.scale(width);
    }

    @Override
    public Parameters validate() {
        Fields.WIDTH.check(width);
        Fields.DEPTH.check(depth);
        Fields.RANK.check(rank, width);
        validateSpectrum();
        Fields.ALPHA.check(alpha);
        Fields.ETA.check(eta);
        if (init == null) throw new InvalidParameterException("init", "missing");
        if (loss == null) throw new InvalidParameterException("loss", "missing");
        if (engine == null) throw new InvalidParameterException("engine", "missing");
        Fields.STEPS.check(steps);
        Fields.SHARPNESS_EVERY.check(sharpnessEvery);
        Fields.TOP.check(top, width);
        if (engine == EngineKind.REDUCED && init != Init.IDENTITY) {
            throw new InvalidParameterException("engine",
                    "'reduced' is the Theorem-1 recursion, exact only for init 'identity' (got init '" + init + "')");
        }
        return this;
    }

    private void validateSpectrum() {
        if (singularValues == null || singularValues.length != rank) {
            int n = singularValues == null ? 0 : singularValues.length;
            throw new InvalidParameterException("singularValues",
                    "needs exactly rank r = " + rank + " values, got " + n);
        }
        for (int i = 0; i < rank; i++) {
            double s = singularValues[i];
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new InvalidParameterException("singularValues",
                        "value " + (i + 1) + " is " + s + "; each must be positive and finite");
            }
            if (i > 0 && s > singularValues[i - 1]) {
                throw new InvalidParameterException("singularValues",
                        "must be descending: value " + (i + 1) + " (" + s + ") exceeds value " + i
                                + " (" + singularValues[i - 1] + ")");
            }
        }
    }



    /**
     * Width d, with the singular values recorded per layer following it: min(max(top, {@link #SHOWN_TOP}), d). The
     * one rule for a width change, in the controls, the CLI and the text form; a top given explicitly is validated
     * instead (1..d).
     */
    public Parameters resizedTo(int d) {
        return withWidth(d).withTop(Math.min(Math.max(top, SHOWN_TOP), d));
    }

    public Parameters withWidth(int v) { return new Parameters(v, depth, rank, singularValues, symmetric, targetFile, alpha, eta, init, loss, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withDepth(int v) { return new Parameters(width, v, rank, singularValues, symmetric, targetFile, alpha, eta, init, loss, seed, steps, sharpnessEvery, top, engine); }
    /** Sets r and σ* together (they must agree). */
    public Parameters withSpectrum(double[] v) { return new Parameters(width, depth, v.length, v, symmetric, targetFile, alpha, eta, init, loss, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withRank(int v) { return new Parameters(width, depth, v, singularValues, symmetric, targetFile, alpha, eta, init, loss, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withSymmetric(boolean v) { return new Parameters(width, depth, rank, singularValues, v, targetFile, alpha, eta, init, loss, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withTargetFile(String v) { return new Parameters(width, depth, rank, singularValues, symmetric, v, alpha, eta, init, loss, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withAlpha(double v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, v, eta, init, loss, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withEta(double v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, alpha, v, init, loss, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withInit(Init v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, alpha, eta, v, loss, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withLoss(LossKind v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, alpha, eta, init, v, seed, steps, sharpnessEvery, top, engine); }
    public Parameters withSeed(long v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, alpha, eta, init, loss, v, steps, sharpnessEvery, top, engine); }
    public Parameters withSteps(long v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, alpha, eta, init, loss, seed, v, sharpnessEvery, top, engine); }
    public Parameters withSharpnessEvery(int v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, alpha, eta, init, loss, seed, steps, v, top, engine); }
    public Parameters withTop(int v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, alpha, eta, init, loss, seed, steps, sharpnessEvery, v, engine); }
    public Parameters withEngine(EngineKind v) { return new Parameters(width, depth, rank, singularValues, symmetric, targetFile, alpha, eta, init, loss, seed, steps, sharpnessEvery, top, v); }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Parameters p)) return false;
        return width == p.width && depth == p.depth && rank == p.rank
                && Arrays.equals(singularValues, p.singularValues) && symmetric == p.symmetric
                && Objects.equals(targetFile, p.targetFile)
                && Double.compare(alpha, p.alpha) == 0 && Double.compare(eta, p.eta) == 0
                && init == p.init && loss == p.loss && seed == p.seed && steps == p.steps
                && sharpnessEvery == p.sharpnessEvery && top == p.top && engine == p.engine;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, depth, rank, Arrays.hashCode(singularValues), symmetric, targetFile,
                alpha, eta, init, loss, seed, steps, sharpnessEvery, top, engine);
    }

    @Override
    public String toString() {
        return "Parameters[d=" + width + ", L=" + depth + ", r=" + rank + ", σ*=" + Arrays.toString(singularValues)
                + (symmetric ? ", symmetric" : "") + (targetFile != null ? ", target=" + targetFile : "")
                + ", α=" + alpha + ", η=" + eta + ", init=" + init + ", loss=" + loss + ", seed=" + seed
                + ", steps=" + steps + ", sharpnessEvery=" + sharpnessEvery + ", top=" + top
                + ", engine=" + engine + "]";
    }
}
