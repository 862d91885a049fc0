"""Make Pagefind's index byte-identical between builds of the same site.

Pagefind 1.5 writes its filter indexes (and so the metadata file naming them) with values in
hash-map order, which changes from run to run (Pagefind issue #638). The files are gzipped
CBOR after a signature; this module sorts the filter values, re-encodes the files and names
them by a hash of their content, as Pagefind does, so the same input gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
FILTER_HASH_CHARS = 7  # Pagefind's own lengths for file-name hashes
META_HASH_CHARS = 13


class IndexFormatError(ValueError):
    """Pagefind wrote files this module does not understand (a new Pagefind version?)."""


def _read(path: Path) -> object:
    """Decode one gzipped, signed CBOR file of the index."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise IndexFormatError(f"{path}: no Pagefind signature")
    return cbor2.loads(raw[len(SIGNATURE) :])


def _write(directory: Path, prefix: str, suffix: str, chars: int, value: object) -> str:
    """Encode a value, name the file by its content hash, and return that hash part."""
    payload = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}_{hashlib.sha256(payload).hexdigest()[:chars]}"
    (directory / f"{name}{suffix}").write_bytes(gzip.compress(payload, mtime=0))
    return name


def canonicalise_index(bundle: Path) -> None:
    """Rewrite each language's filter and metadata files in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list)):
            raise IndexFormatError(f"{meta_path}: unexpected metadata layout")
        filters = []
        for filter_name, file_hash in meta[3]:
            path = bundle / "filter" / f"{file_hash}.pf_filter"
            name, values = _read(path)
            path.unlink()
            stable = [name, sorted(values, key=lambda value: value[0])]
            filters.append([filter_name, _write(path.parent, language, ".pf_filter",
                                                FILTER_HASH_CHARS, stable)])
        meta[3] = sorted(filters)
        meta_path.unlink()
        name = _write(bundle, f"pagefind.{language}", ".pf_meta", META_HASH_CHARS, meta)
        info["hash"] = name.removeprefix("pagefind.")
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
