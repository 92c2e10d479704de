latency(device: "pixel3", space: "ofa")   # expect error: latency tables are shipped for the nb201 and fbnet spaces, not 'ofa'
