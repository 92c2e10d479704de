# NSGA-II against random search on accuracy and Pixel 3 latency; fronts checked by brute force
space = nb201()
using = [nb201(dataset: "cifar10"), latency("pixel3")]
both = [maximize("accuracy"), minimize("latency")]
n = launch(nsga2(population: 20), on: space, using: using, budget: 200, seed: 1, objective: both)
r = launch(random(), on: space, using: using, budget: 200, seed: 1)
wait();
# the Pareto front of a run's trials, by brute force: keep a cell no other cell dominates
fn brute(t) {
  pts = list(t | group by identity summarize accuracy: max(accuracy), latency: min(latency))
  keep = []
  for p in pts {
    dominated = false
    for q in pts {
      if q.latency <= p.latency and q.accuracy >= p.accuracy and (q.latency < p.latency or q.accuracy > p.accuracy) { dominated = true }
    }
    if not dominated { keep = append(keep, p.identity) }
  }
  return sorted(keep)
}
fn front(t) { t | group by identity summarize accuracy: max(accuracy), latency: min(latency) | pareto(x: "latency", y: "accuracy") }
print(sorted(front(n.trials).identity) == brute(n.trials), sorted(front(r.trials).identity) == brute(r.trials))   # expect: true true
# the area the front dominates up to 25 ms and 0% accuracy (2-D hypervolume), computed here
fn hypervolume(f) {
  rows = list(f | sort latency)
  area = 0
  for i in range(len(rows)) {
    next = 25ms
    if i + 1 < len(rows) { next = rows[i + 1].latency }
    area = area + (next - rows[i].latency) / 1ms * rows[i].accuracy
  }
  return area
}
hn = hypervolume(front(n.trials))
hr = hypervolume(front(r.trials))
print(hn > hr)                                   # expect: true
r2 = launch(nsga2(), on: space, using: using, budget: 10)
# expect error: nsga2 needs two or more objectives
