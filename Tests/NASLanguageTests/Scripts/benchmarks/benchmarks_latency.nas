# Device latency tables (HW-NAS-Bench, Li et al. ICLR 2021; HELP, Lee et al. NeurIPS 2021).
# Expected values: HW-NAS-Bench's example notebook (raspi4[0] = 10.481976820010459 ms) and
# rows of /work/shared/data/nb201_device_latency_ms.csv read with Python.
s = nb201()
print(len(devices()), len(devices("fbnet")))      # expect: 27 27
pi = latency(device: "raspi4")
pi                                                # expect: latency table nb201/raspi4 on raspi4 (15625 nb201 architectures)
print(type(pi), pi.count, pi.space)               # expect: latency table 15625 nb201
a0 = arch(s, 0)
print(evaluate(pi, a0).latency == 10.481977ms)    # expect: true
print(evaluate(latency(device: "pixel3"), a0).latency == 3.60585ms)   # expect: true
print(evaluate(latency(device: "fpga"), a0).latency == 2.57296ms)     # expect: true
gpu = latency(device: "titan_rtx", batch: 256)
print(gpu.batch, evaluate(gpu, a0).latency == 10.65186ms)             # expect: 256 true
print(evaluate(latency(device: "titan_rtx_256"), a0) == evaluate(gpu, a0))   # expect: true
print(evaluate(latency(device: "pixel3"), arch(s, 6111)).latency == 23.5848ms)   # expect: true

# The rows as a table, joined with accuracy; the accuracy/latency Pareto front.
rows = latency(pi)
print(rows.columns, len(rows))                    # expect: ["arch", "latency"] 15625
j = bench_table("nb201") | join rows on arch | select index, arch, accuracy, latency
print(len(j))                                     # expect: 15625
front = j | pareto(x: "latency", y: "accuracy")
print(front.index[len(front) - 1])                # expect: 6111
print(len(filter(range(len(front) - 1), fn(i) { front.latency[i] < front.latency[i + 1] and front.accuracy[i] < front.accuracy[i + 1] })) == len(front) - 1)   # expect: true
print(len(pareto(j, x: "latency", y: "accuracy", x_goal: "max", y_goal: "min")) > 0)   # expect: true
all = bench_table("nb201_latency")
print(len(all), len(all.columns))                 # expect: 15625 29

# FBNet: 5,000 sampled architectures keyed by their 22 op indices.
fb = latency(device: "pixel3", space: "fbnet")
print(fb.count, fb.space)                         # expect: 5000 fbnet
# Row 0 of /work/shared/data/fbnet_device_latency_ms.csv: op_idx 7818488874147327324245,
# pixel3 17.557745 ms, raspi4 30.25286 ms; its ops column is the canonical FBNet text.
first = arch(fbnet(), "k5_e6-skip-k3_e1_g2-skip-k5_e1-skip-skip-skip-k5_e6-k5_e1-k3_e1_g2-k5_e1-k5_e6-k3_e6-k3_e3-k5_e6-k3_e6-k3_e3-k5_e1-k3_e3-k5_e1-k5_e1_g2")
print(evaluate(fb, first).latency == 17.557745ms)                          # expect: true
print(evaluate(latency(device: "raspi4", space: "fbnet"), first).latency == 30.25286ms)   # expect: true
print(latency(fb).arch[0] == "7818488874147327324245", arch(fbnet(), latency(fb).arch[0]) == first)   # expect: true true
