s = simulate(random(), on: fbnet(), using: nb201(dataset: "cifar10"), budget: 10)
# expect error: the NB201 table evaluates architectures of the nb201 space, not of 'fbnet'
