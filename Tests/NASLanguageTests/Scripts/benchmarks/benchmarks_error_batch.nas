latency(device: "1080ti")   # expect error: measures '1080ti' at several batch sizes; choose one of 1080ti_1, 1080ti_32, 1080ti_256
