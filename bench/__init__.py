"""Benchmark harness: synthetic archive corpora timed on our pipeline, bare Pelican and Hugo."""
