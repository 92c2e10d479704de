load_lut("/nonexistent/naslab-lut.csv")   # expect error: /nonexistent/naslab-lut.csv: no such file or it cannot be read
# expect exit: 66
