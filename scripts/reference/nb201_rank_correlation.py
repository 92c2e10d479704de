#!/usr/bin/env python3
"""Kendall tau-b and Spearman rho between NB201 columns, read straight from naslab's shipped tables.

Usage: scripts/reference/nb201_rank_correlation.py INDEX...
       scripts/reference/nb201_rank_correlation.py --zero-cost PROXY
  INDEX: official NB201 cell indices (0..15624), repeats allowed, as `a.index` prints them.

Reads Sources/NASBenchmarks/Resources/nb201_{12epoch,val200}.ncs.gz with its own NCS1 decoder (the
format pack_nb201.py writes) and prints, with SciPy's `kendalltau` (variant b) and `spearmanr`, the
rank correlation of CIFAR-10 12-epoch validation accuracy with 200-epoch validation accuracy (mean
over seeds) over the given cells: the reference for `correlate(nb201(dataset: "cifar10", epochs: 12),
nb201(dataset: "cifar10"), archs)` in Tests/NASLanguageTests/Scripts/analysis/analysis_correlate.nas.
Also prints the same over all 15,625 cells. With --zero-cost, correlates instead NASLib's PROXY score
(naslib_zc_nasbench201_cifar10.csv.gz) with the 200-epoch validation accuracy over NASLib's 491 cells.
"""
import csv
import io
import gzip
import os
import struct
import sys

import scipy
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESOURCES = os.path.join(ROOT, "Sources/NASBenchmarks/Resources")
WIDTHS = {"i8": (1, "b"), "i16": (2, "h"), "i32": (4, "i"), "i64": (8, "q")}


def read_store(name):
    """An NCS1 store as {column: list of floats (None where missing) or strings}."""
    with open(os.path.join(RESOURCES, name), "rb") as f:
        blob = gzip.decompress(f.read())
    assert blob[:4] == b"NCS1", name
    (length,) = struct.unpack("<I", blob[4:8])
    head = blob[8:8 + length].decode("utf-8").splitlines()
    rows = int(head[0].split("\t")[1])
    pos, columns = 8 + length, {}
    for line in head[1:]:
        column, kind, scale = line.split("\t")
        if kind == "str":
            (size,) = struct.unpack("<I", blob[pos:pos + 4])
            columns[column] = blob[pos + 4:pos + 4 + size].decode("utf-8").split("\n")
            pos += 4 + size
            continue
        width, code = WIDTHS[kind.rstrip("s")]
        raw = blob[pos:pos + rows * width]
        if kind.endswith("s"):  # byte planes back to little-endian integers
            planes = [raw[p * rows:(p + 1) * rows] for p in range(width)]
            raw = bytes(planes[p][i] for i in range(rows) for p in range(width))
        ints = struct.unpack("<%d%s" % (rows, code), raw)
        minimum = -(1 << (8 * width - 1))
        columns[column] = [None if v == minimum else v / 10 ** int(scale) for v in ints]
        pos += rows * width
    return columns


def zero_cost(proxy, long):
    with open(os.path.join(RESOURCES, "naslib_zc_nasbench201_cifar10.csv.gz"), "rb") as f:
        rows = list(csv.DictReader(io.StringIO(gzip.decompress(f.read()).decode("utf-8"))))
    x, y = [float(r[proxy]) for r in rows], [long[int(r["nb201_index"])] for r in rows]
    print("%s vs 200-epoch accuracy: n %d, tau %.17g, rho %.17g"
          % (proxy, len(x), stats.kendalltau(x, y).statistic, stats.spearmanr(x, y).statistic))


def main():
    if sys.argv[1:2] == ["--zero-cost"]:
        return zero_cost(sys.argv[2], read_store("nb201_val200.ncs.gz")["c10_val_acc_mean"])
    short = read_store("nb201_12epoch.ncs.gz")["c10_valid_val_acc_12ep"]
    long = read_store("nb201_val200.ncs.gz")["c10_val_acc_mean"]
    print("scipy", scipy.__version__)
    indices = [int(i) for i in sys.argv[1:]]
    for label, cells in (("given cells", indices), ("all cells", range(len(long)))):
        if not cells:
            continue
        x, y = [short[i] for i in cells], [long[i] for i in cells]
        print("%s: n %d, tau %.17g, rho %.17g" % (label, len(x), stats.kendalltau(x, y).statistic, stats.spearmanr(x, y).statistic))


if __name__ == "__main__":
    main()
