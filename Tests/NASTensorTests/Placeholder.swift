// Tests for NASTensor arrive with its issue.
