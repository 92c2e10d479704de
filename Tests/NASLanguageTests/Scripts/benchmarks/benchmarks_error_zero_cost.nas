zero_cost(benchmark: "nb101", dataset: "cifar100")   # expect error: NASLib zero-cost scores are shipped for
