#!/usr/bin/env python3
"""The notebook baseline for EOS Lab's `bench`: one dense GD step of deep matrix factorization in NumPy.

Per step (L layers): the 4L-5 matrix products of the usual gradient (7 for L = 3: prefix products,
suffix products, then S_l^T E R_l^T) plus the singular values of the product P (np.linalg.svd, values
only); and one full-batch GD step of the paper's ReLU MLP. Prints one JSON object: steps/s per (d, L), medians over repeated timed blocks after warm-up.

usage: python3 bench/numpy_reference.py [--sizes 20,50,100,200] [--depths 3,5] [--seconds 0.4]
"""
import argparse
import json
import sys
import time

import numpy as np


def make_problem(d, depth, rng):
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    m = q[:, :3] @ np.diag([2.0, 1.5, 1.0]) @ q[:, :3].T
    w = [0.01 * np.eye(d) for _ in range(depth - 1)] + [np.zeros((d, d))]
    return w, m


def gd_step(w, m, eta, with_svd):
    depth = len(w)
    prefix = [w[0]]                                  # R_{l+1} = W_l ... W_1
    for l in range(1, depth):
        prefix.append(w[l] @ prefix[-1])
    p = prefix[-1]
    e = p - m
    suffix = [None] * depth                          # S_l = W_L ... W_{l+1}
    suffix[depth - 1] = None
    if depth >= 2:
        suffix[depth - 2] = w[depth - 1]
    for l in range(depth - 3, -1, -1):
        suffix[l] = suffix[l + 1] @ w[l + 1]
    grads = []
    for l in range(depth):
        g = e if l == depth - 1 else suffix[l].T @ e
        if l > 0:
            g = g @ prefix[l - 1].T
        grads.append(g)
    for l in range(depth):
        w[l] -= eta * grads[l]
    if with_svd:
        np.linalg.svd(p, compute_uv=False)


def median_rate(op, seconds, blocks=7, warmup=20):
    """Calls of op per second: median over timed blocks of ~seconds/blocks each, after a warm-up."""
    for _ in range(warmup):
        op()
    n = 1
    while True:                                      # block size: ~seconds/blocks per block
        t0 = time.perf_counter()
        for _ in range(n):
            op()
        if time.perf_counter() - t0 > seconds / blocks or n > 1 << 20:
            break
        n *= 2
    rates = []
    for _ in range(blocks):
        t0 = time.perf_counter()
        for _ in range(n):
            op()
        rates.append(n / (time.perf_counter() - t0))
    return float(np.median(rates))


def steps_per_second(d, depth, with_svd, seconds):
    w, m = make_problem(d, depth, np.random.default_rng(1))
    return median_rate(lambda: gd_step(w, m, 0.2, with_svd), seconds)


def mlp_step(w, x, y, c, eta):
    """One full-batch GD step of the paper's ReLU network (section 4.2): forward, backward, update."""
    z, h = [], [x]
    for l in range(len(w) - 1):
        z.append(w[l] @ h[-1])
        h.append(np.maximum(z[-1], 0))
    g = c * (w[-1] @ h[-1] - y)
    for l in range(len(w) - 1, -1, -1):
        grad = g @ h[l].T
        if l > 0:
            g = (w[l].T @ g) * (z[l - 1] > 0)
        w[l] -= eta * grad


def mlp_steps_per_second(n, hidden, depth, seconds):
    """Same shapes as the app's bench: 784 features, n samples, 10 classes, He init, mean-squared loss."""
    rng = np.random.default_rng(3)
    x = rng.random((784, n))
    y = np.eye(10)[rng.integers(0, 10, n)].T
    dims = [784] + [hidden] * (depth - 1) + [10]
    w = [rng.standard_normal((dims[l + 1], dims[l])) * np.sqrt(2.0 / dims[l]) for l in range(depth)]
    return median_rate(lambda: mlp_step(w, x, y, 2.0 / (10 * n), 1e-3), seconds, warmup=2)


def matmul_gflops(d, seconds):
    rng = np.random.default_rng(2)
    a, b = rng.standard_normal((d, d)), rng.standard_normal((d, d))
    return median_rate(lambda: a @ b, seconds) * 2.0 * d ** 3 / 1e9


def blas_name():
    """The BLAS NumPy calls, from its build configuration (NumPy >= 1.26), else 'unknown'."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return "%s %s" % (blas.get("name", "?"), blas.get("version", ""))
    except Exception:
        return "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="20,50,100,200")
    ap.add_argument("--depths", default="3,5")
    ap.add_argument("--seconds", type=float, default=0.4)
    ap.add_argument("--mlp", default="5000,200,4", help="samples,hidden,depth of the MLP step; 'none' skips it")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    depths = [int(s) for s in args.depths.split(",")]
    out = {"numpy": np.__version__, "blas": blas_name(), "steps": [], "matmul": []}
    for depth in depths:
        for d in sizes:
            for with_svd in (True, False):
                out["steps"].append({"d": d, "L": depth, "svd": with_svd,
                                     "steps_per_s": steps_per_second(d, depth, with_svd, args.seconds)})
    for d in sizes:
        out["matmul"].append({"d": d, "gflops": matmul_gflops(d, args.seconds)})
    if args.mlp != "none":
        n, hidden, depth = (int(v) for v in args.mlp.split(","))
        out["mlp"] = {"samples": n, "hidden": hidden, "depth": depth,
                      "steps_per_s": mlp_steps_per_second(n, hidden, depth, args.seconds)}
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
