# Method 1's reference must be a block type that every position offers.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
t = load_lut(dir + "lut_small.csv", space: fbnet())
correct(t, method: 1, reference: "k7_e6", device: device())   # expect error: the reference 'k7_e6' is not a block type of the fbnet space
