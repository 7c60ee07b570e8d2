"""Format adapters: one module per format, each exposing ``ADAPTER``; nothing else knows a format.

Adapters are imported lazily so that start-up stays fast and a broken optional dependency of one format
does not stop the others.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from screening.document import Adapter, FormatError

# extension -> module name under screening.formats. A new format is one module and one line here.
_MODULES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".csv": "delimited",
    ".tsv": "delimited",
    ".docx": "docx",
    ".docm": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pptx": "pptx",
    ".pdf": "pdf",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",
    ".mqxliff": "xliff",
    ".tmx": "tmx",
    ".po": "po",
    ".pot": "po",
}

_loaded: dict[str, Adapter] = {}


def supported_extensions() -> tuple[str, ...]:
    return tuple(sorted(_MODULES))


def adapter_for(path: Path) -> Adapter | None:
    """The adapter for a file by its extension, or None when the format is not supported."""
    module_name = _MODULES.get(path.suffix.lower())
    if module_name is None:
        return None
    if module_name not in _loaded:
        try:
            module = importlib.import_module(f"screening.formats.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"screening.formats.{module_name}":
                raise
            return None  # announced above but not written yet: treated as unsupported
        _loaded[module_name] = module.ADAPTER
    return _loaded[module_name]


__all__ = ["adapter_for", "supported_extensions", "FormatError"]
