r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 3)
wait(r);
sn = supernet(r)
# expect error: run 1 has no supernet to evaluate with: random trains no supernet
