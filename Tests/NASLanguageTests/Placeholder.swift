// Tests for NASLanguage arrive with its issue.
