device(threads: 0)   # expect error: threads must be between 1 and 256, got 0
