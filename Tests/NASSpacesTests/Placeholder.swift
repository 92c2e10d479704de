// Tests for NASSpaces arrive with its issue.
