"""Pelican's Markdown reader, reusing one configured Markdown instance for every file."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

# Priority Python-Markdown's meta extension registers its preprocessor with.
META_PRIORITY = 27


class ReusingMarkdownReader(MarkdownReader):
    """Builds Markdown once per reader and `reset()`s it, instead of once per file."""

    _shared: Markdown | None = None

    def read(self, source_path):
        """Convert one file; metadata parsing is Pelican's own."""
        if self._shared is None:
            self._shared = Markdown(**self.settings["MARKDOWN"])
        markdown = self._shared
        self._source_path = source_path
        with pelican_open(source_path) as text:
            content = markdown.reset().convert(text)
        self._md = markdown
        try:
            metadata = self._parse_metadata(getattr(markdown, "Meta", {}))
        finally:
            # Pelican's _parse_metadata deregisters the meta preprocessor; put it back.
            if "meta" not in markdown.preprocessors:
                markdown.preprocessors.register(MetaPreprocessor(markdown), "meta", META_PRIORITY)
        return content, metadata


def use_reusing_reader(readers) -> None:
    """Swap in the reusing reader for every Markdown file extension."""
    for extension in ReusingMarkdownReader.file_extensions:
        readers.reader_classes[extension] = ReusingMarkdownReader


def register() -> None:
    """Pelican plugin entry point."""
    signals.readers_init.connect(use_reusing_reader)
