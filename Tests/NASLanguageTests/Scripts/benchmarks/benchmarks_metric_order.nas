# evaluate() lists metrics in the one standard order (MetricCatalogue.standardNames: accuracy,
# valid_accuracy, test_accuracy, loss, params, flops, macs, latency, train_time), the order of the
# columns of trials and simulate, whatever order the evaluator was given them in.
s = nb201()
p = save(table([{arch: 0, latency: 0.002, params: 1000, flops: 5, macs: 2}]), "/tmp/naslab-golden-benchmarks-metric-order.csv")
b = benchmark(csv: p, space: s, key: "arch", metrics: ["macs", "latency", "flops", "params"], units: {latency: "s"})
print(keys(evaluate(b, arch(s, 0))))   # expect: ["params", "flops", "macs", "latency"]
