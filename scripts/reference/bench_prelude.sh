# Shared by the benches that run naslab beside PyTorch (scripts/bench.d/train.sh, oneshot.sh); sourced, not run.

# The 1-, 5- and 15-minute load averages, comma-separated.
load() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' ','; }

# Sets $results to the file that keeps the raw RESULT lines: $NASLAB_BENCH_RESULTS (emptied), else a
# temporary file removed on exit.
bench_results_file() {
  if [ -n "${NASLAB_BENCH_RESULTS:-}" ]; then
    results="$NASLAB_BENCH_RESULTS"; : > "$results"
  else
    results="$(mktemp)"; trap 'rm -f "$results"' EXIT
  fi
}

# Prints naslab's versions, then builds the release tests the benches run.
bench_build() {
  echo "naslab: oneDNN $(dpkg-query -W -f='${Version}' libdnnl-dev 2>/dev/null || echo '?'), $(swift --version 2>&1 | head -1)"
  swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
}
