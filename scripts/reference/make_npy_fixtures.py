#!/usr/bin/env python3
"""Writes small .npy files (and the values numpy holds for them) for NASTrainingTests' NPY reader test.

Usage: python3 scripts/reference/make_npy_fixtures.py
"""
import json
import os

import numpy as np

out = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "NASTrainingTests", "Fixtures")
rng = np.random.default_rng(7)
x32 = rng.standard_normal((5, 1, 2, 3)).astype(np.float32)
x64 = rng.standard_normal((5, 6))
xu8 = rng.integers(0, 256, (5, 2, 2), dtype=np.uint8)
y = np.array([0, 2, 1, 2, 0], dtype=np.int64)
np.save(os.path.join(out, "tiny_f32.npy"), x32)
np.save(os.path.join(out, "tiny_f64.npy"), x64)
np.save(os.path.join(out, "tiny_u8.npy"), xu8)
np.save(os.path.join(out, "tiny_labels.npy"), y)
np.save(os.path.join(out, "tiny_labels_i32.npy"), y.astype(np.int32))
with open(os.path.join(out, "tiny_npy_values.json"), "w") as f:
    json.dump({"f32": [float(v) for v in x32.ravel()], "f32_shape": list(x32.shape),
               "f64": [float(v) for v in x64.ravel()], "f64_shape": list(x64.shape),
               "u8": [int(v) for v in xu8.ravel()], "u8_shape": list(xu8.shape), "labels": y.tolist()}, f)
print("wrote npy fixtures to", os.path.normpath(out))
