# Literals print the way they are written, units included.
print(3)              # expect: 3
print(2.5)            # expect: 2.5
print(20ms)           # expect: 20ms
print(1.5s)           # expect: 1.5s
print(250us)          # expect: 250us
print(64MB)           # expect: 64MB
print(2KiB)           # expect: 2.05KB
print(10k)            # expect: 10k
print(3.5M)           # expect: 3.5M
print(5%)             # expect: 5%
print(1_000_000)      # expect: 1000000
print(1e-3)           # expect: 0.001
print("text")         # expect: text
print(true, false, none)   # expect: true false none
print([1, 2ms, "a"])  # expect: [1, 2ms, "a"]
print({lr: 0.1, epochs: 3})  # expect: {lr: 0.1, epochs: 3}
print(2..8)           # expect: 2..8
print(0..<3)          # expect: 0..<3
print('single "quotes"\tand tab')   # expect: single "quotes"	and tab
print(type(20ms), type(64MB), type(5%), type("s"), type([]), type({}))   # expect: time bytes number string list record
