evaluate(nb201(dataset: "cifar10"), mobilenetv2())   # expect error: evaluates nb201 architectures, not segment ones
