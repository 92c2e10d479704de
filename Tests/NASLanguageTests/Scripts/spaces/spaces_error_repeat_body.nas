repeat("layer", 1..3, "conv3x3")   # expect error: argument 'body' of repeat() must be a spec, got the string "conv3x3"
