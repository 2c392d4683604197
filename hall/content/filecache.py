"""Values worked out from staff files, kept between builds while the files are unchanged.

Reading a hall of 1000 exhibits parses 1500 YAML files (0.6 s) and scans 2500 texts and
3000 photos for personal data (0.5 s) before anything is rendered, in every build and
preview rebuild, although usually only a file or two changed. A cache remembers each
result with the file's size and modification time (as hall/media/'s manifest does
for photos); a file whose size or time differs is worked out again. Only results that
raised no problem are kept, so a problem is reported on every build until it is fixed.

Each cache is one pickle under ``.cache/hall-content/``, written whole (write, then
rename) and only when something changed; entries of files no longer asked for are
dropped when it is written. A cache that cannot be read, or that another version of
the code wrote, is simply ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable

CACHE_DIR = ".cache/hall-content"


class FileCache:
    """``value(path, work)``, then ``save()`` once the run is done."""

    def __init__(self, root: Path, name: str, version: str) -> None:
        self.path = Path(root) / CACHE_DIR / f"{name}.pickle"
        self.version = version
        self._entries: dict[str, tuple[int, int, bytes]] = {}  # path -> size, mtime, pickled value
        self._used: dict[str, tuple[int, int, bytes]] = {}
        self._dirty = False
        try:
            with self.path.open("rb") as handle:
                data = pickle.load(handle)
            if isinstance(data, dict) and data.get("version") == version:
                self._entries = data["entries"]
        except Exception:  # absent, unreadable, or from other code: start empty
            self._entries = {}

    def value(self, path: Path | str, work: Callable[[], tuple[Any, bool]]) -> Any:
        """``work()`` returns (value, keep). While ``path`` keeps the size and time it had
        when a kept value was worked out, that value is returned without calling ``work``."""
        key = os.fspath(path)
        try:
            stat = os.stat(key)  # before reading: a file changed meanwhile is read again next time
        except OSError:
            return work()[0]
        entry = self._used.get(key) or self._entries.get(key)
        if entry is not None and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            self._used[key] = entry
            return pickle.loads(entry[2])  # a fresh copy: callers may change what they get
        value, keep = work()
        if keep:
            self._used[key] = (stat.st_size, stat.st_mtime_ns, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
            self._dirty = True
        return value

    def save(self) -> None:
        """Write the entries used in this run, if any changed (or some were dropped)."""
        if not self._dirty and self._used.keys() == self._entries.keys():
            return
        name = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.path.parent, prefix=self.path.name, delete=False) as handle:
                name = handle.name
                pickle.dump({"version": self.version, "entries": self._used}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(name, self.path)
        except OSError:  # a read-only checkout still builds, only without the cache
            if name:
                Path(name).unlink(missing_ok=True)
            return
        self._entries, self._dirty = dict(self._used), False


def code_version(*modules: Any) -> str:
    """A fingerprint of the given modules' source: results cached by other code are ignored."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]
