#!/usr/bin/env bash
# Startup time of the release build: to the REPL's first prompt (on a pseudo-terminal) and to
# run an empty script. Goal: under 50 ms each. `NASLAB_BENCH_REPS` sets the repetitions (default 40).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if ! build_log="$(swift build -c release --product naslab 2>&1)"; then
  echo "$build_log" | grep -E 'error' >&2
  exit 1
fi
bin="$root/.build/release/naslab"
reps="${NASLAB_BENCH_REPS:-40}"
python3 - "$bin" "$reps" <<'PY'
import os, pty, select, statistics, subprocess, sys, tempfile, time

binary, reps = sys.argv[1], int(sys.argv[2])
work = tempfile.mkdtemp(prefix="naslab-bench-")
env = dict(os.environ, HOME=work, NASLAB_HISTORY=os.path.join(work, "history"), TERM="xterm", NO_COLOR="1")
empty = os.path.join(work, "empty.nas")
open(empty, "w").close()

def first_prompt():
    """Seconds from fork to the first `In [1]: ` on a pseudo-terminal; then `.quit`."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(work)
        os.execve(binary, [binary, "--workspace", os.path.join(work, "ws")], env)
    seen = b""
    while b"In [1]: " not in seen:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            raise SystemExit("no prompt within 5 s; got %r" % seen)
        seen += os.read(fd, 4096)
    elapsed = time.perf_counter() - start
    os.write(fd, b".quit\r")
    try:
        while os.read(fd, 4096):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed

def empty_script():
    """Seconds to run an empty script headless."""
    start = time.perf_counter()
    subprocess.run([binary, empty, "--workspace", os.path.join(work, "ws")], env=env, cwd=work, check=True)
    return time.perf_counter() - start

def report(name, samples):
    ms = sorted(s * 1000 for s in samples)
    p90 = ms[min(len(ms) - 1, int(0.9 * len(ms)))]
    verdict = "ok" if statistics.median(ms) < 50 else "OVER the 50 ms goal"
    print(f"{name:<22} median {statistics.median(ms):6.1f} ms  min {ms[0]:6.1f}  p90 {p90:6.1f}  "
          f"({len(ms)} runs)  {verdict}")

for warm in range(3):
    first_prompt(); empty_script()
report("first REPL prompt", [first_prompt() for _ in range(reps)])
report("empty script", [empty_script() for _ in range(reps)])
PY
