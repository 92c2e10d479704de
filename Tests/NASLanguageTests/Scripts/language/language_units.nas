# Arithmetic keeps units and checks them.
print(20ms + 1s)        # expect: 1.02s
print(1s - 250ms)       # expect: 750ms
print(3 * 20ms)         # expect: 60ms
print(1s / 1ms)         # expect: 1000
print(64MB / 2)         # expect: 32MB
print(5% * 200)         # expect: 10
print(90% + 5%)         # expect: 95%
print(10k + 500)        # expect: 10.5k
print(2 ** 10)          # expect: 1024
print(20ms < 1s)        # expect: true
print(1KiB == 1024B)    # expect: true
print(-(3ms))           # expect: -3ms
print(1s / 3 > 333ms)   # expect: true
print(20ms < 3)         # expect error: cannot compare time (20ms) with a plain number (3); write 3ms or 3s
