"""The build's facts (one frozen object) and what mkdocs-macros renders into pages: contacts,
responses, contents lists, a translated page's notice."""
