# # Tabular benchmarks and hardware tables
#
# NAS-Bench-201 trained all 15,625 cells of its space on three datasets; HW-NAS-Bench measured
# each one's latency on real devices. With both tables, questions that once cost GPU-years take
# milliseconds: which cell is best, and what does accuracy cost in latency?

# ## The best cell per dataset, by exhaustive query
for d in ["cifar10", "cifar100", "imagenet16-120"] {
  best = bench_table("nb201", dataset: d) | sort accuracy desc | take 1 | select index, arch, accuracy, test_accuracy
  print(d, best.index[0], best.accuracy[0], best.test_accuracy[0])
}
c10 = bench_table("nb201", dataset: "cifar10")
top = c10 | sort test_accuracy desc | take 1
assert top.index[0] == 6111 and abs(top.test_accuracy[0] - 94.37%) < 0.005%, "the published best CIFAR-10 cell (Dong & Yang 2020)"

# ## The benchmark as an evaluator
# `nb201(dataset: …)` is the space's table as an evaluator; a lookup charges the recorded
# training time to the simulated clock.
ev = nb201(dataset: "cifar10")
cell = arch(nb201(), 6111)
evaluate(ev, cell)
evaluate(nb201(dataset: "cifar10", epochs: 12), cell)

# ## Joining accuracy with Raspberry Pi 4 and Pixel 3 latency
pi = latency(device: "raspi4")
px = latency(device: "pixel3")
assert evaluate(pi, arch(nb201(), 0)).latency == 10.481977ms, "HW-NAS-Bench's raspi4[0]"
pi_rows = latency(pi) | extend pi_latency: latency | select arch, pi_latency
px_rows = latency(px) | extend pixel3_latency: latency | select arch, pixel3_latency
both = c10 | join pi_rows on arch | join px_rows on arch | select index, arch, accuracy, pi_latency, pixel3_latency
both | sort accuracy desc | take 5

# ## The accuracy/latency Pareto front on each device
front_pi = both | pareto(x: "pi_latency", y: "accuracy")
front_pi | select index, accuracy, pi_latency
front_px = both | pareto(x: "pixel3_latency", y: "accuracy")
front_px | select index, accuracy, pixel3_latency
assert front_pi.index[len(front_pi) - 1] == 6111, "the most accurate cell ends the front"
print("cells on the front:", len(front_pi), "(Raspberry Pi 4),", len(front_px), "(Pixel 3)")

# ## Zero-cost proxies: how well do scores computed at initialisation rank the cells?
correlations(dataset: "cifar10") | sort spearman desc
