"""Publishing a built site to an S3-compatible bucket or a web server's folder: stages that
never break a page, the right caching per file, and the refusals that keep a placeholder off
the web. Uploading is an output stage: no MkDocs here (the `hall publish` command drives it)."""

from .objects import ASSET, ENTRY, HASHED, IMMUTABLE, REVALIDATE, STAGE_NAMES, SiteFile, cache_control, content_type, site_files, stage_of
from .plan import PublishPlan, Remote, plan_publish
from .refusals import refusals
from .run import publish
from .targets import DEFAULT_BUCKET_DOMAINS, PRESETS, BucketTarget, FolderTarget, Target, TargetSettings, open_target

__all__ = [
    "ASSET", "ENTRY", "HASHED", "IMMUTABLE", "REVALIDATE", "STAGE_NAMES", "SiteFile", "cache_control", "content_type",
    "site_files", "stage_of", "PublishPlan", "Remote", "plan_publish", "refusals", "publish", "DEFAULT_BUCKET_DOMAINS",
    "PRESETS", "BucketTarget", "FolderTarget", "Target", "TargetSettings", "open_target",
]
