nb201(channels: 0)   # expect error: channels must be at least 1, got 0
