#!/usr/bin/env python3
"""PyTorch side of scripts/bench.d/train.sh: the same four networks as
Tests/NASTrainingTests/BenchNetworks.swift, the same batch, thread count and SGD recipe.

Prints lines in the same form as the Swift benchmark ("BENCH net NAME: train N images/s ...").
Needs `torch` (CPU); the bench script installs it from PyPI only when NASLAB_BENCH_TORCH=1.
Batch-1 latency is measured in eval mode under torch.inference_mode (no BN folding).
"""
import os
import statistics
import sys
import time

import torch
from torch import nn

threads = int(os.environ.get("NASLAB_BENCH_THREADS", "2"))
batch = int(os.environ.get("NASLAB_BENCH_BATCH", "128"))
torch.set_num_threads(threads)
torch.manual_seed(1)


def conv_bn(cin, cout, k, stride=1, groups=1, act=nn.ReLU):
    layers = [nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if act is not None:
        layers.append(act())
    return nn.Sequential(*layers)


def relu_conv_bn(cin, cout, k, stride=1):
    return nn.Sequential(nn.ReLU(), conv_bn(cin, cout, k, stride, act=None))


class Cell(nn.Module):
    """NAS-Bench-201 index 6111: |3x3~0|+|3x3~0|3x3~1|+|skip~0|3x3~1|1x1~2|."""

    def __init__(self, c):
        super().__init__()
        self.e10, self.e20, self.e21 = relu_conv_bn(c, c, 3), relu_conv_bn(c, c, 3), relu_conv_bn(c, c, 3)
        self.e31, self.e32 = relu_conv_bn(c, c, 3), relu_conv_bn(c, c, 1)

    def forward(self, n0):
        n1 = self.e10(n0)
        n2 = self.e20(n0) + self.e21(n1)
        return n0 + self.e31(n1) + self.e32(n2)


class Reduction(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.a = relu_conv_bn(cin, cout, 3, 2)
        self.b = relu_conv_bn(cout, cout, 3)
        self.shortcut = nn.Sequential(nn.AvgPool2d(2, 2), nn.Conv2d(cin, cout, 1, bias=False))

    def forward(self, x):
        return self.b(self.a(x)) + self.shortcut(x)


def nb201(cells=5):
    layers = [conv_bn(1, 16, 3, act=None)]
    prev = 16
    for stage, c in enumerate([16, 32, 64]):
        if stage > 0:
            layers.append(Reduction(prev, c))
        layers += [Cell(c) for _ in range(cells)]
        prev = c
    layers += [nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10)]
    return nn.Sequential(*layers)


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, t, stride):
        super().__init__()
        hidden = cin * t
        layers = [] if t == 1 else [conv_bn(cin, hidden, 1, act=nn.ReLU6)]
        layers += [conv_bn(hidden, hidden, 3, stride, hidden, act=nn.ReLU6), conv_bn(hidden, cout, 1, act=None)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.body(x)
        return y + x if self.residual else y


def mobilenet_v2():
    layers = [conv_bn(1, 32, 3, act=nn.ReLU6)]
    c_in = 32
    for t, c, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 2, 2)]:
        for i in range(n):
            layers.append(InvertedResidual(c_in, c, t, s if i == 0 else 1))
            c_in = c
    layers += [conv_bn(c_in, 256, 1, act=nn.ReLU6), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(256, 10)]
    return nn.Sequential(*layers)


NETS = {
    "mlp": lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                                 nn.Linear(128, 10)),
    "small-cnn": lambda: nn.Sequential(conv_bn(1, 32, 3), nn.MaxPool2d(2), conv_bn(32, 64, 3), nn.MaxPool2d(2),
                                       nn.Flatten(), nn.Linear(64 * 7 * 7, 10)),
    "nb201": nb201,
    "mobilenetv2": mobilenet_v2,
}


def median(repeats, body):
    body()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    x = torch.randn(batch, 1, 28, 28)
    y = torch.arange(batch) % 10
    for name, make in NETS.items():
        model = make()
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=5e-4)
        loss_fn = nn.CrossEntropyLoss()

        def step():
            opt.zero_grad()
            loss_fn(model(x), y).backward()
            opt.step()

        model.train()
        steps = 50 if name == "mlp" else (10 if name == "small-cnn" else 3)
        t = median(steps, step)
        model.eval()
        one = torch.randn(1, 1, 28, 28)
        with torch.inference_mode():
            latency = median(50, lambda: model(one))
        params = sum(p.numel() for p in model.parameters())
        print(f"BENCH net {name}: train {batch / t:.0f} images/s (batch {batch}, {t * 1000:.1f} ms/step), "
              f"batch-1 latency {latency * 1000:.3f} ms, params {params}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
