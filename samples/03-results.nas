# # Results: runs, the experiment store and queries
#
# Every trial a run evaluates is written to the workspace's store (`.naslab/store.sqlite`) the
# moment it finishes. A run works in the background: the script (or the REPL) can query it
# while it works, and pipelines on its trials run as SQL inside the store.

space = nb201()
ev = nb201(dataset: "cifar10")

# ## Launch a run; it returns at once
r = launch(evolution(population: 20, sample: 5), on: space, using: ev, budget: 1500, seed: 1)
print("launched", r)

# ## Query it while it works
# (the metric columns appear with the first finished trial: wait for a few)
while r.status == "running" and len(r.trials | where status == "done") < 20 { sleep(10ms) }
so_far = r.trials | where status == "done" | summarize n: count(), best: max(accuracy)
print("while running:", so_far.n[0], "trials so far, best", so_far.best[0])
assert so_far.n[0] < 1500, "the run was still working when queried"

# ## Wait for it, then look at the best trials
# (trials answered from the result cache repeat earlier work: leave them out to see distinct cells)
wait(r)
assert r.status == "done" and len(r.trials) == 1500
top = r.trials | where status == "done" and cached == false | sort accuracy desc | take 5 | select trial, arch, accuracy, test_accuracy, params
top
b = best(r)
print("best trial", b.trial, "valid", b.accuracy, "test", b.test_accuracy)
assert b.accuracy == top.accuracy[0], "best(r) is the top of the sorted trials"

# The same question in SQL, for power users (read-only)
q = sql("select count(*) as n, max(accuracy) as best from trials where run_id = " + str(r.id))
assert q.n[0] == 1500 and q.best[0] == b.accuracy

# How often did evolution propose an architecture it had already seen? Those trials came from
# the result cache instead of being evaluated again.
r.trials | group by cached summarize n: count()

# ## Save the best trials as CSV and read them back
path = workspace() + "/best-trials.csv"
save(top, path);
back = load(path)
assert back.arch == top.arch and back.accuracy == top.accuracy, "the CSV round trip keeps every cell"
print("saved", len(back), "rows to", path)
