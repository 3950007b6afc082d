"""What the tests share, kept apart from the tests: pytest collects nothing here."""
