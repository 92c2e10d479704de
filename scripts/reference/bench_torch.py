#!/usr/bin/env python3
"""PyTorch and onnxruntime side of scripts/bench.d/train.sh.

The same four networks as Tests/NASTrainingTests/BenchNetworks.swift (28x28x1 inputs, 10 classes),
the same batch, thread count and SGD recipe (momentum 0.9, Nesterov, weight decay 5e-4).

  bench_torch.py --net NAME   one network: training images/s (best and median step), batch-1
                              latency in eval mode (PyTorch, and onnxruntime on the torch.onnx.export
                              of the same network), the training step's FLOPs and the process's peak RSS
  bench_torch.py --kernels    the kernels the Swift benchmark measures (conv, depthwise, GEMM) and
                              the small ops (ReLU, add, batch norm on 64 values)
  bench_torch.py --export-onnx DIR   each network in eval mode as DIR/NAME.onnx, exported exactly as
                              for the latency above, for naslab's interleaved batch-1 comparison

Run one network per process so that the peak RSS belongs to that network. Every figure is printed
as a `RESULT side=... key=value ...` line that train.sh combines with naslab's.
Threads: NASLAB_BENCH_THREADS (torch.set_num_threads, onnxruntime intra-op threads).
"""
import argparse
import warnings
import io
import os
import statistics
import sys
import time

from bench_timing import peak_rss_mb, timings
import torch
from torch import nn

threads = int(os.environ.get("NASLAB_BENCH_THREADS", "2"))
batch = int(os.environ.get("NASLAB_BENCH_BATCH", "128"))
torch.set_num_threads(threads)
torch.manual_seed(1)
warnings.filterwarnings("ignore", category=DeprecationWarning)


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



STEPS = {"mlp": 200, "small-cnn": 30, "nb201": 10, "mobilenetv2": 12}


def forward_macs(model, x):
    """Multiply-accumulates of one forward pass of conv and linear layers (batch of x)."""
    total = 0

    def hook(module, inputs, output):
        nonlocal total
        if isinstance(module, nn.Conv2d):
            k = module.kernel_size[0] * module.kernel_size[1]
            total += output.numel() * (module.in_channels // module.groups) * k
        elif isinstance(module, nn.Linear):
            total += output.numel() * module.in_features

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return total


def onnx_bytes(model, one):
    """`model` (in eval mode) exported to ONNX by torch.onnx.export for the batch of `one`."""
    buffer = io.BytesIO()
    torch.onnx.export(model, (one,), buffer, input_names=["x"], output_names=["y"], dynamo=False)
    return buffer.getvalue()


def export_onnx(folder):
    """Every network, in eval mode, as FOLDER/NAME.onnx for a batch of one 1x28x28 sample."""
    os.makedirs(folder, exist_ok=True)
    for name, build in NETS.items():
        model = build().eval()
        with torch.no_grad(), open(os.path.join(folder, f"{name}.onnx"), "wb") as out:
            out.write(onnx_bytes(model, torch.randn(1, 1, 28, 28)))


def onnx_latency(model, one, repeats):
    """Batch-1 latency of `model` exported to ONNX and run by onnxruntime on `threads` threads."""
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(onnx_bytes(model, one), options, providers=["CPUExecutionProvider"])
    feed = {"x": one.numpy()}
    expected = model(one).detach().numpy()
    got = session.run(None, feed)[0]
    error = float(abs(got - expected).max())
    times = timings(repeats, lambda: session.run(None, feed))
    return min(times), statistics.median(times), error


def bench_net(name):
    base_rss = peak_rss_mb()
    model = NETS[name]()
    x = torch.randn(batch, 1, 28, 28)
    y = torch.arange(batch) % 10
    macs = forward_macs(model, x)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=5e-4)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()

    model.train()
    cpu_start = time.process_time()
    times = timings(STEPS[name], step)
    cpu_per_step = (time.process_time() - cpu_start) / (STEPS[name] + 1)  # with the warm-up step
    train_rss = peak_rss_mb()
    model.eval()
    one = torch.randn(1, 1, 28, 28)
    with torch.inference_mode():
        lat = timings(200, lambda: model(one))
    with torch.no_grad():
        ort_min, ort_median, ort_error = onnx_latency(model, one, 200)
    params = sum(p.numel() for p in model.parameters())
    best, med = min(times), statistics.median(times)
    print(f"BENCH torch net {name}: train {batch / best:.0f} images/s best, {batch / med:.0f} median "
          f"(batch {batch}, {best * 1000:.1f} ms/step), batch-1 latency {min(lat) * 1000:.3f} ms eval, "
          f"onnxruntime {ort_min * 1000:.3f} ms (max |diff| {ort_error:.1e}), peak RSS {train_rss:.0f} MB, "
          f"params {params}")
    print(f"RESULT side=torch net={name} train_ips={batch / best:.1f} train_ips_median={batch / med:.1f} "
          f"step_ms={best * 1000:.3f} cpu_ms_per_step={cpu_per_step * 1000:.3f} latency_ms={min(lat) * 1000:.4f} latency_median_ms={statistics.median(lat) * 1000:.4f} "
          f"ort_latency_ms={ort_min * 1000:.4f} ort_latency_median_ms={ort_median * 1000:.4f} "
          f"rss_train_mb={train_rss:.1f} rss_base_mb={base_rss:.1f} rss_peak_mb={peak_rss_mb():.1f} "
          f"train_flops={6 * macs} params={params}")


def bench_kernels():
    for name, n, c, hw, groups in [("conv3x3", 128, 64, 28, 1), ("depthwise3x3", 128, 96, 14, 96)]:
        x = torch.randn(n, c, hw, hw, requires_grad=True)
        w = torch.randn(c, c // groups, 3, 3, requires_grad=True)
        flops = 2.0 * n * c * hw * hw * (c // groups) * 9 * 3

        def run():
            x.grad = None
            w.grad = None
            torch.nn.functional.conv2d(x, w, padding=1, groups=groups).sum().backward()

        t = min(timings(5, run))
        print(f"RESULT side=torch kernel={name} gflops={flops / t / 1e9:.1f} ms={t * 1000:.3f}")
    a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
    t = min(timings(10, lambda: torch.nn.functional.linear(a, b)))
    print(f"RESULT side=torch kernel=gemm1024 gflops={2 * 1024 ** 3 / t / 1e9:.1f} ms={t * 1000:.3f}")
    bench_small_ops()


def bench_small_ops():
    """The fixed cost of small ops: ReLU, add and training batch norm on 64 values, in µs
    (median of 2000 forward calls), as naslab's TrainingBenchmark/perOpOverhead measures them."""
    x, y = torch.randn(1, 16, 2, 2), torch.randn(1, 16, 2, 2)
    bn = nn.BatchNorm2d(16).train()

    def median_us(body):
        return statistics.median(timings(2000, body)) * 1e6

    relu, add = median_us(lambda: torch.relu(x)), median_us(lambda: x + y)
    norm = median_us(lambda: bn(x))
    print(f"BENCH torch overhead per op (µs, 64 values, forward): relu {relu:.2f}, add {add:.2f}, batch norm {norm:.2f}")
    print(f"RESULT side=torch smallop=64 relu_us={relu:.2f} add_us={add:.2f} bn_us={norm:.2f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--net", choices=sorted(NETS))
    parser.add_argument("--kernels", action="store_true")
    parser.add_argument("--export-onnx", metavar="DIR")
    args = parser.parse_args()
    if args.export_onnx:
        export_onnx(args.export_onnx)
        return
    if args.kernels:
        bench_kernels()
    if args.net:
        bench_net(args.net)
    if not args.kernels and not args.net:
        for name in NETS:
            bench_net(name)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
