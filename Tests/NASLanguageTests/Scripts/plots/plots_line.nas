# line plots from small tables: ticks, units, series and bands worked out by hand
t = table({trial: [1, 2, 3, 4], best: [50%, 60%, 60%, 90%]})
p = t | plot x: trial, y: best
print(type(p), p.kind, p.title)        # expect: plot line best against trial
print(p.x, "|", p.y)                   # expect: trial | best (%)
# x 1–4: range 3 → 5, step nice(5 / 4) = 1; y 0.5–0.9: range 0.4 → 0.5, step nice(0.5 / 4) = 0.1
print(p.xticks)                        # expect: ["1", "2", "3", "4"]
print(p.yticks)                        # expect: ["50", "60", "70", "80", "90"]
print(p.points.x, p.points.y)          # expect: [1, 2, 3, 4] [0.5, 0.6, 0.6, 0.9]
print(p == plot(t, "trial", "best"), p == (t | plot(x: "trial", y: "best")))   # expect: true true
# the drawing names both axes with their units and has no legend for one series
d = str(p)
print("best (%)" in d, "trial" in d, "•" in d)   # expect: true true false
# learning curves: one series per y column, each with its own glyph in the legend
h = table({epoch: [1, 2, 3], train: [40%, 60%, 70%], valid: [35%, 50%, 55%]})
lc = h | plot x: epoch, y: [train, valid], title: "learning curves"
print(lc.series, lc.y, lc.title)       # expect: ["train", "valid"] value (%) learning curves
print("• train   + valid" in str(lc))  # expect: true
# a list of numbers (a learning curve) plots against 1, 2, 3, …
c = plot([50%, 60%, 65%], x: "epoch", y: "accuracy")
print(c.x, "|", c.y, c.points.x)       # expect: epoch | accuracy (%) [1, 2, 3]
# a column of JSON lists (the curve column of training trials): one learning curve per row against epochs
k = table({trial: [1, 2], curve: ["[0.5, 0.6, 0.7]", "[0.4,0.45]"]}) | plot y: curve
print(k.series, k.x, k.y, k.points.y)  # expect: ["trial 1", "trial 2"] epoch curve (%) [0.5, 0.6, 0.7, 0.4, 0.45]
# a variable that is not a column passes its value
col = "valid"
print((h | plot x: epoch, y: col).series)   # expect: ["valid"]
# by: one series per value; band: the mean of the replicates with their min–max spread
runs = table({seed: [1, 1, 2, 2], trial: [1, 2, 1, 2], best: [0.5, 0.7, 0.6, 0.6]})
print((runs | plot x: trial, y: best, by: seed).series)    # expect: ["seed 1", "seed 2"]
b = runs | plot x: trial, y: best, band: seed
print(b.series, b.points.y)            # expect: ["best"] [0.55, 0.65]
print("░ spread (min–max)" in str(b))  # expect: true
# a time axis reads in ms
lat = table({batch: [1, 2, 4, 8], latency: [3ms, 5ms, 9ms, 17ms]}) | plot x: batch, y: latency
print(lat.y, lat.yticks)               # expect: latency (ms) ["0", "5", "10", "15", "20"]
# plots are equal when they draw the same data the same way
print(p == (t | plot x: trial, y: best), p == (t | plot x: trial, y: best, kind: scatter))   # expect: true false
