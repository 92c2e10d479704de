# a one-shot run cancelled after its first epoch resumes from the supernet saved with that epoch
data = dataset("digits", train: 400, valid: 100, test: 100, seed: 1)
recipe = train(data, epochs: 3, batch: 32, lr: 0.05)
space = nb201(channels: 4, cells: 1)
r = launch(gdas(), on: space, using: recipe, budget: 3, seed: 4)
while len(r.trials | where status == "done") < 1 { sleep(2ms) }
cancel(r);
print(r.status)                                            # expect: cancelled
resume(r);
wait(r);
t = trials(r) | sort trial
print(r.status, len(t), t.epochs)                          # expect: done 3 [1, 2, 3]
print(len(alphas(r)))                                      # expect: 90
