"""What every reader of staff files shares during one load: the root, the languages, the
problem log, the cache of parsed YAML, and the checks that wait for the whole hall.

Readers (``exhibits``, ``news``, ``timeline`` …) take a ``ReadContext``; only ``loader``
creates one, so no reader imports the loader and the loader imports every reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import yamlfile, yamlsyntax, yamltraps
from .fields import FieldReader
from .filecache import FileCache, code_version
from .model import Localized
from .problems import ProblemLog
from .yamlfile import YList, YMap, load_yaml


class ReadContext:
    """One load of the hall: shared state and the small helpers every reader uses."""

    def __init__(self, root: Path, languages: tuple[str, ...], log: ProblemLog):
        self.root = root
        self.languages = languages
        self.log = log
        # Checked once everything is read (references.py, tags.py): (fields, key, values, node).
        self.reference_checks: list[tuple[FieldReader, str, list[str], YList | None]] = []
        # exhibit.yml files that set their own guide number: (fields, exhibit id) (guide.py).
        self.guide_overrides: dict[str, FieldReader] = {}
        self.tag_checks: list[tuple[FieldReader, list[str], YList | None]] = []
        self.tag_labels: dict[str, Localized] = {}  # tags.yml, read first: entries may name a tag by its label
        self.yaml_cache = FileCache(root, "yaml", code_version(yamlfile, yamltraps, yamlsyntax) + yaml.__version__)

    def yaml(self, path: Path) -> Any:
        """``load_yaml`` with this load's cache of parsed files (hall/content/filecache.py)."""
        return load_yaml(path, self.log, self.yaml_cache)

    def reader(self, data: YMap, path: Path) -> FieldReader:
        return FieldReader(data, path, self.log, self.languages)

    def mapping_file(self, path: Path, known: tuple[str, ...] | None) -> FieldReader | None:
        """The fields of an optional YAML file holding one mapping (home.yml, timeline.yml …);
        None when it is absent or broken (the problem is reported). ``known=None`` leaves
        the keys to the caller (tags.yml, whose keys are the staff's own tags)."""
        if not path.exists():
            return None
        data = self.yaml(path)
        if not self.expect_mapping(data, path):
            return None
        fields = self.reader(data, path)
        if known is not None:
            fields.check_known(known)
        return fields

    def expect_mapping(self, data: object, path: Path) -> bool:
        if isinstance(data, dict):
            return True
        if data is not None:
            self.log.report(
                "yaml.not_mapping", path,
                "文件内容应为“字段: 值”的映射，这里却是列表或单个值。",
                "The file should hold fields (`key: value`), but holds a list or a single value.",
                "去掉行首的“- ”，每行写成“字段: 值”。", "Remove the leading “- ” and write one `key: value` per line.",
                line=getattr(data, "mark", None) and data.mark.line,
            )
        return False
