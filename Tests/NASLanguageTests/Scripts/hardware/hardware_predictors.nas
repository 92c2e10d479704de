# Latency predictors fitted on the shipped device tables (HW-NAS-Bench, HELP) and judged on
# held-out architectures; a new device from ten cells (HELP's setting); energy per inference.
fb = fbnet()
lat = latency(device: "raspi4", space: "fbnet")
rows = latency(lat)
train = rows | take 300
held = map(range(300, 600), fn(i) { arch(fb, rows.arch[i]) })
learned = latency_model("learned", train, truth: lat, space: fb)
print(type(learned), learned.spaces)                    # expect: predictor ["fbnet"]
r = assess(learned, held, truth: lat)
print(r.n, r.kendall_tau >= 0.9, r.within_10 >= 90%)    # expect: 300 true true
flops = latency_model("flops", train, truth: lat, space: fb)
f = assess(flops, held, truth: lat)
print(f.kendall_tau < r.kendall_tau, f.mape > r.mape)   # expect: true true
# bias is the mean signed relative error, worked out here from the predictions and the table.
err = map(range(300, 600), fn(i) { predict(flops, held[i - 300]) / rows.latency[i] - 1 })
print(abs(mean(err) - f.bias) < 1e-9, f.bias != 0)     # expect: true true
t = predict(learned, held[0])
print(t > 1ms and t < 1s)                               # expect: true

# HELP's setting: fpga left out of the prior, measured on 10 cells, every cell predicted.
s = nb201()
fpga = latency(device: "fpga")
p = few_shot(fpga, samples: 10)
print(p.descriptor)                                     # expect: few-shot(nb201, 10 samples, rank 3, latency(table: nb201/fpga, device: fpga))
a = assess(p, sample(s, n: 300, seed: 1), truth: fpga)
print(a.n, a.spearman >= 0.9)                           # expect: 300 true

# Energy: an evaluator like latency; parts add up, the MAC cost scales everything.
best = arch(s, 6111)
empty = arch(s, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")
e = evaluate(energy(), best)
print(e.energy == e.energy_compute + e.energy_rf + e.energy_array + e.energy_buffer + e.energy_dram)   # expect: true
print(evaluate(energy(mac: 2e-12), best).energy == 2 * e.energy)   # expect: true
print(e.energy_compute >= cost(best).macs * 1e-12, e.energy > evaluate(energy(), empty).energy)   # expect: true true
