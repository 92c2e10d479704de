r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 5, seed: 1)
wait(r)                # expect: run 1 done: 5/5 trials, best accuracy 90.88%
print(len(sql("select * from trials; drop table trials")))
# expect error: more than one statement
