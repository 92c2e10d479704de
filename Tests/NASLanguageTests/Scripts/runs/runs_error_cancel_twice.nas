space = nb201()
r = launch(random(), on: space, using: nb201(dataset: "cifar10"), budget: 100000, seed: 1)
cancel(r);
print(r.status)        # expect: cancelled
cancel(r)
# expect error: run 1 is not working in this session (it is cancelled); there is nothing to cancel
