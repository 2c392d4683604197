"""Where a site is published: an S3-compatible bucket or a folder a web server serves.

Presets give each mainland provider's endpoint and addressing style; credentials come only
from the environment or the provider's profile (never mkdocs.yml, which is in the repository):
boto3's own chain (``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``, ``AWS_PROFILE``,
``~/.aws/credentials``), with the providers' usual variable names mapped onto it.

Which objects changed is decided from one ListObjectsV2 request per 1,000 objects: its ETag
is the MD5 of an object uploaded in one part, which is how every file is uploaded (the
largest, a 1600 px photo, is far below the 5 GB single-part limit). A HEAD per object for
our own ``x-amz-meta-sha256`` would be 26,000 requests at 1000 exhibits; the SHA-256 is still
stored with each object, and read back (HEAD) only where the ETag is not an MD5 (a multipart
upload by another tool, server-side KMS encryption).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .objects import SiteFile
from .plan import Remote

#: provider → (endpoint template, addressing style)
PRESETS: dict[str, tuple[str, str]] = {
    "oss": ("https://oss-{region}.aliyuncs.com", "virtual"),
    "cos": ("https://cos.{region}.myqcloud.com", "virtual"),
    "obs": ("https://obs.{region}.myhuaweicloud.com", "virtual"),
    "s3": ("", "path"),
}
#: Hosts of providers' default bucket domains, which serve HTML as a download (or not at all).
DEFAULT_BUCKET_DOMAINS = (".aliyuncs.com", ".myqcloud.com", ".myhuaweicloud.com", ".amazonaws.com")
#: Providers' own variable names, mapped onto the S3 client's.
_KEY_VARIABLES = {
    "oss": ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
    "cos": ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"),
    "obs": ("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"),
}


class Target(Protocol):
    description: str

    def listing(self) -> dict[str, Remote]: ...
    def put(self, file: SiteFile) -> None: ...
    def delete(self, keys: list[str]) -> None: ...


@dataclass(frozen=True)
class TargetSettings:
    """The ``publish:`` settings of the hall plugin in mkdocs.yml."""

    provider: str = ""  # oss | cos | obs | s3 | folder
    bucket: str = ""
    region: str = ""
    endpoint: str = ""  # overrides the preset (a private S3-compatible server)
    prefix: str = ""  # a folder inside the bucket
    path: str = ""  # provider folder: where the web server's files are

    @classmethod
    def from_options(cls, options: dict) -> "TargetSettings":
        return cls(**{key: str(value or "") for key, value in (options or {}).items() if key in cls.__dataclass_fields__})


def endpoint_of(settings: TargetSettings) -> str:
    template, _ = PRESETS.get(settings.provider, ("", "path"))
    return settings.endpoint or template.format(region=settings.region)


def credentials(provider: str, environ: dict[str, str]) -> dict[str, str]:
    """Key pair from the provider's own variables when the S3 ones are not set (boto3 then
    finds them, or a profile, itself)."""
    if environ.get("AWS_ACCESS_KEY_ID") or provider not in _KEY_VARIABLES:
        return {}
    key, secret = _KEY_VARIABLES[provider]
    if environ.get(key) and environ.get(secret):
        return {"aws_access_key_id": environ[key], "aws_secret_access_key": environ[secret]}
    return {}


class BucketTarget:
    """An S3-compatible bucket, through boto3."""

    def __init__(self, settings: TargetSettings, environ: dict[str, str] | None = None) -> None:
        import boto3
        from botocore.config import Config

        _, style = PRESETS.get(settings.provider, ("", "path"))
        self.bucket = settings.bucket
        self.prefix = settings.prefix.strip("/") + "/" if settings.prefix.strip("/") else ""
        endpoint = endpoint_of(settings)
        self.description = f"{settings.provider}://{settings.bucket}/{self.prefix}" + (f" ({endpoint})" if endpoint else "")
        self.client = boto3.session.Session().client(
            "s3", endpoint_url=endpoint or None, region_name=settings.region or None,
            config=Config(s3={"addressing_style": style}, retries={"max_attempts": 5, "mode": "standard"}),
            **credentials(settings.provider, dict(os.environ if environ is None else environ)))

    def listing(self) -> dict[str, Remote]:
        found: dict[str, Remote] = {}
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
            for item in page.get("Contents", []):
                key = item["Key"][len(self.prefix):]
                etag = item.get("ETag", "").strip('"')
                if "-" in etag or len(etag) != 32:  # not an MD5: ask for the SHA-256 we stored
                    head = self.client.head_object(Bucket=self.bucket, Key=item["Key"])
                    found[key] = Remote(sha256=head.get("Metadata", {}).get("sha256", "?"), size=item["Size"])
                else:
                    found[key] = Remote(md5=etag, size=item["Size"])
        return found

    def put(self, file: SiteFile) -> None:
        with file.path.open("rb") as body:
            self.client.put_object(Bucket=self.bucket, Key=self.prefix + file.key, Body=body,
                                   ContentType=file.content_type, CacheControl=file.cache_control,
                                   ContentMD5=_base64_md5(file.md5), Metadata={"sha256": file.sha256})

    def delete(self, keys: list[str]) -> None:
        for start in range(0, len(keys), 1000):  # the API's limit per request
            batch = [{"Key": self.prefix + key} for key in keys[start:start + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})


def _base64_md5(hexdigest: str) -> str:
    import base64

    return base64.b64encode(bytes.fromhex(hexdigest)).decode("ascii")


class FolderTarget:
    """A local or mounted folder a web server (nginx: deploy/nginx/hall.conf) serves. Each file
    is written beside its place and renamed over it, so a visitor never reads half a file."""

    def __init__(self, settings: TargetSettings) -> None:
        self.root = Path(settings.path).expanduser()
        self.description = str(self.root)

    def listing(self) -> dict[str, Remote]:
        found: dict[str, Remote] = {}
        if not self.root.is_dir():
            return found
        for path in self.root.rglob("*"):
            relative = path.relative_to(self.root)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                found[relative.as_posix()] = Remote(sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                                                    size=path.stat().st_size)
        return found

    def put(self, file: SiteFile) -> None:
        target = self.root / file.key
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        shutil.copyfile(file.path, partial)
        os.replace(partial, target)

    def delete(self, keys: list[str]) -> None:
        for key in keys:
            path = self.root / key
            path.unlink(missing_ok=True)
            folder = path.parent
            while folder != self.root and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent


def open_target(settings: TargetSettings) -> Target:
    if settings.provider == "folder":
        return FolderTarget(settings)
    return BucketTarget(settings)
