launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 2, early_stop: curve_stop())   # expect error: early stopping needs an evaluator that trains epoch by epoch, from train(…)
