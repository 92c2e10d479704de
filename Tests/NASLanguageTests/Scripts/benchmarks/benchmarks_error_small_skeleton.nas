evaluate(nb201(dataset: "cifar10"), sample(nb201(channels: 8), seed: 1))   # expect error: the NB201 table holds results for the benchmark's own skeleton
