r = launch("evolutoin", on: nb201(), using: nb201(dataset: "cifar10"), budget: 10)
# expect error: unknown strategy 'evolutoin'; did you mean 'evolution'?
