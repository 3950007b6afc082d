"""Problems that stop the build, said plainly, and the small helpers every other package uses:
dates in words, HTML attributes, link previews."""
