# cancel a run, resume it, and compare with the same run left alone: same trials, none lost or repeated
space = nb201()
ev = nb201(dataset: "cifar10")
s = evolution(population: 10, sample: 3)
r = launch(s, on: space, using: ev, budget: 300, seed: 11)
while len(r.trials | where status == "done") < 30 { sleep(2ms) }
cancel(r);
print(r.status)                                            # expect: cancelled
stopped = len(r.trials | where status == "done")
print(stopped >= 30 and stopped < 300)                     # expect: true
resume(r);
wait(r)                                                    # expect: run 1 done: 300/300 trials, best accuracy 91.61%, 51 cached
print(r.status, len(r.trials))                             # expect: done 300
# the trial numbers run 1..300 without gaps or repeats
seqs = (r.trials | sort trial).trial
print(seqs == range(1, 301))                               # expect: true
# an uninterrupted run with the same seed proposes the same architectures in the same order
u = launch(s, on: space, using: ev, budget: 300, seed: 11)
wait(u)                                                    # expect: run 2 done: 300/300 trials, best accuracy 91.61%, 300 cached
print((r.trials | sort trial).arch == (u.trials | sort trial).arch)   # expect: true
# the second run did no work: every trial came from the result cache
print(len(u.trials | where cached == false))               # expect: 0
# a run of the store can be read back by id
again = run(r.id)
print(again.status, again.strategy, best(again).accuracy == best(r).accuracy)   # expect: done evolution true
