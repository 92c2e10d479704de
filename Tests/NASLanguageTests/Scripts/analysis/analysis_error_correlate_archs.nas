# correlate: one architecture has no rank correlation
s = nb201()
correlate(nb201(dataset: "cifar10", epochs: 12), nb201(dataset: "cifar10"), [sample(s, seed: 1)])
# expect error: a rank correlation needs at least two architectures, got 1
