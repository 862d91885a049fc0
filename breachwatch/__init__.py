"""Ingest scraped news articles about police data misuse and build the investigation site."""
