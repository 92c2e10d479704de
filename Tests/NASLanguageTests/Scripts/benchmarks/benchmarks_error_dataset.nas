nb201(dataset: "cifar11")   # expect error: NAS-Bench-201 has no dataset 'cifar11'
