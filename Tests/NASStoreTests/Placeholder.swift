// Tests for NASStore arrive with its issue.
