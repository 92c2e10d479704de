"""naslab's onnxruntime device: a helper process that times ONNX models with onnxruntime.

Started by OnnxRuntimeDevice as `python3 onnxruntime_helper.py THREADS`; one JSON object a line
each way over stdin/stdout:

  (on start)                        -> {"ready": "<onnxruntime version>"} or {"error": "..."}
  {"load": "model.onnx", "batch": 1} -> {"ok": true}      compile the model for a batch of zeros
  {"run": 5}                        -> {"seconds": [...]}  5 calls, each timed here

The calls are timed here with time.perf_counter_ns, so the pipe is never timed. End of input
(naslab released the device, or exited) ends the process.
"""
import json
import sys
import time


def reply(message):
    """Writes one reply line and flushes it to naslab."""
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


try:
    import onnxruntime
    import numpy
except ImportError as error:
    reply({"error": f"onnxruntime is not installed ({error}): python3 -m pip install onnxruntime"})
    sys.exit(1)


def load(path, batch, threads):
    """An inference session with naslab's fixed setting, and its input: a batch of zeros.

    The graph optimisations are onnxruntime's defaults: the compiler naslab does not know."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    first = session.get_inputs()[0]
    shape = [batch] + [int(d) for d in first.shape[1:]]
    return session, {first.name: numpy.zeros(shape, dtype=numpy.float32)}


def main():
    threads = int(sys.argv[1])
    reply({"ready": onnxruntime.__version__})
    session, feed = None, None
    for line in iter(sys.stdin.readline, ""):
        try:
            request = json.loads(line)
            if "load" in request:
                session, feed = load(request["load"], int(request["batch"]), threads)
                reply({"ok": True})
            elif session is None:
                reply({"error": "no model loaded"})
            else:
                seconds = []
                for _ in range(int(request["run"])):
                    start = time.perf_counter_ns()
                    session.run(None, feed)
                    seconds.append((time.perf_counter_ns() - start) / 1e9)
                reply({"seconds": seconds})
        except Exception as error:  # any failure is a reply, never a dead helper
            reply({"error": f"{type(error).__name__}: {error}"})


main()
