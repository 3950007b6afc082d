"""Clauses: the Markdown extension that marks them up, the rules they keep, a translation's clauses
reconciled with the English, and their short links."""
