# objectives: MnasNet reward (soft and hard) and constraints, checked against the formulas here
space = nb201()
ev = nb201(dataset: "cifar10")
lat = latency("pixel3")
soft = mnasnet_reward(target: 5ms)
hard = mnasnet_reward(target: 5ms, hard: true)
print(type(soft))                               # expect: objective
rs = launch(evolution(), on: space, using: [ev, lat], budget: 60, seed: 4, objective: soft)
rh = launch(evolution(), on: space, using: [ev, lat], budget: 60, seed: 4, objective: hard)
wait();
fn reward(acc, l, t, a, b) {
  w = b
  if l <= t { w = a }
  return acc * (l / t) ** w
}
# each trial's score is ACC * (LAT/T)^w computed here; best(r) is the trial with the largest
for t in list(rs.trials) { assert abs(t.score - reward(t.accuracy, t.latency / 1s, 0.005, -0.07, -0.07)) < 1e-12 }
for t in list(rh.trials) { assert abs(t.score - reward(t.accuracy, t.latency / 1s, 0.005, 0, -1)) < 1e-12 }
print(best(rs).score == max((rs.trials).score), best(rh).score == max((rh.trials).score))   # expect: true true
# under the hard reward, a fast enough cell keeps its accuracy as its score
fast = list(rh.trials | where latency <= 5ms)
print(len(fast) > 0, fast[0].score == fast[0].accuracy)                  # expect: true true
# a constraint: infeasible trials score -inf and best() only returns feasible ones
rc = launch(random(), on: space, using: [ev, lat], budget: 40, seed: 5, constraints: ["latency < 4ms"])
wait(rc);
b = best(rc)
ok = rc.trials | where latency < 4ms | sort accuracy desc | take 1
print(b.latency < 4ms, b.accuracy == ok.accuracy[0])                     # expect: true true
print(minimize("latency", constraints: ["accuracy >= 90%"]))             # expect: objective minimize latency subject to accuracy >= 0.9
