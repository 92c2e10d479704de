#!/usr/bin/env python3
"""Combines the `RESULT side=... step=... key=value` lines of naslab's and PyTorch's one-shot step
benchmarks (stdin) into the table scripts/bench.d/oneshot.sh prints: step time and peak memory of
naslab against PyTorch, and the path-sampling methods' peak memory as a fraction of DARTS's.

images/s counts the images of the weights' batch per step (a DARTS or GDAS step also runs a batch of
the architecture's half). Peak memory: the process's max RSS (each step runs in a process of its own);
growth is that peak minus the process's peak before the supernet was built (PyTorch's import alone
takes several hundred MiB); naslab's tensor peak is the most bytes of tensor buffers held at once.
"""
import os
import sys

STEPS = ["darts1", "darts1-lean", "darts2", "gdas", "spos", "proxyless"]
NAMES = {"darts1": "DARTS 1st order", "darts1-lean": "DARTS 1st, torch α-only grad", "darts2": "DARTS 2nd order",
         "gdas": "GDAS", "spos": "SPOS", "proxyless": "ProxylessNAS"}


def parse(lines):
    steps, loads = {}, {}
    for line in lines:
        if line.startswith("LOAD "):
            fields = dict(f.split("=", 1) for f in line.split()[1:])
            loads[fields["step"]] = fields["load"].replace(",", " ")
        if not line.startswith("RESULT "):
            continue
        fields = dict(f.split("=", 1) for f in line.split()[1:])
        side, name = fields.pop("side"), fields.pop("step")
        steps.setdefault(name, {})[side] = {k: float(v) for k, v in fields.items()}
    return steps, loads


SAMPLED = {"gdas", "spos", "proxyless"}  # other paths every step: compared on the mean step, not the best


def step_ms(r, name):
    return r.get("step_ms_mean", r["step_ms"]) if name in SAMPLED else r["step_ms"]


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "-"


def main():
    steps, loads = parse(sys.stdin.read().splitlines())
    batch = os.environ.get("NASLAB_ONESHOT_BATCH", "64")
    print(f"\nOne-shot steps on the NB201 supernet (batch {batch}, input {os.environ.get('NASLAB_ONESHOT_INPUT', '3x32x32')}, "
          f"{os.environ.get('NASLAB_BENCH_THREADS', '2')} threads; DARTS: best step of several, GDAS/SPOS: mean step, as "
          "their paths change every step; speed-up > 1: naslab faster)")
    print(f"{'step':<30} {'naslab ms':>10} {'torch ms':>9} {'speed-up':>9} {'naslab img/s':>13} {'torch img/s':>12} "
          f"{'naslab cpu ms':>14} {'torch cpu ms':>13}   load (1/5/15 min)")
    darts = steps.get("darts1", {}).get("naslab")
    for name in STEPS:
        n, t = steps.get(name, {}).get("naslab"), steps.get(name, {}).get("torch")
        if name == "darts1-lean":  # PyTorch's variant, against naslab's one DARTS step
            n = darts
        if not n and not t:
            continue
        nm, tm = (step_ms(n, name) if n else 0), (step_ms(t, name) if t else 0)
        print(f"{NAMES[name]:<30} {nm:>10.0f} {tm:>9.0f} "
              f"{ratio(tm, nm) if n and t else '-':>9} "
              f"{int(batch) * 1000 / nm if n else 0:>13.1f} {int(batch) * 1000 / tm if t else 0:>12.1f} "
              f"{n['cpu_ms_per_step'] if n else 0:>14.0f} {t['cpu_ms_per_step'] if t else 0:>13.0f}   {loads.get(name, '?')}")
    print("\nPeak memory, MiB (max RSS of a process that runs only that step; growth = peak minus the process's peak "
          "before building the supernet; ratio < 1: naslab smaller)")
    print(f"{'step':<30} {'naslab peak':>12} {'torch peak':>11} {'ratio':>7} {'naslab growth':>14} {'torch growth':>13} "
          f"{'ratio':>7} {'naslab tensors':>15}")
    for name in STEPS:
        if name == "darts1-lean":
            continue
        n, t = steps.get(name, {}).get("naslab"), steps.get(name, {}).get("torch")
        if not n:
            continue
        ng = n["rss_peak_mb"] - n["rss_base_mb"]
        if t:
            tg = t["rss_peak_mb"] - t["rss_base_mb"]
            print(f"{NAMES[name]:<30} {n['rss_peak_mb']:>12.0f} {t['rss_peak_mb']:>11.0f} "
                  f"{ratio(n['rss_peak_mb'], t['rss_peak_mb']):>7} {ng:>14.0f} {tg:>13.0f} {ratio(ng, tg):>7} "
                  f"{n['tensor_peak_mb']:>15.0f}")
        else:
            print(f"{NAMES[name]:<30} {n['rss_peak_mb']:>12.0f} {'-':>11} {'-':>7} {ng:>14.0f} {'-':>13} {'-':>7} "
                  f"{n['tensor_peak_mb']:>15.0f}")
    print("\nPeak memory of the path-sampling methods as a fraction of DARTS's (first order), same side")
    print(f"{'step':<30} {'naslab growth':>14} {'naslab tensors':>15} {'torch growth':>13}")
    base_n, base_t = steps.get("darts1", {}).get("naslab"), steps.get("darts1", {}).get("torch")
    for name in ["gdas", "spos", "proxyless"]:
        n, t = steps.get(name, {}).get("naslab"), steps.get(name, {}).get("torch")
        if not n and not t:
            continue
        growth = lambda r: r["rss_peak_mb"] - r["rss_base_mb"]
        cells = [ratio(growth(n), growth(base_n)) if n and base_n else "-",
                 ratio(n["tensor_peak_mb"], base_n["tensor_peak_mb"]) if n and base_n else "-",
                 ratio(growth(t), growth(base_t)) if t and base_t else "-"]
        print(f"{NAMES[name]:<30} {cells[0]:>14} {cells[1]:>15} {cells[2]:>13}")


if __name__ == "__main__":
    main()
