r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 64MB)
# expect error: a budget is a number of trials (like 100) or a time (like 20000s or 10min), not a memory size
