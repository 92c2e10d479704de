# best-so-far plots of runs on the NB201 table: over seeds with a band, of launched runs, of several runs
s = nb201()
ev = nb201(dataset: "cifar10")
sims = simulate(random(), on: s, using: ev, budget: 20000s, seeds: 3, trials: true)
p = sims | plot x: clock, y: best, band: seed
print(p.series, p.x, p.y)              # expect: ["best"] clock (s) best (%)
# at the last clock every seed has finished: the line is the mean of the seeds' final best
final = sims | group by seed summarize b: max(best)
print(round(p.points.y[-1] - mean(final.b), 9) == 0)   # expect: true
print("░ spread (min–max)" in str(p))  # expect: true
per_seed = sims | plot x: trial, y: best, by: seed
print(per_seed.series)                 # expect: ["seed 1", "seed 2", "seed 3"]
# a launched run's trials have no best column: y: best is the running maximum of score
r1 = launch(random(), on: s, using: ev, budget: 20, seed: 1)
r2 = launch(random(), on: s, using: ev, budget: 20, seed: 2)
wait();
p1 = trials(r1) | plot x: trial, y: best
# trials 1–20: range 19 → 20, step nice(20 / 4) = 5, from 0
print(p1.series, p1.xticks)            # expect: ["best"] ["0", "5", "10", "15", "20"]
scores = trials(r1).score
print(round(p1.points.y[-1] - max(scores), 9) == 0, round(p1.points.y[0] - scores[0], 9) == 0)   # expect: true true
print(plot(r1) == p1)                  # expect: true
many = plot([r1, r2])
print(many.series, len(many.points))   # expect: ["run 1", "run 2"] 40
