"""``hall check`` for photos: every photo the build would publish is verified by the same
rules and reported in the same words as the build (``imaging.checked_decode``,
``verdicts.report_verdict``), so that "check passed" means the build will pass.

A photo is decoded once per content: its verdict is kept in the media manifest
(``.cache/hall-media/manifest.json``) under its SHA-256 and the rules' version, and a warm
check only stats the files (the manifest knows each one's size, mtime and hash). A build
records the verdict of every photo it decodes, so a check after a build decodes nothing,
and a build after a check does not decode a bad photo again to report it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..content.model import Hall
from ..content.problems import ProblemLog
from .cache import Manifest, cache_root, file_digest
from .imaging import verify_photo
from .model import MediaSettings
from .selection import published_photo_files
from .verdicts import report_missing, report_verdict, verdict_key
from .workers import run_jobs


@dataclass(frozen=True)
class PhotoCheck:
    """What verifying a hall's photos found, and how many photos had to be decoded."""

    problems: ProblemLog
    decoded: int = 0  # 0 when every photo's verdict was already known


def verify_photos(
    root: Path,
    sources: Iterable[str],
    settings: MediaSettings | None = None,
    *,
    drafts: Iterable[str] = (),
    cache_dir: Path | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PhotoCheck:
    """Verify every photo of ``sources`` (repository-relative paths, as given to
    ``plan_media``), decoding only those whose bytes have no verdict yet.

    Photos in ``drafts`` are used by drafts only: their errors are warnings, as a
    publishing build leaves drafts out."""
    settings = settings or MediaSettings()
    root = Path(root)
    cache = Path(cache_dir) if cache_dir else cache_root(root)
    problems = ProblemLog(root)
    manifest = Manifest.load(cache)
    drafts = set(drafts)
    keys: dict[str, str] = {}  # source -> verdict key
    paths: dict[str, Path] = {}  # verdict key -> a file with those bytes
    for source in sorted(set(sources)):
        path = root / source
        try:
            stat = path.stat()
        except OSError:
            if source not in drafts:
                report_missing(problems, source)
            continue
        digest = manifest.digest(source, stat) or file_digest(path)
        manifest.remember(source, stat, digest)
        keys[source] = verdict_key(digest, settings)
        if keys[source] not in manifest.verdicts:
            paths.setdefault(keys[source], path)
    jobs = [(str(path), key, settings) for key, path in paths.items()]
    found = run_jobs(_verify_job, jobs, workers, progress)
    for key, verdict in found.items():
        if not verdict.get("transient"):  # a worker that died says nothing lasting about the photo
            manifest.add_verdict(key, verdict)
    manifest.save()
    for source, key in keys.items():
        verdict = found.get(key) or manifest.verdicts[key]
        report_verdict(problems, source, verdict, settings, draft=source in drafts)
    return PhotoCheck(problems, len(jobs))


def check_photos(hall: Hall, log: ProblemLog, settings: MediaSettings | None = None,
                 *, workers: int | None = None) -> PhotoCheck:
    """``hall check``'s photo step: the photos a publishing build would publish, verified as
    it does, plus those only drafts use (as warnings); problems are added to ``log``."""
    public = published_photo_files(hall.for_audience(False))
    every = published_photo_files(hall)
    drafts = set(every) - set(public)
    found = verify_photos(Path(hall.root), every, settings, drafts=drafts, workers=workers)
    for problem in found.problems.problems:
        log.add(problem)
    return found


def _verify_job(path: str, key: str, settings: MediaSettings) -> dict:
    """One job of ``run_jobs`` (keyed by the verdict key): ``verify_photo`` on one file."""
    return verify_photo(path, settings)
