# The file says it has 3 entries but stops after one: nothing is loaded.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
load_lut(dir + "lut_truncated.csv")   # expect error: lut_truncated.csv:16: the file says '# entries: 3' but has 1 row; is it truncated?
