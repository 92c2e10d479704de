# # A tour of naslab's language
#
# Run it with `scripts/naslab samples/00-tour.nas`. Every top-level expression prints its
# value (a trailing `;` keeps it quiet), and every `assert` checks what the text claims, so
# the tour doubles as a test: it exits 0 only if all of it holds.

# ## Numbers keep their units
#
# Times (`ns us ms s`), bytes (`KB MB GB`), counts (`k M G`) and percentages (`%`) are
# numbers with a kind. Arithmetic converts within a kind and prints in the largest unit that fits.
20ms + 1s
assert 20ms + 1s == 1.02s, "times add across units"
assert 64MB / 2 == 32MB, "bytes divide"
assert 10k + 500 == 10.5k, "counts keep their suffix"
assert 90% + 5% == 95%, "percentages are fractions"
assert 1s / 1ms == 1000, "a time over a time is a plain number"
# Comparing a time with a plain number is an error that says why (`20ms < 3` asks you to
# write `3ms`), so units are never silently dropped.
assert 20ms < 1s, "units compare across scales"

# ## Lists, ranges and records
xs = [5, 3, 9]
sorted(xs)
assert len(xs) == 3 and xs[-1] == 9, "lists index from 0, and from the end with -1"
assert sum(xs) == 17 and max(xs) == 9, "lists have sum, min, max, mean"
assert list(2..4) == [2, 3, 4], "ranges include both ends"
assert 7 in 2..8, "ranges answer `in`"
config = {lr: 0.1, epochs: 3}
config.epochs = 5
config
assert config.epochs == 5 and keys(config) == ["lr", "epochs"], "records have named fields"

# ## Control flow and functions
#
# Blocks use braces; a function returns its last value (or `return`s early) and takes
# keyword arguments with defaults.
total = 0
for i in 1..4 { total = total + i }
assert total == 10, "for loops over ranges"
fn mnas(acc, lat, target: 20ms, w: -0.07) { acc * (lat / target) ** w }
round(mnas(0.9, 40ms), 4)
assert mnas(0.9, 20ms) == 0.9, "the MnasNet reward equals the accuracy at the target latency"
assert mnas(0.9, 40ms) < mnas(0.9, 10ms), "slower models are penalised"
assert map([1, 2, 3], fn(x) { x * 10 }) == [10, 20, 30], "functions are values"

# ## Tables and pipelines
#
# Tables are values. Verbs joined by `|` filter, sort, cut and summarise them, and a line
# that starts with `|` continues the expression above it.
trials = table([
  {id: 1, op: "conv", accuracy: 91.5%, latency: 12ms},
  {id: 2, op: "pool", accuracy: 88%, latency: 4ms},
  {id: 3, op: "conv", accuracy: 94.2%, latency: 25ms},
  {id: 4, op: "skip", accuracy: 85%, latency: 2ms},
  {id: 5, op: "conv", accuracy: 93%, latency: 18ms},
])
fast = trials
  | where latency < 20ms
  | sort accuracy desc
  | take 2
  | select id, accuracy
fast
assert fast.id == [5, 1], "the two most accurate models under 20ms"
by_op = trials | group by op summarize n: count(), best: max(accuracy)
by_op
assert len(by_op) == 3, "one row per operation"
assert (by_op | where op == "conv")[0].n == 3, "three conv trials"

# ## Help
#
# `help` lists every builtin and topic; `help NAME` or `?NAME` shows one page, with its
# signature, keyword arguments and (for NAS concepts) the paper it comes from.
?sleep
print("The tour is done: every assert held.")
