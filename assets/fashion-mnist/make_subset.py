#!/usr/bin/env python3
"""Rebuilds EOS Lab's Fashion-MNIST subset from Debian's dataset-fashion-mnist package.

    apt-get install dataset-fashion-mnist
    python3 assets/fashion-mnist/make_subset.py [--count 20000]

Writes the first COUNT training images and labels, unchanged, as MNIST-format IDX files (gzip):
assets/fashion-mnist/train-20k-images-idx3-ubyte.gz and train-20k-labels-idx1-ubyte.gz.
"""
import argparse
import gzip
import os
import struct

SOURCE = "/usr/share/datasets/fashion-mnist"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--source", default=SOURCE)
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    with gzip.open(os.path.join(args.source, "train-images-idx3-ubyte.gz")) as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        assert magic == 2051 and n >= args.count, (magic, n)
        images = f.read(args.count * rows * cols)
    with gzip.open(os.path.join(args.source, "train-labels-idx1-ubyte.gz")) as f:
        magic, n = struct.unpack(">II", f.read(8))
        assert magic == 2049 and n >= args.count, (magic, n)
        labels = f.read(args.count)
    tag = "%dk" % (args.count // 1000)
    with gzip.GzipFile(os.path.join(here, "train-%s-images-idx3-ubyte.gz" % tag), "wb", mtime=0) as f:
        f.write(struct.pack(">IIII", 2051, args.count, rows, cols) + images)
    with gzip.GzipFile(os.path.join(here, "train-%s-labels-idx1-ubyte.gz" % tag), "wb", mtime=0) as f:
        f.write(struct.pack(">II", 2049, args.count) + labels)


if __name__ == "__main__":
    main()
