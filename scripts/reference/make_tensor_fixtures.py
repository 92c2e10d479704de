#!/usr/bin/env python3
"""Writes Tests/NASTensorTests/Fixtures/forward.json: inputs and numpy reference outputs.

Usage: python3 scripts/reference/make_tensor_fixtures.py
Every array is stored as {"shape": [...], "data": [...]} (float32 values for inputs, the
float64 reference rounded to float32 for outputs).
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import numpy_ops as ops  # noqa: E402

rng = np.random.default_rng(2026)


def rand(*shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def arr(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(np.float32(v)) for v in a.ravel()]}


cases = {}


def conv_case(name, x, w, b, **kw):
    y = ops.conv2d(x.astype(np.float64), w.astype(np.float64), None if b is None else b.astype(np.float64), **kw)
    case = {"x": arr(x), "w": arr(w), "y": arr(y), "params": kw}
    if b is not None:
        case["b"] = arr(b)
    cases[name] = case


conv_case("conv_3x3_s2_p1", rand(2, 3, 7, 7), rand(4, 3, 3, 3, scale=0.3), rand(4), stride=2, padding=1)
conv_case("conv_grouped_dilated", rand(1, 4, 8, 8), rand(6, 2, 3, 3, scale=0.3), None,
          padding=2, dilation=2, groups=2)
conv_case("conv_depthwise", rand(2, 16, 6, 6), rand(16, 1, 3, 3, scale=0.3), None, padding=1, groups=16)
conv_case("conv_depthwise_s2_k5", rand(1, 8, 9, 9), rand(8, 1, 5, 5, scale=0.3), rand(8), stride=2, padding=2,
          groups=8)

x = rand(4, 3, 5, 5, scale=2.0) + 1.0
gamma, beta = rand(3), rand(3)
rm, rv = np.zeros(3), np.ones(3)
y, nm, nv = ops.batch_norm_train(x.astype(np.float64), gamma, beta, rm, rv)
cases["bn_train"] = {"x": arr(x), "gamma": arr(gamma), "beta": arr(beta), "y": arr(y),
                     "running_mean": arr(nm), "running_var": arr(nv)}
rm2, rv2 = rand(3), np.abs(rand(3)) + 0.5
cases["bn_eval"] = {"x": arr(x), "gamma": arr(gamma), "beta": arr(beta), "running_mean": arr(rm2),
                    "running_var": arr(rv2),
                    "y": arr(ops.batch_norm_eval(x.astype(np.float64), gamma, beta, rm2, rv2))}

px = rand(2, 3, 7, 7)
cases["pool"] = {
    "x": arr(px),
    "max_3_2_1": arr(ops.pool2d(px, "max", 3, 2, 1)),
    "max_2_2_0": arr(ops.pool2d(px, "max", 2, 2, 0)),
    "avg_3_1_1_exclude": arr(ops.pool2d(px, "avg", 3, 1, 1, include_pad=False)),
    "avg_3_1_1_include": arr(ops.pool2d(px, "avg", 3, 1, 1, include_pad=True)),
    "global": arr(px.astype(np.float64).mean(axis=(2, 3), keepdims=True)),
}

# A whole small network: conv(1->4, 3x3, p1)+b, BN (training), ReLU, maxpool 2, depthwise 3x3,
# ReLU, global average pool, linear 4->3 + b, softmax cross-entropy.
nx = rand(3, 1, 8, 8)
w1, b1 = rand(4, 1, 3, 3, scale=0.5), rand(4)
g1, be1 = rand(4) + 1, rand(4)
w2 = rand(4, 1, 3, 3, scale=0.5)
w3, b3 = rand(3, 4, scale=0.5), rand(3)
labels = np.array([0, 2, 1])
h = ops.conv2d(nx.astype(np.float64), w1, b1, padding=1)
h, _, _ = ops.batch_norm_train(h, g1, be1, np.zeros(4), np.ones(4))
h = ops.pool2d(ops.relu(h), "max", 2, 2)
h = ops.relu(ops.conv2d(h, w2, None, padding=1, groups=4))
h = h.mean(axis=(2, 3))
logits = h @ w3.astype(np.float64).T + b3
cases["network"] = {"x": arr(nx), "w1": arr(w1), "b1": arr(b1), "gamma1": arr(g1), "beta1": arr(be1),
                    "w2": arr(w2), "w3": arr(w3), "b3": arr(b3), "labels": labels.tolist(),
                    "logits": arr(logits), "loss": float(ops.softmax_cross_entropy(logits, labels))}

out = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "NASTensorTests", "Fixtures", "forward.json")
with open(out, "w") as f:
    json.dump(cases, f)
print("wrote", os.path.normpath(out), "with", len(cases), "cases")
