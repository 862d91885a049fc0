"""The settings our plugins and theme read, each declared once with its default and help, as
Pelican's DEFAULT_CONFIG does for its own: a settings file sets only what it changes, and a
mistyped or ill-typed one is one clear error at start-up, not a KeyError mid-build."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import runpy
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from breachwatch.datafiles import DATA_DIR


@dataclass(frozen=True)
class Setting:
    """One setting: its name, its default, the types it may take, and a line of help."""

    name: str
    default: Any
    help: str
    types: tuple[type, ...] = ()

    def accepts(self, value: Any) -> bool:
        """Whether `value` has one of the declared types (any type when none are declared)."""
        types = self.types or (type(self.default),)
        if value is None and self.default is None:
            return True
        if bool in types or not isinstance(value, bool):  # True is not a number of bars
            return isinstance(value, types)
        return False


DECLARED: dict[str, Setting] = {}
_PAGE_SUFFIXES = ("_URL", "_SAVE_AS", "_FEED_ATOM", "_FEED_RSS")


class SettingsError(ValueError):
    """A settings file sets an unknown setting or gives one a value of the wrong type."""


def declare(*settings: Setting) -> tuple[Setting, ...]:
    """Register settings a plugin or the theme reads; a module declares each name once."""
    for setting in settings:
        DECLARED[setting.name] = setting
    return settings


def apply_defaults(settings: dict[str, Any], pelican_defaults: Iterable[str],
                   source: str = "settings") -> None:
    """Fill every declared setting the file leaves out; fail, naming the setting, on a value of
    the wrong type, or on an unknown name that is a near miss of a declared one (a mistyped
    setting would otherwise be silently ignored; others may belong to Pelican or a theme)."""
    known = set(pelican_defaults) | set(DECLARED)
    for name in settings:
        # Pelican reads a page or feed setting for any template, so those names are open.
        if name.isupper() and name not in known and not name.endswith(_PAGE_SUFFIXES):
            near = difflib.get_close_matches(name, DECLARED, n=1, cutoff=0.85)
            if near:
                raise SettingsError(f"{source}: unknown setting {name} (did you mean {near[0]}?)")
    for setting in DECLARED.values():
        if setting.name not in settings:
            settings[setting.name] = setting.default
        elif not setting.accepts(settings[setting.name]):
            wanted = " or ".join(t.__name__ for t in (setting.types or (type(setting.default),)))
            raise SettingsError(f"{source}: setting {setting.name} must be {wanted}, not "
                                f"{settings[setting.name]!r} ({setting.help})")


def run_settings(settings_file: Path) -> dict[str, Any]:
    """The names a settings file defines, as Python runs it (Pelican reads it the same way)."""
    try:
        return runpy.run_path(str(settings_file))
    except Exception as error:  # noqa: BLE001 - any error in a settings file fails the build
        raise SettingsError(f"{settings_file}: cannot read settings ({error})") from error


def settings_digest(settings_file: Path) -> str:
    """A digest of the values a settings file gives, including those it takes from the
    environment (SITEURL) or from the settings it imports: what a build's caches depend on."""
    values = {name: value for name, value in run_settings(settings_file).items()
              if name.isupper()}
    text = json.dumps(values, sort_keys=True, default=_stable)
    return hashlib.sha256(text.encode()).hexdigest()


def _stable(value: Any) -> Any:
    """A setting's value as JSON can hold it, the same in every run: a function by its
    qualified name, a path or pattern by its text, a set in order; other objects (a template
    cache) by their type."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, re.Pattern):
        return value.pattern
    if isinstance(value, set | frozenset):
        return sorted(map(str, value))
    return type(value).__name__


def data_path(settings_file: Path) -> Path:
    """The data folder a settings file names (DATA_PATH); the package's own when the file or
    the setting is absent."""
    if not settings_file.is_file():
        return DATA_DIR
    value = run_settings(settings_file).get("DATA_PATH")
    return absolute_data_path(value, str(settings_file)) if value else DATA_DIR


def absolute_data_path(value: Any, source: str) -> Path:
    """DATA_PATH as a folder; it must be absolute (settings files write it from their own
    folder), since Pelican runs from anywhere and does not say where its settings came from."""
    path = Path(str(value))
    if not path.is_absolute():
        raise SettingsError(f"{source}: DATA_PATH must be an absolute path, e.g. "
                            f"str(Path(__file__).resolve().parent / 'data'), not {value!r}")
    return path


declare(Setting("DATA_PATH", str(DATA_DIR),
                "the investigation's data files (taxonomies, gazetteer, cues, rules)", (str,)))
