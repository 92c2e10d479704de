# pipelines on store-backed tables run as SQL; the same pipeline on the rows in memory must agree
space = nb201()
ev = nb201(dataset: "cifar10")
r = launch(evolution(population: 10, sample: 3), on: space, using: ev, budget: 60, seed: 3)
wait(r)                                                   # expect: run 1 done: 60/60 trials, best accuracy 91.1%, 5 cached
memory = table(list(trials(r)))
a = trials(r) | where accuracy > 89% and params < 1M | sort accuracy desc, trial | take 5 | select trial, accuracy, params
b = memory | where accuracy > 89% and params < 1M | sort accuracy desc, trial | take 5 | select trial, accuracy, params
print(a == b, len(a))                                     # expect: true 5
c = trials(r) | where not (cached == true) or trial <= 3 | sort params | select trial, params
d = memory | where not (cached == true) or trial <= 3 | sort params | select trial, params
print(c == d, len(c))                                     # expect: true 55
# a filter that needs row-wise evaluation falls back to memory and still agrees
e = trials(r) | where accuracy * 100 > 90 | select trial
f = memory | where accuracy * 100 > 90 | select trial
print(e == f)                                             # expect: true
# all runs' trials, and the runs table, are store-backed too
print(len(trials() | where run == r.id))                  # expect: 60
print(len(runs() | where status == "done"))               # expect: 1
n = sql("select count(*) as n from trials where run_id = 1 and status = 'done'")
print(n.n[0])                                             # expect: 60
# bare names of builtins that need no argument can start a pipeline
print(len(trials | where run == 1), len(runs | take 5))  # expect: 60 1
