# An unknown device: did-you-mean and the list of devices.
latency(device: "pixel33")   # expect error: the nb201 latency table has no device 'pixel33' (did you mean 'pixel3'?)
