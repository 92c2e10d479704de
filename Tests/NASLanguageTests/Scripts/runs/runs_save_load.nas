# save(t, path) and load(path): a run's best trials through CSV and JSON and back
r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 30, seed: 5)
wait(r);
top = r.trials | sort accuracy desc | take 5 | select trial, arch, accuracy, params, sim_time, cached
csv = workspace() + "/top.csv"
save(top, csv);
print(load(csv) == top)                         # expect: true
json = workspace() + "/top.json"
save(top, json);
# a JSON object's keys come back in sorted order, so the check selects the columns again;
# JSON keeps times to the microsecond
back = load(json) | select trial, arch, accuracy, params, cached
print(back == (top | select trial, arch, accuracy, params, cached))   # expect: true
times = load(json).sim_time
print(max(map(range(5), fn(i) { abs(times[i] - top.sim_time[i]) })) < 1us)   # expect: true
save(top, workspace() + "/top.xlsx")
# expect error: tables are saved and loaded as .csv or .json
