# A correction measures its set of networks 1 to 100 times; the count is checked before anything is measured.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
t = load_lut(dir + "lut_small.csv", space: fbnet())
correct(t, method: 1, reference: "k3_e6", passes: 0, device: device())   # expect error: passes must be 1 to 100, got 0
