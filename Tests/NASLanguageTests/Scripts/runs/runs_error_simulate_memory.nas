# Keeping every trial of a huge budget is refused before it starts, not by running out of memory.
simulate(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 1e9, seeds: 1, trials: true)  # expect error: would pass 5000000 trials in memory
