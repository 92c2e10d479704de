// Tests for NASHardware arrive with its issue.
