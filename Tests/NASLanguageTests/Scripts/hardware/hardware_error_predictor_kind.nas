# An unknown predictor kind lists the kinds.
lat = latency(device: "pixel3")
latency_model("lut", sample(nb201(), n: 20), truth: lat)   # expect error: there is no predictor kind 'lut'; the kinds are "flops", "learned"
