"""One module per question asked of an article: what it is about (entities: forces here),
what kind of breach (cues), outcomes, standards, status, date, publisher and title."""
