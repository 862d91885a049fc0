"""Keep every article and page as Pelican made it, so a rebuild does not make it again.

With CONTENT_CACHING_LAYER = "generator" Pelican caches whole articles and skips, for every
unchanged file, the reader, Article() and its checks: about 2.5 s of each rebuild at 10,000
articles. Left alone, it would pickle the article objects as they are when the generator ends,
after our plugins have tied them to cases, terms and one another, and with the build's whole
context attached. Here each one is pickled the moment Pelican caches it, before any plugin has
touched it, with the settings and context left out; a cached article is made again from those
bytes with this build's settings and context. One made from another content folder is not used.

Every cached article is made again as soon as the generator has loaded the cache: in a build,
while the ingest is still writing the content folder in a process of its own. When Pelican
asks for an article, the one made in advance is its answer if the cache still holds the very
bytes it was made from (the file is unchanged); otherwise it is made again or read. These are
about 1.5 million objects that live as long as the build: the cycle collector, walking them as
they came, took a third of the time, so it is paused while they are made, and they are then
frozen (gc.freeze) out of its way until the build ends.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
from typing import Any

from pelican import signals

# Stand-ins for the objects every article refers to and that are not its own.
SETTINGS, CONTEXT = "settings", "context"


class _Pickler(pickle.Pickler):
    """Pickles a content object with its settings and context as stand-ins."""

    def __init__(self, file: io.BytesIO, settings: dict, context: dict) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.shared = {id(settings): SETTINGS, id(context): CONTEXT}

    def persistent_id(self, obj: Any) -> str | None:
        """The stand-in of the settings or the context; None for everything else."""
        return self.shared.get(id(obj))


class _Unpickler(pickle.Unpickler):
    """Makes a content object again, with this build's settings and context."""

    def __init__(self, file: io.BytesIO, settings: dict, context: dict) -> None:
        super().__init__(file)
        self.shared = {SETTINGS: settings, CONTEXT: context}

    def persistent_load(self, pid: str) -> Any:
        """This build's object for a stand-in."""
        return self.shared[pid]


def content_digest(content: Any) -> str:
    """Digest of a content object's HTML: the one kept with its snapshot while the HTML is that
    very string (strings cannot change; a plugin can only put another in its place)."""
    kept = getattr(content, "kept_digest", None)
    if kept is not None and kept[0] is content._content:
        return kept[1]
    return hashlib.sha256(content._content.encode()).hexdigest()


def snapshot(content: Any, settings: dict, context: dict) -> bytes:
    """The content object as bytes, its settings and context left out, with the digest of its
    HTML (pickled once with the HTML, so the two are still one string when made again)."""
    content.kept_digest = (content._content, content_digest(content))
    buffer = io.BytesIO()
    _Pickler(buffer, settings, context).dump(content)
    return buffer.getvalue()


def restore(data: bytes, settings: dict, context: dict) -> Any:
    """The content object `snapshot` kept, with these settings and this context."""
    return _Unpickler(io.BytesIO(data), settings, context).load()


def made_in_advance(cached: dict[str, Any], settings: dict,
                    context: dict) -> dict[str, tuple[bytes, Any]]:
    """Every content object of a generator's cache (filename to stamp and snapshot), made again
    now, with the bytes it was made from."""
    made = {}
    gc.disable()
    try:
        for filename, entry in cached.items():
            data = entry[1] if isinstance(entry, tuple) and len(entry) == 2 else None
            if isinstance(data, bytes):
                try:
                    made[filename] = (data, restore(data, settings, context))
                except Exception:  # noqa: BLE001, S112 - made again, or read, when asked for
                    continue
        gc.freeze()  # they live until the build ends: no collection needs to walk them
    finally:
        gc.enable()
    return made


def keep_snapshots(generator) -> None:
    """Make the generator cache snapshots of its contents and rebuild them from the cache."""
    if generator.settings.get("CONTENT_CACHING_LAYER") != "generator":
        return
    store, fetch = generator.cache_data, generator.get_cached_data
    settings, context, folder = generator.settings, generator.context, generator.path
    made = made_in_advance(generator._cache, settings, context)

    def cache_data(filename: str, content: Any) -> None:
        """Cache the content as it is now."""
        store(filename, snapshot(content, settings, context))

    def get_cached_data(filename: str, default: Any = None) -> Any:
        """The cached content, made again; `default` if the file or the snapshot is stale."""
        data = fetch(filename, None)
        if not isinstance(data, bytes):
            return default
        early = made.pop(filename, None)
        if early is not None and early[0] is data:
            content = early[1]
        else:
            try:
                content = restore(data, settings, context)
            except Exception:  # noqa: BLE001 - a snapshot that cannot be read is read again
                return default
        if content.source_path != os.path.join(folder, filename):
            return default  # made from another content folder
        return content

    generator.cache_data = cache_data
    generator.get_cached_data = get_cached_data


def thaw(_pelican) -> None:
    """Give the objects frozen while the build ran back to the collector."""
    gc.unfreeze()


def register() -> None:
    """Pelican plugin entry point."""
    signals.article_generator_init.connect(keep_snapshots)
    signals.page_generator_init.connect(keep_snapshots)
    signals.finalized.connect(thaw)

