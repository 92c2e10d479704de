# FBNet's latency table at a tiny input on this machine: profile, CSV and store round trips, the
# correction by method 1 (177 whole networks), and held-out networks measured whole: the corrected
# table is closer to them than the plain sum. Timings vary, so only comparisons are printed.
d = device(threads: 1)
print(d)   # expect: device naslab-cpu/1t (1 thread)
t = profile(fbnet(), device: d, input: [1, 3, 16, 16], repeats: 5, warmup: 2)
print(t.kind, t.space, t.entries, t.device, t.input)   # expect: plain fbnet 200 naslab-cpu/1t [3, 16, 16]
held = sample(fbnet(), seed: 7, n: 4)
path = save_lut(t, "/tmp/naslab-golden-hardware-lut.csv")
u = load_lut(path, space: fbnet())
print(u.entries, lut_sum(u, held) == lut_sum(t, held))   # expect: 200 true
s = load_lut(t.name)
print(s.name, s.kind, lut_sum(s, held) == lut_sum(t, held))   # expect: fbnet@naslab-cpu/1t plain true
c = correct(t, method: 1, reference: "k3_e6", repeats: 5, warmup: 2)
print(c)   # expect: latency predictor corrected-lut(fbnet@naslab-cpu/1t+corrected, method 1 (k3_e6))
k = load_lut("fbnet@naslab-cpu/1t+corrected")
print(k.kind, k.measurements, k.entries)   # expect: corrected 177 199
plain_error = 0ms
corrected_error = 0ms
for a in held {
  m = measure(a, device: d, input: [1, 3, 16, 16], repeats: 21)
  plain_error = plain_error + abs(lut_sum(t, a) - m.latency)
  corrected_error = corrected_error + abs(lut_sum(c, a) - m.latency)
}
print(corrected_error < plain_error)   # expect: true
m = measure(held[0], input: [1, 3, 16, 16], repeats: 5)
print(m.p10 <= m.latency, m.latency <= m.p90, m.min <= m.latency, m.cv >= 0, m.memory_estimate > 1KB, m.peak_memory > 1KB)   # expect: true true true true true true
ev = measure(device: d, input: [1, 3, 16, 16], repeats: 3)
print(evaluate(ev, held[1]).latency > 0ms)   # expect: true
luts() | select name, kind, space, entries, measurements
# expect: name                           kind       space  entries  measurements
