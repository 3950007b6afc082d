"""Tools for maintainers, not part of the build: releasing a version, review reminders, Chromium for tests."""
