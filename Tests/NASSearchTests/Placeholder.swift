// Tests for NASSearch arrive with its issue.
