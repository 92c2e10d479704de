// Tests for NASNotebook arrive with its issue.
