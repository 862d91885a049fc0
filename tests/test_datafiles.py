"""Data files are read the same whichever YAML parser does the reading."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from breachwatch.datafiles import DATA_DIR, DataFileError, parse_yaml


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_data_file_reads_as_safe_load_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert parse_yaml(text, path) == yaml.safe_load(text)


def test_broken_yaml_is_reported_with_the_pure_python_message() -> None:
    text = "forces:\n  - name: [unclosed\n"
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(text)
    with pytest.raises(DataFileError) as raised:
        parse_yaml(text, Path("forces.yaml"))
    assert str(raised.value) == f"forces.yaml: not valid YAML: {expected.value}"
