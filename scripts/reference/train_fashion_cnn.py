#!/usr/bin/env python3
"""Reference training run for NASTrainingTests: a small CNN on a Fashion-MNIST subset, in numpy.

A plain numpy (float32) implementation of the same network and recipe as the Swift test. It
reproduces naslab's seeded choices exactly (the subset, the per-epoch batch order, Kaiming/uniform
initial weights) through a port of SeededRandom, so the two runs differ only in floating-point
rounding: it checks one trajectory. What PyTorch reaches with the recipe over its own seeds is
scripts/reference/fashion_torch.py's reference.

Network: conv3x3(1->8, p1, no bias) BN ReLU maxpool2 conv3x3(8->16, p1, no bias) BN ReLU
maxpool2 linear(784->10). Recipe: 3 epochs, batch 64 (last partial batch dropped), SGD lr 0.05
momentum 0.9 Nesterov, weight decay 5e-4 on every parameter, cosine schedule to 0.
Data: seed 1, 3,000 train + 1,000 valid drawn from the 60k training file, first 2,000 test
images; per-channel normalisation with the training subset's mean and standard deviation.

Usage: python3 scripts/reference/train_fashion_cnn.py
Writes Tests/NASTrainingTests/Fixtures/fashion_cnn_reference.json.
"""
import json
import math
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from fashion_mnist import read_fashion  # noqa: E402
from seeded_random import SeededRandom, permutation  # noqa: E402

SEED, TRAIN, VALID, TEST = 1, 3000, 1000, 2000
EPOCHS, BATCH, LR, MOMENTUM, WD = 3, 64, 0.05, 0.9, 5e-4
f32 = np.float32


def load():
    train_x, train_y, test_x, test_y = read_fashion(TEST)
    order = permutation(len(train_y), SeededRandom(SEED))
    tr, va = order[:TRAIN], order[TRAIN:TRAIN + VALID]
    scale = lambda a: a.astype(f32) / f32(255)  # noqa: E731
    x_tr, x_va, x_te = scale(train_x[tr]), scale(train_x[va]), scale(test_x)
    v = x_tr.astype(np.float64).ravel()
    mean = v.sum() / v.size
    std = math.sqrt((v * v).sum() / v.size - mean * mean)
    norm = lambda a: ((a.astype(np.float64) - mean) / std).astype(f32)  # noqa: E731
    return (norm(x_tr), train_y[tr]), (norm(x_va), train_y[va]), (norm(x_te), test_y)


def init_params(rng):
    def kaiming(shape, fan_in):
        std = math.sqrt(2.0 / fan_in)
        return np.array([rng.next_gaussian() * std for _ in range(int(np.prod(shape)))], dtype=f32).reshape(shape)

    def uniform(shape, bound):
        return np.array([(rng.next_double() * 2 - 1) * bound for _ in range(int(np.prod(shape)))],
                        dtype=f32).reshape(shape)

    p = {"w1": kaiming((8, 1, 3, 3), 9), "g1": np.ones(8, f32), "b1": np.zeros(8, f32),
         "w2": kaiming((16, 8, 3, 3), 72), "g2": np.ones(16, f32), "b2": np.zeros(16, f32)}
    bound = 1 / math.sqrt(784)
    p["w3"] = uniform((10, 784), bound)
    p["b3"] = uniform((10,), bound)
    return p


def im2col(x, k=3, pad=1):
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = np.empty((n, c, k, k, h, w), dtype=x.dtype)
    for i in range(k):
        for j in range(k):
            cols[:, :, i, j] = xp[:, :, i:i + h, j:j + w]
    return cols.transpose(0, 4, 5, 1, 2, 3).reshape(n * h * w, c * k * k)


def col2im(cols, shape, k=3, pad=1):
    n, c, h, w = shape
    cols = cols.reshape(n, h, w, c, k, k).transpose(0, 3, 4, 5, 1, 2)
    xp = np.zeros((n, c, h + 2 * pad, w + 2 * pad), dtype=cols.dtype)
    for i in range(k):
        for j in range(k):
            xp[:, :, i:i + h, j:j + w] += cols[:, :, i, j]
    return xp[:, :, pad:pad + h, pad:pad + w]


def conv_fwd(x, w):
    n, _, h, wd = x.shape
    cols = im2col(x)
    y = cols @ w.reshape(w.shape[0], -1).T
    return y.reshape(n, h, wd, -1).transpose(0, 3, 1, 2), cols


def conv_bwd(dy, cols, x_shape, w):
    o = w.shape[0]
    dy2 = dy.transpose(0, 2, 3, 1).reshape(-1, o)
    dw = (dy2.T @ cols).reshape(w.shape)
    dx = col2im(dy2 @ w.reshape(o, -1), x_shape)
    return dx, dw


def bn_fwd(x, g, b, state, training, eps=f32(1e-5)):
    if training:
        mean = x.mean(axis=(0, 2, 3))
        var = x.var(axis=(0, 2, 3))
        m = x.size // x.shape[1]
        state["mean"] = (f32(0.9) * state["mean"] + f32(0.1) * mean).astype(f32)
        state["var"] = (f32(0.9) * state["var"] + f32(0.1) * var * f32(m / (m - 1))).astype(f32)
    else:
        mean, var = state["mean"], state["var"]
    inv = (1 / np.sqrt(var + eps)).astype(f32)
    xhat = (x - mean[None, :, None, None]) * inv[None, :, None, None]
    return xhat * g[None, :, None, None] + b[None, :, None, None], (xhat, inv)


def bn_bwd(dy, cache, g):
    xhat, inv = cache
    m = dy.shape[0] * dy.shape[2] * dy.shape[3]
    dg = (dy * xhat).sum(axis=(0, 2, 3))
    db = dy.sum(axis=(0, 2, 3))
    dxhat = dy * g[None, :, None, None]
    dx = (inv[None, :, None, None] / m) * (m * dxhat - dxhat.sum(axis=(0, 2, 3))[None, :, None, None]
                                           - xhat * (dxhat * xhat).sum(axis=(0, 2, 3))[None, :, None, None])
    return dx.astype(f32), dg, db


def pool_fwd(x):
    n, c, h, w = x.shape
    r = x.reshape(n, c, h // 2, 2, w // 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, c, h // 2, w // 2, 4)
    arg = r.argmax(axis=-1)
    return np.take_along_axis(r, arg[..., None], -1)[..., 0], arg


def pool_bwd(dy, arg, shape):
    n, c, h, w = shape
    d = np.zeros((n, c, h // 2, w // 2, 4), dtype=dy.dtype)
    np.put_along_axis(d, arg[..., None], dy[..., None], -1)
    return d.reshape(n, c, h // 2, w // 2, 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(shape)


def forward(p, st, x, training):
    c1, k1 = conv_fwd(x, p["w1"])
    b1, kb1 = bn_fwd(c1, p["g1"], p["b1"], st[0], training)
    r1 = np.maximum(b1, 0)
    m1, a1 = pool_fwd(r1)
    c2, k2 = conv_fwd(m1, p["w2"])
    b2, kb2 = bn_fwd(c2, p["g2"], p["b2"], st[1], training)
    r2 = np.maximum(b2, 0)
    m2, a2 = pool_fwd(r2)
    flat = m2.reshape(len(x), -1)
    logits = flat @ p["w3"].T + p["b3"]
    return logits, (x, k1, kb1, b1, r1, a1, m1, k2, kb2, b2, r2, a2, flat)


def loss_grad(logits, y):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z.astype(np.float64))
    prob = e / e.sum(axis=1, keepdims=True)
    loss = -np.log(prob[np.arange(len(y)), y]).mean()
    d = prob.copy()
    d[np.arange(len(y)), y] -= 1
    return loss, (d / len(y)).astype(f32)


def backward(p, cache, dlogits):
    x, k1, kb1, b1, r1, a1, m1, k2, kb2, b2, r2, a2, flat = cache
    g = {"w3": dlogits.T @ flat, "b3": dlogits.sum(axis=0)}
    dm2 = (dlogits @ p["w3"]).reshape(len(x), 16, 7, 7)
    db2 = pool_bwd(dm2, a2, r2.shape) * (b2 > 0)
    dc2, g["g2"], g["b2"] = bn_bwd(db2, kb2, p["g2"])
    dm1, g["w2"] = conv_bwd(dc2, k2, m1.shape, p["w2"])
    db1 = pool_bwd(dm1, a1, r1.shape) * (b1 > 0)
    dc1, g["g1"], g["b1"] = bn_bwd(db1, kb1, p["g1"])
    _, g["w1"] = conv_bwd(dc1, k1, x.shape, p["w1"])
    return g


def accuracy(p, st, x, y):
    correct = 0
    for s in range(0, len(y), 500):
        logits, _ = forward(p, st, x[s:s + 500], training=False)
        correct += (logits.argmax(axis=1) == y[s:s + 500]).sum()
    return correct / len(y)


def main():
    started = time.time()
    (xtr, ytr), (xva, yva), (xte, yte) = load()
    p = init_params(SeededRandom(SEED))
    trainer_rng = SeededRandom(SEED)
    shuffle = trainer_rng.fork()
    st = [{"mean": np.zeros(8, f32), "var": np.ones(8, f32)}, {"mean": np.zeros(16, f32), "var": np.ones(16, f32)}]
    vel = {k: np.zeros_like(v) for k, v in p.items()}
    steps_per_epoch = TRAIN // BATCH
    total, step, curve, losses = steps_per_epoch * EPOCHS, 0, [], []
    for _ in range(EPOCHS):
        order = permutation(TRAIN, shuffle)
        epoch_loss = 0.0
        for b in range(steps_per_epoch):
            idx_ = order[b * BATCH:(b + 1) * BATCH]
            logits, cache = forward(p, st, xtr[idx_], training=True)
            loss, d = loss_grad(logits, ytr[idx_])
            epoch_loss += loss
            grads = backward(p, cache, d)
            lr = LR * (1 + math.cos(math.pi * min(step / total, 1))) / 2
            for k in p:
                dk = (grads[k] + f32(WD) * p[k]).astype(f32)
                vel[k] = (f32(MOMENTUM) * vel[k] + dk).astype(f32)
                p[k] = (p[k] - f32(lr) * (dk + f32(MOMENTUM) * vel[k])).astype(f32)
            step += 1
        losses.append(epoch_loss / steps_per_epoch)
        curve.append(float(accuracy(p, st, xva, yva)))
        print(f"epoch {len(curve)}: train loss {losses[-1]:.4f}, valid accuracy {curve[-1]:.4f}")
    test = float(accuracy(p, st, xte, yte))
    print(f"test accuracy {test:.4f} ({time.time() - started:.1f} s)")
    out = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "NASTrainingTests", "Fixtures",
                       "fashion_cnn_reference.json")
    with open(out, "w") as f:
        json.dump({"implementation": "numpy float32 (scripts/reference/train_fashion_cnn.py)",
                   "seed": SEED, "train": TRAIN, "valid": VALID, "test": TEST, "epochs": EPOCHS, "batch": BATCH,
                   "lr": LR, "momentum": MOMENTUM, "nesterov": True, "weight_decay": WD, "schedule": "cosine",
                   "valid_curve": curve, "train_loss": losses, "test_accuracy": test}, f, indent=1)


if __name__ == "__main__":
    main()
