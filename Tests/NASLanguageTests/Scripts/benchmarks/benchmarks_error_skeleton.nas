nb201(channels: 8, dataset: "cifar10")   # expect error: the nb201 benchmark evaluator is for the benchmark's own skeleton; leave out 'channels'
