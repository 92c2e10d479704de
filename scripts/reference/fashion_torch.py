#!/usr/bin/env python3
"""PyTorch reference for NASTrainingTests: the accuracy a small CNN reaches on a Fashion-MNIST
subset with a fixed recipe, over several seeds, trained by PyTorch on the CPU.

naslab's test (Tests/NASTrainingTests/FashionTorchReferenceTests.swift) trains the same network with
the same recipe and must reach the mean figure recorded here within one point.

Same as naslab's run:
- Data: /usr/share/datasets/fashion-mnist (Debian dataset-fashion-mnist). The train and
  validation images are drawn from the 60k training file by naslab's seeded permutation (data
  seed 1, scripts/reference/seeded_random.py is a port of NASCore.SeededRandom), so both sides
  train and validate on the very same images; the test images are the first TEST of the test
  file. Pixels / 255, then normalised by the training subset's mean and standard deviation (one
  channel; population standard deviation), as naslab's Dataset does.
- Network: conv3x3(1->8, padding 1, no bias), BN, ReLU, maxpool 2; conv3x3(8->16, padding 1,
  no bias), BN, ReLU, maxpool 2; linear(784->10). BN momentum 0.1, eps 1e-5, training
  normalises with the batch's biased variance (PyTorch's defaults, naslab's too).
- Initialisation: Kaiming normal (fan in, gain sqrt 2) for the convolutions, uniform in
  +-1/sqrt(fan in) for the linear weight and bias, BN scale 1 and shift 0.
- Recipe: EPOCHS epochs, batch BATCH (the last partial batch dropped), SGD lr LR with momentum
  0.9, Nesterov, weight decay 5e-4 on every parameter (torch.optim.SGD's formula is naslab's),
  cosine schedule from LR to 0 over every step, set before each step. One thread.

PyTorch's own per seed: the initial weights (torch.manual_seed(seed), torch.nn.init) and each
epoch's batch order (torch.randperm), so the spread over seeds is PyTorch's own and naslab's
seeds are not PyTorch's: the comparison is of what the recipe reaches, not of one trajectory.

Usage: python3 scripts/reference/fashion_torch.py [--seeds N]
Writes Tests/NASTrainingTests/Fixtures/fashion_torch_reference.json.
"""
import argparse
import json
import math
import os
import platform
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
from fashion_mnist import read_fashion  # noqa: E402
from seeded_random import SeededRandom, permutation  # noqa: E402

DATA_SEED, TRAIN, VALID, TEST = 1, 6000, 5000, 10000
EPOCHS, BATCH, LR, MOMENTUM, WD = 4, 64, 0.02, 0.9, 5e-4


def load():
    train_x, train_y, test_x, test_y = read_fashion(TEST)
    # naslab's Dataset takes the training part first from the permuted pool, then the validation part.
    order = permutation(len(train_y), SeededRandom(DATA_SEED))
    tr, va = order[:TRAIN], order[TRAIN:TRAIN + VALID]
    x_tr, x_va, x_te = (a.astype(np.float32) / np.float32(255) for a in (train_x[tr], train_x[va], test_x))
    v = x_tr.astype(np.float64).ravel()
    mean = v.sum() / v.size
    std = math.sqrt((v * v).sum() / v.size - mean * mean)

    def norm(a):
        return torch.from_numpy(((a.astype(np.float64) - mean) / std).astype(np.float32))

    return ((norm(x_tr), torch.from_numpy(train_y[tr])), (norm(x_va), torch.from_numpy(train_y[va])),
            (norm(x_te), torch.from_numpy(test_y)))


def network():
    net = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1, bias=False), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(784, 10))
    for m in net:
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_in", nonlinearity="relu")
        elif isinstance(m, nn.Linear):
            bound = 1 / math.sqrt(m.in_features)
            nn.init.uniform_(m.weight, -bound, bound)
            nn.init.uniform_(m.bias, -bound, bound)
    return net


@torch.no_grad()
def accuracy(net, x, y):
    net.eval()
    correct = sum(int((net(x[s:s + 500]).argmax(1) == y[s:s + 500]).sum()) for s in range(0, len(y), 500))
    net.train()
    return correct / len(y)


def train(seed, data):
    (xtr, ytr), (xva, yva), (xte, yte) = data
    torch.manual_seed(seed)
    net = network()
    opt = torch.optim.SGD(net.parameters(), lr=LR, momentum=MOMENTUM, nesterov=True, weight_decay=WD)
    loss_fn = nn.CrossEntropyLoss()
    steps = TRAIN // BATCH
    total, step, curve, losses = steps * EPOCHS, 0, [], []
    for _ in range(EPOCHS):
        order = torch.randperm(TRAIN)
        epoch_loss = 0.0
        for b in range(steps):
            batch = order[b * BATCH:(b + 1) * BATCH]
            for group in opt.param_groups:
                group["lr"] = LR * (1 + math.cos(math.pi * min(step / total, 1))) / 2
            loss = loss_fn(net(xtr[batch]), ytr[batch])
            opt.zero_grad()
            loss.backward()
            opt.step()
            epoch_loss += loss.item()
            step += 1
        losses.append(epoch_loss / steps)
        curve.append(accuracy(net, xva, yva))
    return {"seed": seed, "valid_curve": curve, "train_loss": losses, "valid_accuracy": curve[-1],
            "test_accuracy": accuracy(net, xte, yte)}


def summary(values):
    return {"mean": statistics.fmean(values), "stdev": statistics.stdev(values) if len(values) > 1 else 0.0,
            "min": min(values), "max": max(values)}


def main():
    global TRAIN, EPOCHS, LR
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="PyTorch seeds 1...N (default 10)")
    parser.add_argument("--train", type=int, default=TRAIN, help=f"training images (default {TRAIN})")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs (default {EPOCHS})")
    parser.add_argument("--lr", type=float, default=LR, help=f"base learning rate (default {LR})")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "Tests",
                                                      "NASTrainingTests", "Fixtures", "fashion_torch_reference.json"),
                        help="the fixture to write")
    args = parser.parse_args()
    TRAIN, EPOCHS, LR = args.train, args.epochs, args.lr
    torch.set_num_threads(1)
    started = time.time()
    data = load()
    runs = []
    for seed in range(1, args.seeds + 1):
        runs.append(train(seed, data))
        r = runs[-1]
        print(f"seed {seed}: valid {r['valid_curve']}, test {r['test_accuracy']:.4f}, "
              f"train loss {[round(x, 4) for x in r['train_loss']]}")
    valid, test = summary([r["valid_accuracy"] for r in runs]), summary([r["test_accuracy"] for r in runs])
    print(f"valid accuracy {valid['mean']:.4f} +- {valid['stdev']:.4f}, test accuracy {test['mean']:.4f} "
          f"+- {test['stdev']:.4f} over {len(runs)} seeds ({time.time() - started:.1f} s)")
    with open(args.out, "w") as f:
        json.dump({
            "implementation": "PyTorch CPU (scripts/reference/fashion_torch.py)",
            "versions": {"torch": torch.__version__, "numpy": np.__version__, "python": platform.python_version()},
            "network": "conv3x3(1->8, p1, no bias) BN ReLU maxpool2 conv3x3(8->16, p1, no bias) BN ReLU maxpool2 "
                       "linear(784->10)",
            "init": "Kaiming normal (fan in) convolutions; linear weight and bias uniform +-1/sqrt(784); BN 1, 0",
            "data": "fashion-mnist: train and valid drawn from the training file by naslab's seeded permutation, "
                    "first test images of the test file; normalised by the training subset's mean and std",
            "data_seed": DATA_SEED, "train": TRAIN, "valid": VALID, "test": TEST, "epochs": EPOCHS, "batch": BATCH,
            "lr": LR, "momentum": MOMENTUM, "nesterov": True, "weight_decay": WD, "schedule": "cosine",
            "threads": 1, "seeds": [r["seed"] for r in runs],
            "valid_accuracy": valid, "test_accuracy": test, "runs": runs,
        }, f, indent=1)


if __name__ == "__main__":
    main()
