# A latency table predicts architectures of its own space only.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
t = load_lut(dir + "lut_small.csv")
lut_sum(t, arch(nb201(), 1))   # expect error: the latency table 'small' is of the fbnet space, not nb201
