r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 5, seed: 1)
wait(r)                # expect: run 1 done: 5/5 trials, best accuracy 90.88%
trials(r) | where acuracy > 90%
# expect error: acuracy
# expect error: accuracy
