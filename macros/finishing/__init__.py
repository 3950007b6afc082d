"""Finishing a built site: editing HTML by its structure, each page's Content-Security-Policy, the
clause-aware search, the colour stylesheet, minified assets, the pages made in another page's
frame, and the pipeline that runs them."""
