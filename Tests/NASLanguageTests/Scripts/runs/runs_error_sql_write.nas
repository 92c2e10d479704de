r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 5, seed: 1)
wait(r)                # expect: run 1 done: 5/5 trials, best accuracy 90.88%
sql("delete from trials")
# expect error: DELETE
