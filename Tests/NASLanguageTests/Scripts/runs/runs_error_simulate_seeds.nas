s = simulate(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 20000s, seeds: 0)
# expect error: seeds is a number of runs from 1 to 100000 (or a list of seeds), got 0
