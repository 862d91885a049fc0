"""Declared settings: a settings file sets only what it changes; a mistyped or ill-typed one
is one clear error naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from breachwatch import settings as declared
from breachwatch.settings import Setting, SettingsError, apply_defaults, data_path


@pytest.fixture
def registry(monkeypatch) -> dict[str, Setting]:
    """A registry of two settings, apart from the plugins' own."""
    table = {
        "CHART_MAX_BARS": Setting("CHART_MAX_BARS", 15, "bars in a chart", (int,)),
        "PUBLISH_UNREVIEWED": Setting("PUBLISH_UNREVIEWED", False, "publish held", (bool,)),
    }
    monkeypatch.setattr(declared, "DECLARED", table)
    return table


def test_missing_settings_get_their_defaults(registry) -> None:
    settings = {"SITENAME": "x"}
    apply_defaults(settings, {"SITENAME"})
    assert settings == {"SITENAME": "x", "CHART_MAX_BARS": 15, "PUBLISH_UNREVIEWED": False}


@pytest.mark.parametrize(("value", "wanted"), [("15", "int"), (True, "int"), (2.5, "int")])
def test_an_ill_typed_setting_is_named(registry, value, wanted) -> None:
    with pytest.raises(SettingsError, match=rf"setting CHART_MAX_BARS must be {wanted}"):
        apply_defaults({"CHART_MAX_BARS": value}, set())


def test_a_near_miss_of_a_declared_name_is_named_with_the_right_one(registry) -> None:
    with pytest.raises(SettingsError, match=r"unknown setting CHART_MAX_BAR \(did you mean "
                                            r"CHART_MAX_BARS\?\)"):
        apply_defaults({"CHART_MAX_BAR": 10}, set())


def test_other_settings_and_page_settings_are_left_to_pelican(registry) -> None:
    settings = {"AUTHOR": "us", "ARCHIVES_SAVE_AS": "a/index.html", "CHART_MAX_BARS": 3}
    apply_defaults(settings, set())
    assert settings["CHART_MAX_BARS"] == 3


def test_data_path_must_be_absolute(tmp_path: Path) -> None:
    conf = tmp_path / "conf.py"
    conf.write_text('DATA_PATH = "data"\n')
    with pytest.raises(SettingsError, match="DATA_PATH must be an absolute path"):
        data_path(conf)
    conf.write_text(f"DATA_PATH = {str(tmp_path)!r}\n")
    assert data_path(conf) == tmp_path


def test_a_bad_setting_stops_the_build_with_one_line(tmp_path: Path, capsys) -> None:
    from breachwatch.cli import main

    root = Path(__file__).resolve().parent.parent
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(root)!r})\nfrom pelicanconf import *\n"
                    "CHART_MAX_BARS = 'ten'\n")
    (tmp_path / "seeds").mkdir()
    assert main(["build", "--site", str(tmp_path), "--settings", str(conf)]) == 2
    error = capsys.readouterr().err
    assert "setting CHART_MAX_BARS must be int, not 'ten'" in error
    assert "Traceback" not in error and not (tmp_path / "output").exists()


def test_every_setting_the_theme_reads_is_pelicans_or_declared() -> None:
    import re

    from pelican.settings import DEFAULT_CONFIG

    import breachwatch.plugins.settings  # noqa: F401 - each plugin declares what it reads
    from breachwatch.site_defaults import PLUGINS

    for plugin in PLUGINS:
        __import__(plugin)
    # Pelican reads these without defaults of its own; the rest are words, not settings.
    pelicans = {"ARCHIVES_URL", "AUTHOR"}
    not_settings = {"DOCTYPE", "JSON", "SLUG"}
    theme = Path(__file__).resolve().parent.parent / "theme" / "templates"
    used = {name for page in theme.glob("*.html")
            for name in re.findall(r"\b[A-Z][A-Z0-9_]{3,}\b", page.read_text(encoding="utf-8"))}
    undeclared = used - set(DEFAULT_CONFIG) - set(declared.DECLARED) - pelicans - not_settings
    assert undeclared == set()


def test_the_settings_digest_follows_values_paths_and_functions(tmp_path: Path,
                                                                monkeypatch) -> None:
    from breachwatch.settings import settings_digest

    conf = tmp_path / "conf.py"
    digests = set()
    for body in ("SITEURL = 'a'\n", "SITEURL = 'b'\n",
                 "from pathlib import Path\nTHEME = Path('one')\n",
                 "from pathlib import Path\nTHEME = Path('two')\n",
                 "import os\nORDER = os.path.basename\n", "import os\nORDER = os.path.dirname\n"):
        conf.write_text(body)
        digests.add(settings_digest(conf))
    assert len(digests) == 6
    monkeypatch.setenv("SITEURL", "https://one.example")
    conf.write_text("import os\nSITEURL = os.environ['SITEURL']\n")
    first = settings_digest(conf)
    monkeypatch.setenv("SITEURL", "https://two.example")
    assert settings_digest(conf) != first
