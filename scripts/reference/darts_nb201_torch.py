#!/usr/bin/env python3
"""PyTorch side of scripts/bench.d/oneshot.sh: one-shot search steps on the NAS-Bench-201 supernet.

The same supernet as naslab's `NB201Space.supernet` (Sources/NASSpaces/Spaces/NB201Space+Supernet.swift):
stem conv3x3 + BN; three stages of N cells at C, 2C, 4C channels with ResNet reduction blocks
(ReLU-conv3x3/2-BN, ReLU-conv3x3-BN, shortcut 2x2/2 average pool then conv1x1) between them; then
BN-ReLU-global average pool-linear. Every edge of every cell holds the four non-zero candidates of
NAS-Bench-201 on their own branches (skip_connect, nor_conv_1x1 = ReLU-conv1x1-BN, nor_conv_3x3 =
ReLU-conv3x3-BN, avg_pool_3x3 without counting padding); `none` is the absence of a branch. The six
edges share one row of five logits across all cells. Batch norm is affine (gamma, beta) with
running statistics, momentum 0.1, eps 1e-5, as naslab's.

Steps timed (one per process, so that the peak RSS belongs to it):
  darts1  DARTS first order: an alpha step on a search batch (softmax(alpha) mixes every candidate;
          loss.backward() as DARTS's own code does, which also computes the weights' gradients),
          then a weight step on a training batch (alpha fixed).
  darts1-lean  the same, but the alpha step takes torch.autograd.grad(loss, alpha) (no weight gradients).
  darts2  DARTS second order as naslab computes it: w' = w - xi grad_w L_train(w) (plain gradient
          descent), grad_alpha L_val(w') and v = grad_w' L_val(w'), the Hessian-vector product by central
          differences at w +- eps v (eps = 0.01 / |v|, alpha gradients only, as DARTS's code), then the
          weight step.
  gdas    GDAS: a weight step with one Gumbel-max sampled candidate per edge (hard one-hot weight in the
          forward pass, straight-through softmax((alpha + g) / tau) gradient), then an alpha step on a
          search batch with another draw.
  spos    single-path one-shot: a weight step on the paths of one uniformly drawn cell (none included).

Optimisers: weights SGD (lr 0.025, momentum 0.9, weight decay 3e-4, gradients clipped to norm 5);
alpha Adam (lr 3e-4, betas 0.5/0.999, weight decay 1e-3), as DARTS.

  darts_nb201_torch.py --step NAME [--steps K]

Environment: NASLAB_BENCH_THREADS (torch.set_num_threads, default 2), NASLAB_ONESHOT_BATCH (64),
NASLAB_ONESHOT_INPUT (3x32x32), NASLAB_ONESHOT_CHANNELS (16), NASLAB_ONESHOT_CELLS (5), 10 classes.
Prints `RESULT side=torch step=NAME ...` lines.
"""
import argparse
import os
import statistics
import sys
import time

from bench_timing import peak_rss_mb, timings
import torch
from torch import nn
import torch.nn.functional as F

threads = int(os.environ.get("NASLAB_BENCH_THREADS", "2"))
batch = int(os.environ.get("NASLAB_ONESHOT_BATCH", "64"))
shape = tuple(int(v) for v in os.environ.get("NASLAB_ONESHOT_INPUT", "3x32x32").split("x"))
channels = int(os.environ.get("NASLAB_ONESHOT_CHANNELS", "16"))
cells = int(os.environ.get("NASLAB_ONESHOT_CELLS", "5"))
classes = 10
torch.set_num_threads(threads)
torch.manual_seed(1)

EDGES = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]  # (to, from), the rows of alpha
OPTIONS = 5  # none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3


def relu_conv_bn(cin, cout, k, stride=1):
    return nn.Sequential(nn.ReLU(), nn.Conv2d(cin, cout, k, stride, k // 2, bias=False), nn.BatchNorm2d(cout))


class MixedEdge(nn.Module):
    """The four non-zero candidates of one edge; option k of the row is candidate k - 1."""

    def __init__(self, c):
        super().__init__()
        self.candidates = nn.ModuleList([nn.Identity(), relu_conv_bn(c, c, 1), relu_conv_bn(c, c, 3),
                                         nn.AvgPool2d(3, 1, 1, count_include_pad=False)])

    def forward(self, x, gate):
        """`gate` = (options run, weights of the row's 5 options or None for an unweighted sum)."""
        options, weights = gate
        out = None
        for k in options:
            if k == 0:
                continue
            term = self.candidates[k - 1](x)
            if weights is not None:
                term = weights[k] * term
            out = term if out is None else out + term
        return out  # None: no branch ran (a `none` edge)


class Cell(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.edges = nn.ModuleList([MixedEdge(c) for _ in EDGES])

    def forward(self, x, gates):
        nodes = [x]
        for to in range(1, 4):
            total = None
            for e, (t, f) in enumerate(EDGES):
                if t != to:
                    continue
                term = self.edges[e](nodes[f], gates[e])
                if term is not None:
                    total = term if total is None else total + term
            nodes.append(total if total is not None else torch.zeros_like(x))
        return nodes[3]


class Reduction(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.a = nn.Sequential(relu_conv_bn(cin, cout, 3, 2), relu_conv_bn(cout, cout, 3))
        self.shortcut = nn.Sequential(nn.AvgPool2d(2, 2), nn.Conv2d(cin, cout, 1, bias=False))

    def forward(self, x):
        return self.a(x) + self.shortcut(x)


class Supernet(nn.Module):
    def __init__(self, c=channels, n=cells, cin=shape[0]):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(cin, c, 3, 1, 1, bias=False), nn.BatchNorm2d(c))
        body, prev = [], c
        for stage in range(3):
            width = c << stage
            if stage > 0:
                body.append(Reduction(prev, width))
            body += [Cell(width) for _ in range(n)]
            prev = width
        self.body = nn.ModuleList(body)
        self.head = nn.Sequential(nn.BatchNorm2d(prev), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                                  nn.Linear(prev, classes))

    def forward(self, x, gates):
        x = self.stem(x)
        for block in self.body:
            x = block(x, gates) if isinstance(block, Cell) else block(x)
        return self.head(x)


def mixing(weights):
    """Gates that run every candidate of each row, weighted by that row of `weights`."""
    return [(range(OPTIONS), weights[r]) for r in range(len(EDGES))]


class Search:
    def __init__(self):
        self.model = Supernet()
        self.weights = list(self.model.parameters())
        self.alpha = (1e-3 * torch.randn(len(EDGES), OPTIONS)).requires_grad_()
        self.w_opt = torch.optim.SGD(self.weights, lr=0.025, momentum=0.9, weight_decay=3e-4)
        self.a_opt = torch.optim.Adam([self.alpha], lr=3e-4, betas=(0.5, 0.999), weight_decay=1e-3)
        g = torch.Generator().manual_seed(5)
        self.x = torch.randn(batch, *shape, generator=g)
        self.xs = torch.randn(batch, *shape, generator=g)
        self.y = torch.arange(batch) % classes
        self.ys = (torch.arange(batch) * 7 + 3) % classes
        self.tau = 10.0
        self.model.train()

    def loss(self, x, y, gates):
        return F.cross_entropy(self.model(x, gates), y)

    def weight_step(self, gates):
        self.w_opt.zero_grad(set_to_none=True)
        loss = self.loss(self.x, self.y, gates)
        loss.backward()
        nn.utils.clip_grad_norm_(self.weights, 5.0)
        self.w_opt.step()
        return loss.item()

    def darts1(self, lean=False):
        self.a_opt.zero_grad(set_to_none=True)
        loss = self.loss(self.xs, self.ys, mixing(F.softmax(self.alpha, dim=-1)))
        if lean:
            self.alpha.grad, = torch.autograd.grad(loss, [self.alpha])
        else:
            loss.backward()
        self.a_opt.step()
        return self.weight_step(mixing(F.softmax(self.alpha, dim=-1).detach()))

    def darts2(self, xi=0.025):
        saved = [w.detach().clone() for w in self.weights]
        p = F.softmax(self.alpha, dim=-1)
        grads = torch.autograd.grad(self.loss(self.x, self.y, mixing(p.detach())), self.weights)
        with torch.no_grad():
            for w, g in zip(self.weights, grads):
                w.sub_(xi * g)
        valid = torch.autograd.grad(self.loss(self.xs, self.ys, mixing(F.softmax(self.alpha, dim=-1))),
                                    [self.alpha] + self.weights)
        direct, v = valid[0], valid[1:]
        norm = torch.sqrt(sum((g * g).sum() for g in v))
        eps = 0.01 / norm

        def shifted(s):
            with torch.no_grad():
                for w, w0, d in zip(self.weights, saved, v):
                    w.copy_(w0 + s * d)
            return torch.autograd.grad(self.loss(self.x, self.y, mixing(F.softmax(self.alpha, dim=-1))),
                                       [self.alpha])[0]

        plus, minus = shifted(eps), shifted(-eps)
        with torch.no_grad():
            for w, w0 in zip(self.weights, saved):
                w.copy_(w0)
        self.a_opt.zero_grad(set_to_none=True)
        self.alpha.grad = direct - xi * (plus - minus) / (2 * eps)
        self.a_opt.step()
        return self.weight_step(mixing(F.softmax(self.alpha, dim=-1).detach()))

    def hard_sample(self):
        """One Gumbel-max draw per row: gates of one candidate each, weighted by the straight-through one-hot."""
        while True:
            g = -torch.empty_like(self.alpha).exponential_().log()
            probs = F.softmax((self.alpha + g) / self.tau, dim=-1)
            if torch.isfinite(probs).all():
                break
        index = probs.max(-1, keepdim=True)[1]
        one_hot = torch.zeros_like(probs).scatter_(-1, index, 1.0)
        hard = one_hot - probs.detach() + probs
        return [([int(index[r])], hard[r]) for r in range(len(EDGES))]

    def gdas(self):
        loss = self.weight_step(self.hard_sample())
        self.a_opt.zero_grad(set_to_none=True)
        self.loss(self.xs, self.ys, self.hard_sample()).backward()
        self.a_opt.step()
        return loss

    def spos(self):
        choice = torch.randint(0, OPTIONS, (len(EDGES),)).tolist()
        return self.weight_step([([k], None) for k in choice])


# GDAS and SPOS run other paths at every step (cheap ones when they draw skips and pools): their figure
# to compare is the mean of many steps, not the best.
STEPS = {"darts1": 5, "darts1-lean": 5, "darts2": 3, "gdas": 20, "spos": 20}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--step", choices=sorted(STEPS), required=True)
    parser.add_argument("--steps", type=int)
    args = parser.parse_args()
    repeats = args.steps or int(os.environ.get("NASLAB_ONESHOT_STEPS", "0")) or STEPS[args.step]
    base_rss = peak_rss_mb()
    search = Search()
    body = {"darts1": search.darts1, "darts1-lean": lambda: search.darts1(lean=True), "darts2": search.darts2,
            "gdas": search.gdas, "spos": search.spos}[args.step]
    cpu_start = time.process_time()
    times = timings(repeats, body)
    cpu_per_step = (time.process_time() - cpu_start) / (repeats + 1)
    rss = peak_rss_mb()
    best, median, mean = min(times), statistics.median(times), statistics.mean(times)
    params = sum(p.numel() for p in search.weights)
    print(f"BENCH torch {args.step}: {best * 1000:.0f} ms/step best, {median * 1000:.0f} median, {mean * 1000:.0f} mean "
          f"({repeats} steps, batch {batch}, input {'x'.join(map(str, shape))}), peak RSS {rss:.0f} MB, params {params}")
    print(f"RESULT side=torch step={args.step} step_ms={best * 1000:.3f} step_ms_median={median * 1000:.3f} step_ms_mean={mean * 1000:.3f} "
          f"steps_per_s={1 / best:.4f} images_per_s={batch / best:.2f} cpu_ms_per_step={cpu_per_step * 1000:.3f} "
          f"rss_peak_mb={rss:.1f} rss_base_mb={base_rss:.1f} params={params} steps={repeats}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
