"""Tools that are not part of the build: run by `make`, never by MkDocs."""
