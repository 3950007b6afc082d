"""The data the site is built from: the school's data file and its model, each language's file, and
the settings (where the data file is, the day of the build)."""
