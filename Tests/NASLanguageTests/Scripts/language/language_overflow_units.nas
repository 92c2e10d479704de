# Unit arithmetic overflows like plain arithmetic.
x = 1e300s * 1e300
# expect error: 1e+300s * 1e+300 overflows
