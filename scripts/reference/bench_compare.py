#!/usr/bin/env python3
"""Combines the `RESULT side=... key=value` lines of naslab's and PyTorch's benchmarks (stdin)
into the side-by-side table scripts/bench.d/train.sh prints: ratios naslab / PyTorch (and
onnxruntime for batch-1 latency), and GFLOP/s as a fraction of the machine's peak, which the same
run measures (oneDNN's 3x3 convolution kernels alone, forward and both backwards).

Training FLOPs of a step are PyTorch's count of the network's conv and linear multiply-adds
(forward, hooks on every layer) times 2 (FLOPs per MAC) times 3 (forward + two backwards).
"""
import os
import sys

NETS = ["mlp", "small-cnn", "nb201", "mobilenetv2"]
KERNELS = ["conv3x3", "depthwise3x3", "gemm1024"]


def machine_peak(kernels):
    """The machine's peak: oneDNN's 3x3 convolution alone (forward and both backwards), measured in
    the same run (`RESULT side=onednn kernel=conv3x3`, the faster of its measurements: train.sh
    measures it before and after the networks); NASLAB_BENCH_PEAK only when it is missing."""
    measured = kernels.get("conv3x3", {}).get("onednn", {}).get("gflops")
    if measured:
        return measured, "oneDNN's 3x3 convolution alone, measured in this run"
    return float(os.environ.get("NASLAB_BENCH_PEAK", "480")), "NASLAB_BENCH_PEAK (not measured in this run)"


def parse(lines):
    nets, kernels, loads, small = {}, {}, {}, {}
    for line in lines:
        if line.startswith("LOAD "):
            fields = dict(f.split("=", 1) for f in line.split()[1:])
            loads[fields["net"]] = fields["load"].replace(",", " ")
        if not line.startswith("RESULT "):
            continue
        fields = dict(f.split("=", 1) for f in line.split()[1:])
        side = fields.pop("side")
        if "net" in fields:
            name = fields.pop("net")
            nets.setdefault(name, {})[side] = {k: float(v) for k, v in fields.items()}
        elif "kernel" in fields:  # measured more than once (train.sh's kernels part runs twice): the faster
            name = fields.pop("kernel")
            values = {k: float(v) for k, v in fields.items()}
            kept = kernels.setdefault(name, {}).get(side)
            if not kept or values.get("gflops", 0) > kept.get("gflops", 0):
                kernels[name][side] = values
        elif "smallop" in fields:
            small[side] = {k: float(v) for k, v in fields.items()}
    return nets, kernels, loads, small


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "-"


def main():
    nets, kernels, loads, small = parse(sys.stdin.read().splitlines())
    peak, source = machine_peak(kernels)
    print(f"\nPeak: {peak:.1f} GFLOP/s ({source}); every '% peak' below is against it")
    print(f"\nTraining (batch {os.environ.get('NASLAB_BENCH_BATCH', '128')}, best step of several; "
          "ratio > 1: naslab faster)")
    print(f"{'network':<12} {'naslab img/s':>13} {'torch img/s':>12} {'ratio':>7} {'naslab GFLOP/s':>15} "
          f"{'% peak':>7} {'torch % peak':>13}   load (1/5/15 min)")
    for name in NETS:
        n, t = nets.get(name, {}).get("naslab"), nets.get(name, {}).get("torch")
        if not n or not t:
            print(f"{name:<12} (missing: {'naslab' if not n else 'torch'})")
            continue
        flops = t["train_flops"]
        ng, tg = flops / (n["step_ms"] / 1000) / 1e9, flops / (t["step_ms"] / 1000) / 1e9
        print(f"{name:<12} {n['train_ips']:>13.0f} {t['train_ips']:>12.0f} {ratio(n['train_ips'], t['train_ips']):>7} "
              f"{ng:>15.1f} {100 * ng / peak:>6.1f}% {100 * tg / peak:>12.1f}%   {loads.get(name, '?')}")
    print("\nTraining work: CPU time per step of the whole process (all threads, spinning included; "
          "less sensitive to other processes than wall time; ratio > 1: naslab needs less)")
    print(f"{'network':<12} {'naslab ms':>10} {'torch ms':>9} {'ratio':>7}")
    for name in NETS:
        n, t = nets.get(name, {}).get("naslab"), nets.get(name, {}).get("torch")
        if n and t and "cpu_ms_per_step" in n and "cpu_ms_per_step" in t:
            print(f"{name:<12} {n['cpu_ms_per_step']:>10.1f} {t['cpu_ms_per_step']:>9.1f} "
                  f"{ratio(t['cpu_ms_per_step'], n['cpu_ms_per_step']):>7}")
    print(f"\nBatch-1 inference latency, ms (best of 200; ratio < 1: naslab faster; OMP_WAIT_POLICY "
          f"{os.environ.get('OMP_WAIT_POLICY', 'default')}: OpenMP threads of naslab and PyTorch sleep between kernels, "
          "onnxruntime's own pool spins)")
    print(f"{'network':<12} {'naslab plan':>12} {'torch eval':>11} {'onnxruntime':>12} {'vs torch':>9} {'vs ort':>7}"
          "   naslab plan chosen (lanes x threads, Winograd convs)   load (1/5/15 min)")
    for name in NETS:
        n, t = nets.get(name, {}).get("naslab"), nets.get(name, {}).get("torch")
        if not n or not t:
            continue
        chosen = (f"{n['latency_lanes']:.0f} x {n['latency_threads']:.0f}, {n['latency_winograd']:.0f}"
                  if "latency_lanes" in n else "-")
        print(f"{name:<12} {n['latency_ms']:>12.3f} {t['latency_ms']:>11.3f} {t['ort_latency_ms']:>12.3f} "
              f"{ratio(n['latency_ms'], t['latency_ms']):>9} {ratio(n['latency_ms'], t['ort_latency_ms']):>7}"
              f"   {chosen:<52} {loads.get(name, '?')}")
    spinning = [name for name in NETS if "naslab_spin" in nets.get(name, {}) and "torch" in nets.get(name, {})]
    if spinning:
        print("\nBatch-1 latency with naslab's default waiting (OpenMP threads spin 30,000 pauses, then sleep), "
              "as onnxruntime's pool spins by default; ms, best of 200")
        print(f"{'network':<12} {'naslab plan':>12} {'onnxruntime':>12} {'vs ort':>7}"
              "   naslab plan chosen (lanes x threads, Winograd convs)   load (1/5/15 min)")
        for name in spinning:
            n, t = nets[name]["naslab_spin"], nets[name]["torch"]
            chosen = f"{n['latency_lanes']:.0f} x {n['latency_threads']:.0f}, {n['latency_winograd']:.0f}"
            print(f"{name:<12} {n['latency_ms']:>12.3f} {t['ort_latency_ms']:>12.3f} "
                  f"{ratio(n['latency_ms'], t['ort_latency_ms']):>7}   {chosen:<52} {loads.get(name + '-spin', '?')}")
    interleaved = [name for name in NETS if "interleaved" in nets.get(name, {})]
    if interleaved:
        print("\nBatch-1 latency interleaved with onnxruntime in one run (naslab's default waiting; onnxruntime in "
              "its helper process on PyTorch's export, and on naslab's; rounds of 10 calls a side, order rotating): "
              "ms, each side's best over the run; ratios naslab / onnxruntime, then per round (min, median, max)")
        print(f"{'network':<12} {'naslab plan':>12} {'ort (torch)':>12} {'vs ort':>7} {'per round':>16} "
              f"{'ort (naslab)':>13} {'vs ort':>7} {'per round':>16}   load (1/5/15 min)")
        for name in interleaved:
            n = nets[name]["interleaved"]
            cells = []
            for key in ["ort", "ort_naslab_export"]:
                if f"{key}_ms" in n:
                    rounds = f"{n[key + '_round_min']:.2f} {n[key + '_round_median']:.2f} {n[key + '_round_max']:.2f}"
                    cells.append(f"{n[key + '_ms']:>12.3f} {n[key + '_ratio']:>6.2f}x {rounds:>16}")
                else:
                    cells.append(f"{'-':>12} {'-':>7} {'-':>16}")
            print(f"{name:<12} {n['naslab_ms']:>12.3f} {cells[0]} {cells[1]:>38}   {loads.get(name + '-interleaved', '?')}")
    print("\nPeak memory, MiB (max RSS of a process that runs only that network; growth = peak minus the "
          "process's peak before building the model; ratio < 1: naslab smaller)")
    print(f"{'network':<12} {'naslab peak':>12} {'torch peak':>11} {'ratio':>7} {'naslab growth':>14} "
          f"{'torch growth':>13} {'ratio':>7}")
    for name in NETS:
        n, t = nets.get(name, {}).get("naslab"), nets.get(name, {}).get("torch")
        if not n or not t:
            continue
        ng, tg = n["rss_train_mb"] - n["rss_base_mb"], t["rss_train_mb"] - t["rss_base_mb"]
        print(f"{name:<12} {n['rss_train_mb']:>12.0f} {t['rss_train_mb']:>11.0f} "
              f"{ratio(n['rss_train_mb'], t['rss_train_mb']):>7} {ng:>14.0f} {tg:>13.0f} {ratio(ng, tg):>7}")
    print_depthwise(nets, kernels)
    print_kernels(kernels, peak)
    print_small_ops(small)


def print_depthwise(nets, kernels):
    """Depthwise convolutions inside the training step, against oneDNN's depthwise kernel alone."""
    alone = kernels.get("depthwise3x3", {}).get("onednn", {}).get("gflops")
    rows = [name for name in NETS if "depthwise_gflops" in nets.get(name, {}).get("naslab", {})]
    if not rows:
        return
    print("\nConvolutions inside naslab's fastest training step (forward + backward of each op, layout "
          "conversions included)")
    print(f"{'network':<12} {'depthwise ms':>13} {'GFLOP/s':>8} {'oneDNN alone, same layers':>26} {'%':>6} "
          f"{'% of dw3x3 96 alone':>20} {'other conv ms':>14} {'GFLOP/s':>8}")
    for name in rows:
        n = nets[name]["naslab"]
        dw, same = n["depthwise_gflops"], n.get("depthwise_alone_gflops")
        of_same = f"{100 * dw / same:.1f}%" if same else "-"
        share = f"{100 * dw / alone:.1f}%" if alone else "-"
        print(f"{name:<12} {n['depthwise_ms']:>13.1f} {dw:>8.1f} {same or 0:>26.1f} {of_same:>6} {share:>20} "
              f"{n.get('conv_ms', 0):>14.1f} {n.get('conv_gflops', 0):>8.1f}")


def print_kernels(kernels, peak):
    print(f"\nKernels, forward + both backwards for convolutions (best of several; % of the peak {peak:.1f} GFLOP/s)")
    print(f"{'kernel':<14} {'oneDNN alone':>13} {'% peak':>7} {'naslab':>8} {'% peak':>7} {'naslab blocked':>15} "
          f"{'% peak':>7} {'torch':>7} {'% peak':>7}")
    def cells(gflops, width):
        if not gflops:
            return f"{'-':>{width}} {'-':>7}"
        return f"{gflops:>{width}.1f} {100 * gflops / peak:>6.1f}%"

    for name in KERNELS:
        o = kernels.get(name, {}).get("onednn", {}).get("gflops")
        n = kernels.get(name, {}).get("naslab", {})
        t = kernels.get(name, {}).get("torch", {}).get("gflops")
        print(f"{name:<14} {cells(o, 13)} {cells(n.get('gflops'), 8)} {cells(n.get('blocked_gflops'), 15)} {cells(t, 7)}")


def print_small_ops(small):
    if not small:
        return
    print("\nSmall ops on 64 values, forward, µs (median of 2000 calls)")
    print(f"{'op':<12} {'naslab':>8} {'torch':>8}")
    for op in ["relu", "add", "bn", "bn_blocked"]:
        n, t = small.get("naslab", {}).get(op + "_us"), small.get("torch", {}).get(op + "_us")
        print(f"{op:<12} {n if n is not None else '-':>8} {t if t is not None else '-':>8}")


if __name__ == "__main__":
    main()
