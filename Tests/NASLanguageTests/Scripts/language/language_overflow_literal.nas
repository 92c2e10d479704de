# A number literal past the largest Double is an error at the literal, not inf.
x = 1e400
# expect error: the number 1e400 is too large: it is beyond 1.8e308
