"""Approved versions: their archived copies, where each stands on the day of the build, the changes
between any two, and the feed."""
