s = simulate(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 20000s, seeds: [1, 2.5])
# expect error: seeds must be whole numbers of 0 or more, got a plain number (2.5)
