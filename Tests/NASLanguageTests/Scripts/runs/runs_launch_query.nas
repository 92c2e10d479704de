# launch a random search on the NB201 table and check what the store recorded against the table itself
space = nb201()
ev = nb201(dataset: "cifar10")
r = launch(random(), on: space, using: ev, budget: 40, seed: 7)
print(type(r), r.id)                                      # expect: run 1
wait(r)                                                   # expect: run 1 done: 40/40 trials, best accuracy 90.25%
print(r.status, len(trials(r)), len(r.trials))            # expect: done 40 40
rows = list(trials(r))
# every trial holds what a direct lookup in the table gives for its architecture
for t in rows {
  e = evaluate(ev, arch(space, t.arch))
  assert e.accuracy == t.accuracy and e.test_accuracy == t.test_accuracy, "trial " + str(t.trial)
}
# best(r) is the maximum over the trials, computed here by a plain loop
m = rows[0]
for t in rows { if t.accuracy > m.accuracy { m = t } }
print(best(r).trial == m.trial, best(r).accuracy == m.accuracy)   # expect: true true
# no trial beats the best cell of the whole table (an exhaustive query)
top = bench_table("nb201") | sort accuracy desc | take 1
print(top.accuracy[0], best(r).accuracy <= top.accuracy[0])        # expect: 91.61% true
# the simulated clock is the sum of the table's training times
total = trials(r) | summarize s: sum(sim_time)
print(round(r.simulated_time - total.s[0], 6))            # expect: 0s
# best by another metric, smallest first for params
small = best(r, by: "params")
print(small.params == min(map(rows, fn(t) { t.params })))  # expect: true
print(status(r).trials, status(r).status)                 # expect: 40 done
runs() | select run, strategy, space, status, trials      # expect: run  strategy  space  status  trials
# expect: ---  --------  -----  ------  ------
# expect:   1  random    nb201  done        40
