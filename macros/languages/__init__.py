"""The site in other languages: each language's build after the English, their sitemaps, and one
set of assets for all of them."""
