# convergence: a table's arch column is text, which needs the space to be read in
runs = simulate(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 10, seeds: 2)
convergence(runs)
# expect error: give space: (such as nb201()) to read the arch column of archs
