"""Pagefind's filter index is rewritten in one stable order, whatever order Pagefind used."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import cbor2
import pytest

from breachwatch.search_index import SIGNATURE, IndexFormatError, canonicalise_index

VALUES = [["Proven", [2, 3]], ["Alleged", [0]], ["Statistics", [1, 4]]]


def write(path: Path, value: object) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(value)))


def bundle(root: Path, values: list, file_hash: str) -> Path:
    """A minimal Pagefind bundle with one filter, as Pagefind 1.5 lays it out."""
    (root / "filter").mkdir(parents=True)
    write(root / "filter" / f"en-gb_{file_hash}.pf_filter", ["Status", values])
    meta = ["1.5.2", [["en-gb_ef7ed3c", 497]], [["000", "z", "en-gb_f5d44a1"]],
            [["Status", f"en-gb_{file_hash}"]], [], ["title"]]
    write(root / "pagefind.en-gb_0123456789abc.pf_meta", meta)
    entry = {"version": "1.5.2",
             "languages": {"en-gb": {"hash": "en-gb_0123456789abc", "page_count": 5}}}
    (root / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_two_orders_give_the_same_bytes(tmp_path: Path) -> None:
    one = bundle(tmp_path / "one", VALUES, "aaaaaaa")
    two = bundle(tmp_path / "two", list(reversed(VALUES)), "bbbbbbb")
    canonicalise_index(one)
    canonicalise_index(two)
    assert tree(one) == tree(two)


def test_rewritten_index_still_names_its_files(tmp_path: Path) -> None:
    root = bundle(tmp_path / "b", VALUES, "aaaaaaa")
    canonicalise_index(root)
    entry = json.loads((root / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_path = root / f"pagefind.{entry['languages']['en-gb']['hash']}.pf_meta"
    meta = cbor2.loads(gzip.decompress(meta_path.read_bytes())[len(SIGNATURE):])
    [[name, file_hash]] = meta[3]
    filters = root / "filter" / f"{file_hash}.pf_filter"
    values = cbor2.loads(gzip.decompress(filters.read_bytes())[len(SIGNATURE):])
    assert name == "Status"
    assert values == ["Status", sorted(VALUES)]
    assert len(list(root.glob("*.pf_meta"))) == 1 and len(list(root.glob("filter/*"))) == 1


def test_unknown_files_fail_clearly(tmp_path: Path) -> None:
    root = bundle(tmp_path / "b", VALUES, "aaaaaaa")
    meta = root / "pagefind.en-gb_0123456789abc.pf_meta"
    meta.write_bytes(gzip.compress(b"something else"))
    with pytest.raises(IndexFormatError, match="signature"):
        canonicalise_index(root)
