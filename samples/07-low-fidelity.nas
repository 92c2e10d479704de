# # Lower fidelity: Hyperband and successive halving on NAS-Bench-201
#
# Training every candidate for the full schedule is what makes NAS expensive. Successive
# halving (Jamieson & Talwalkar 2016) trains many candidates briefly, keeps the best 1/η and
# trains those η times longer; Hyperband (Li et al. 2018) runs that in several brackets, from
# aggressive (many candidates, few epochs) to cautious (a few, full training).
#
# Here the trainer is the NB201 table, which recorded every cell after 12 and after 200
# epochs. The ladder asks for 22, 67 and 200 epochs (R = 200, r = 12, η = 3); a rung below 200
# is looked up at 12 epochs and charged 12 epochs of simulated time (the `fidelity_epochs`
# column says which table answered). All three strategies get the same simulated budget.

space = nb201()
ev = nb201(dataset: "cifar10")
budget = 100000s
seeds = [1, 2, 3]
contenders = [random(), successive_halving(min_epochs: 12), hyperband(min_epochs: 12)]

runs_of = {}
for s in contenders {
  rs = []
  for seed in seeds { rs = append(rs, launch(s, on: space, using: ev, budget: budget, seed: seed)) }
  runs_of[s.name] = rs
}
wait();

# ## One Hyperband run, rung by rung
hb = runs_of["hyperband"][0]
hb.trials | group by epochs, fidelity_epochs summarize trials: count(), mean_accuracy: mean(accuracy), simulated: sum(sim_time)

# ## Fully trained cells per run, and the best of them
# Only 200-epoch results are compared: a 12-epoch accuracy is not a final one.
fn full(r) {
  if r.strategy == "random" { return r.trials | where status == "done" }
  return r.trials | where status == "done" and fidelity_epochs == 200
}
rows = []
for s in contenders {
  for r in runs_of[s.name] {
    f = full(r) | sort accuracy desc
    rows = append(rows, {strategy: s.name, seed: r.seed, trials: len(r.trials), full_trainings: len(f), best_valid: f.accuracy[0], its_test: f.test_accuracy[0]})
  }
}
results = table(rows)
results
summary = results | group by strategy summarize trials: mean(trials), full_trainings: mean(full_trainings), best_valid: mean(best_valid), test: mean(its_test)
summary

# With the same simulated budget, the multi-fidelity strategies look at many more cells,
# spending most of their time on short trainings.
n = fn(name) { (summary | where strategy == name).trials[0] }
assert n("hyperband") > 2 * n("random") and n("successive_halving") > 2 * n("random"), "cheap rungs buy more candidates"
assert len(hb.trials | where fidelity_epochs == 12) > len(hb.trials | where fidelity_epochs == 200)
