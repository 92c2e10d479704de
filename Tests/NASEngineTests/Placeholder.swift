// Tests for NASEngine arrive with its issue.
