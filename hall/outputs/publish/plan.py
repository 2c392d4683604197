"""What a publish changes, in the order that never breaks a page a visitor is reading.

1. new content-hashed files (photos, search chunks, fingerprinted CSS/JS): nothing names
   them yet, so uploading them first changes nothing a visitor sees;
2. other new or changed assets (favicons, vendored files);
3. pages, feeds, sitemaps, Pagefind's entry files: from now on they name the files of 1 and 2,
   which are all there;
4. objects the new site no longer has are deleted last, after every page that used them is
   replaced; but only where a hall site was (the target has ``index.html``): a bucket or
   prefix holding something else loses nothing to a mistyped setting.
A file whose bytes the target already holds is skipped, so publishing an unchanged site twice
uploads nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .objects import ASSET, ENTRY, HASHED, SiteFile


@dataclass(frozen=True)
class Remote:
    """What the target knows of one stored object: its MD5 (an S3 single-part ETag) or SHA-256."""

    md5: str | None = None
    sha256: str | None = None
    size: int = 0

    def same_as(self, file: SiteFile) -> bool:
        if self.sha256:
            return self.sha256 == file.sha256
        return self.md5 is not None and self.md5.lower() == file.md5


@dataclass(frozen=True)
class PublishPlan:
    stages: dict[int, list[SiteFile]] = field(default_factory=dict)
    deletions: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0  # objects not deleted because the target did not hold a hall site (see plan_publish)

    @property
    def uploads(self) -> list[SiteFile]:
        return [file for stage in (HASHED, ASSET, ENTRY) for file in self.stages.get(stage, [])]

    @property
    def upload_bytes(self) -> int:
        return sum(file.size for file in self.uploads)

    @property
    def empty(self) -> bool:
        return not self.uploads and not self.deletions


def plan_publish(files: list[SiteFile], remote: dict[str, Remote]) -> PublishPlan:
    """Uploads per stage (new or changed files) and deletions (stored, no longer built)."""
    stages: dict[int, list[SiteFile]] = {HASHED: [], ASSET: [], ENTRY: []}
    unchanged = 0
    for file in files:
        known = remote.get(file.key)
        if known is not None and known.same_as(file):
            unchanged += 1
            continue
        stages[file.stage].append(file)
    for stage in stages.values():  # a language's home last within its stage: the other pages are up first
        stage.sort(key=lambda f: (f.key.endswith("index.html") and f.key.count("/") <= 1, f.key))
    built = {file.key for file in files}
    stale = sorted(key for key in remote if key not in built)
    if stale and "index.html" not in remote:  # not a hall site there (another site, a mistyped prefix): delete nothing
        return PublishPlan(stages, [], unchanged, kept=len(stale))
    return PublishPlan(stages, stale, unchanged)
