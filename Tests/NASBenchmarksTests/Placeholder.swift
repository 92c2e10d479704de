// Tests for NASBenchmarks arrive with its issue.
