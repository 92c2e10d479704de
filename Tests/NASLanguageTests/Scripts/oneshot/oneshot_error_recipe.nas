r = launch(darts(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 2)
# expect error: darts trains a supernet: give it data and a recipe with `using: train(data, epochs: …, batch: …)`
