# A predictor fitted on one space cannot predict another's architectures.
lat = latency(device: "pixel3")
p = latency_model("flops", sample(nb201(), n: 20, seed: 1), truth: lat)
predict(p, sample(fbnet(), seed: 1))   # expect error: the predictor flops(nb201) was fitted on nb201 architectures and cannot predict fbnet ones
