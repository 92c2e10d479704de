# correlate: the architectures must be a list or a table, and a table's arch text needs a space
s = nb201()
ev = nb201(dataset: "cifar10")
correlate(ev, ev, sample(s, seed: 1))
# expect error: archs must be a list of architectures (such as sample(space, n: 100)) or runs, or a table with an arch column, got an architecture
