// Tests for NASTraining arrive with its issue.
