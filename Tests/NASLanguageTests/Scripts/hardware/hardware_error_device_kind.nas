device("tpu")   # expect error: unknown device kind "tpu": it must be "naslab" or "onnxruntime"
