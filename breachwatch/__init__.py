"""Turn scraped news articles into an investigative microsite: one generator, many
investigations, each a folder of settings, seeds and data files (the first: UK police data
misuse)."""
