"""The speed layer: what makes a rebuild redo only what changed, and what spreads the work over
the cores. The pipeline (ingest/, extract/) and the reader's site (plugins/, theme/) work the
same without it, only slower.

- store: every table kept between builds, in one module (atomic writes, journals).
- fingerprint, stamps: what a cached result depends on, and when a file is unchanged.
- ingest_cache: each seed's ingest result, reused while its inputs are unchanged.
- memo: per-article results (figures, case facts) reused between builds.
- content_snapshots, cache_writer, file_stamps: Pelican's content cache of whole articles,
  written in the background, with file hashes kept by stamp.
- markdown_reader, plain_markdown: articles converted in a pool, ingested text the fast way.
- page_reuse, link_pages: unchanged pages hard-linked from the live site.
- parallel, parallel_writer: the one way to use the cores, and pages rendered on all of them.
"""
