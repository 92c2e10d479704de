# FBNet's latency table at a tiny input on this machine: profile, the CSV and store round trips, the
# LUT sum, measurements of whole networks and the measuring evaluator. (The correction, which measures
# 199 whole networks even for method 1, is checked with a device of known answers in
# HardwareBuiltinsTests.) Timings vary, so only comparisons are printed.
d = device(threads: 1)
print(d)   # expect: device naslab-cpu/1t (1 thread)
t = profile(fbnet(), device: d, input: [1, 3, 16, 16], repeats: 3, warmup: 1)
print(t.kind, t.space, t.entries, t.device, t.input, t.batch)   # expect: plain fbnet 200 naslab-cpu/1t [3, 16, 16] 1
held = sample(fbnet(), seed: 7, n: 3)
path = save_lut(t, "/tmp/naslab-golden-hardware-lut.csv")
u = load_lut(path, space: fbnet())
print(u.entries, lut_sum(u, held) == lut_sum(t, held))   # expect: 200 true
s = load_lut(t.name)
print(s.name, s.kind, lut_sum(s, held) == lut_sum(t, held))   # expect: fbnet@naslab-cpu/1t plain true
p = lut_sum(t)
print(p)   # expect: latency predictor lut-sum(fbnet@naslab-cpu/1t)
m = measure(held[0], device: d, input: [1, 3, 16, 16], repeats: 5)
print(m.p10 <= m.latency, m.latency <= m.p90, m.min <= m.latency, m.cv >= 0, m.memory_estimate > 1KB, m.peak_memory > 1KB)   # expect: true true true true true true
ev = measure(device: d, input: [1, 3, 16, 16], repeats: 3)
print(evaluate(ev, held[1]).latency > 0ms)   # expect: true
n = luts() | where kind == "plain" | select name, space, entries
print(len(n), n[0].name, n[0].entries)   # expect: 1 fbnet@naslab-cpu/1t 200
slow = luts(t.name) | where key == "head@352x1x1" | select key
print(len(slow))   # expect: 1
