# correlate: an evaluator that fails on an architecture (a table that lacks it) stops the call, naming both
s = nb201()
zc = zero_cost(dataset: "cifar10")
path = "/tmp/naslab-golden-analysis-error-correlate-missing.csv"
zc | select arch, synflow | save(path);
proxy = benchmark(csv: path, space: s, key: "arch", metrics: ["synflow"])
correlate(proxy, nb201(dataset: "cifar10"), [arch(s, zc.arch[0]), arch(s, 0)], metric: ["synflow", "accuracy"])
# expect error: failed on |avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|
