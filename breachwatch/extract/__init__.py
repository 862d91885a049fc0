"""One module per question asked of an article: forces, breaches, outcomes, and so on."""
