#!/usr/bin/env python3
"""Packs the NAS-Bench-201, device-latency and NASLib tables of shared/data into naslab's resources.

Usage: scripts/data/pack_nb201.py [SOURCE_DIR] [OUT_DIR]
  SOURCE_DIR defaults to /work/shared/data, OUT_DIR to Sources/NASBenchmarks/Resources.

Output format "NCS1" (naslab column store, version 1), the whole file gzip-compressed:
  4 bytes   magic "NCS1"
  u32 LE    header length H in bytes
  H bytes   UTF-8 header: line 1 "rows<TAB>N"; then one line per column
            "name<TAB>type<TAB>scale" with type one of i8, i16, i32, i64, str.
  then the columns in header order:
    integer column: N little-endian signed integers; the value is int / 10**scale, exactly the
                    decimal written in the source CSV; the type's minimum means "missing".
    str column:     u32 LE byte length L, then L bytes: the N strings joined by "\n".
Integer columns are stored byte-plane shuffled ("shuffle" = all first bytes, then all second bytes,
...) when the header type carries the suffix "s" (i32s, i64s): it compresses much better.

Every value is checked: decoding the packed integer gives back the float the CSV text denotes.
The NASLib zero-cost CSVs are small; they are shipped as gzip-compressed copies of the CSV.
"""
import csv
import gzip
import hashlib
import os
import struct
import sys
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "Sources/NASBenchmarks/Resources")

INT_TYPES = [("i8", 1, "b"), ("i16", 2, "h"), ("i32", 4, "i"), ("i64", 8, "q")]


def read_csv(name):
    with open(os.path.join(SRC, name), newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def decimals(text):
    mantissa = text.lower().split("e")[0]
    return len(mantissa.split(".")[1]) if "." in mantissa else 0


def pack_integer_column(values):
    """Returns (type, scale, bytes) for a column of decimal strings ('' = missing)."""
    present = [v for v in values if v != ""]
    scale = max(decimals(v) for v in present)
    ints = []
    for v in values:
        if v == "":
            ints.append(None)
            continue
        scaled = Decimal(v) * (Decimal(10) ** scale)
        assert scaled == scaled.to_integral_value(), (v, scale)
        n = int(scaled)
        assert float(n) / 10 ** scale == float(v), f"{v} does not round-trip at scale {scale}"
        ints.append(n)
    lo = min(i for i in ints if i is not None)
    hi = max(i for i in ints if i is not None)
    for name, width, code in INT_TYPES:
        minimum = -(1 << (8 * width - 1))
        if lo > minimum and hi < -minimum:
            break
    else:
        raise ValueError("column does not fit in 64 bits")
    raw = struct.pack("<%d%s" % (len(ints), code), *[minimum if i is None else i for i in ints])
    if width == 1:
        return name, scale, raw
    planes = b"".join(raw[p::width] for p in range(width))
    return name + "s", scale, planes


def pack_string_column(values):
    assert all("\n" not in v for v in values)
    data = "\n".join(values).encode("utf-8")
    return "str", 0, struct.pack("<I", len(data)) + data


def is_numeric(values):
    try:
        for v in values:
            if v != "":
                float(v)
        return True
    except ValueError:
        return False


def write_store(out_name, header, rows, columns, string_columns=()):
    lines = ["rows\t%d" % len(rows)]
    body = b""
    for column in columns:
        j = header.index(column)
        values = [r[j] for r in rows]
        if column in string_columns or not is_numeric(values):
            kind, scale, data = pack_string_column(values)
        else:
            kind, scale, data = pack_integer_column(values)
        lines.append("%s\t%s\t%d" % (column, kind, scale))
        body += data
    head = ("\n".join(lines) + "\n").encode("utf-8")
    blob = b"NCS1" + struct.pack("<I", len(head)) + head + body
    path = os.path.join(OUT, out_name)
    with open(path, "wb") as f:
        f.write(gzip.compress(blob, compresslevel=9, mtime=0))
    print("%-36s %6d rows %3d columns %9d bytes" % (out_name, len(rows), len(columns), os.path.getsize(path)))


def check_same_rows(reference, header, rows, keys):
    for key in keys:
        a = [r[reference[0].index(key)] for r in reference[1]]
        b = [r[header.index(key)] for r in rows]
        assert a == b, f"column {key} differs from nb201_val200.csv"


def main():
    os.makedirs(OUT, exist_ok=True)
    val_header, val_rows = read_csv("nb201_val200.csv")
    assert [int(r[0]) for r in val_rows] == list(range(15625))
    write_store("nb201_val200.ncs.gz", val_header, val_rows, val_header[1:], string_columns=("arch_str",))

    for source, target in [("nb201_test200.csv", "nb201_test200.ncs.gz"),
                           ("nb201_12epoch.csv", "nb201_12epoch.ncs.gz"),
                           ("nb201_device_latency_ms.csv", "nb201_device_latency_ms.ncs.gz")]:
        header, rows = read_csv(source)
        check_same_rows((val_header, val_rows), header, rows, ["index", "arch_str"])
        write_store(target, header, rows, header[2:])

    fb_header, fb_rows = read_csv("fbnet_device_latency_ms.csv")
    assert [int(r[0]) for r in fb_rows] == list(range(len(fb_rows)))
    names = ["k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip"]
    for r in fb_rows:
        assert len(r[1]) == 22 and "-".join(names[int(d)] for d in r[1]) == r[2], "ops do not match op_idx"
    write_store("fbnet_device_latency_ms.ncs.gz", fb_header, fb_rows,
                ["op_idx"] + fb_header[3:], string_columns=("op_idx",))

    for name in sorted(os.listdir(SRC)):
        if name.startswith("naslib_zc_") and name.endswith(".csv"):
            with open(os.path.join(SRC, name), "rb") as f:
                data = f.read()
            with open(os.path.join(OUT, name + ".gz"), "wb") as f:
                f.write(gzip.compress(data, compresslevel=9, mtime=0))
            print("%-36s %9d bytes (sha256 of source %s)" % (name + ".gz", os.path.getsize(os.path.join(OUT, name + ".gz")),
                                                         hashlib.sha256(data).hexdigest()[:12]))


if __name__ == "__main__":
    main()
