"""The engine: the command line (`python -m macros.engine build|serve`), MkDocs' hooks, and the
finishing step run on a built folder."""
