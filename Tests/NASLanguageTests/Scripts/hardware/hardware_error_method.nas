# A correction is method 1 or 2; the method is checked before anything is measured.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
t = load_lut(dir + "lut_small.csv", space: fbnet())
correct(t, method: 3, device: device())   # expect error: method must be 1 (one reference specified network) or 2 (every one, averaged), got 3
