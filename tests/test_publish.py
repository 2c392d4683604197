"""`hall publish`: the sample hall uploaded to a real S3-compatible server (moto's, on
127.0.0.1) and to a web server's folder; every object's bytes and headers, the order of the
stages, nothing uploaded twice, stale objects deleted last; and the refusals, in both
languages and without a traceback."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hall.cli.app import main
from hall.outputs.publish import IMMUTABLE, REVALIDATE, BucketTarget, FolderTarget, content_type, stage_of
from hall.outputs.publish.objects import ASSET, ENTRY, HASHED
from tests.support.sites import copy_sample_hall, finished_sample_hall

pytestmark = pytest.mark.slow
BUCKET = "hall-site"
EXTRA = "exhibits/achievements/extra-room"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """moto's S3 server on 127.0.0.1, with test credentials in the environment (as staff set theirs)."""
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    saved = {k: __import__("os").environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION")}
    import os

    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1")
    import boto3

    client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    yield client, port
    server.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def configure(project: Path, publish: str, site_url: str = "https://hall.county.gov.cn/",
              icp: str = "陕ICP备12345678号-1", psb: str = "陕公网安备61012302000123号") -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^site_url:.*$", f"site_url: {site_url}", text, count=1, flags=re.M)
    text = re.sub(r"^(\s+)icp_number:.*$", rf"\g<1>icp_number: {icp}", text, count=1, flags=re.M)
    text = re.sub(r"^(\s+)psb_number:.*$", rf"\g<1>psb_number: {psb}", text, count=1, flags=re.M)
    text = re.sub(r'^(\s+)psb_code:.*$', rf'\g<0>\n\g<1>publish: {publish}', text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")
    return config


def add_extra_exhibit(project: Path) -> None:
    """An exhibit of its own (own photo, so its own media folder) that a test can remove again."""
    shutil.copytree(project / "exhibits/achievements/practice-square", project / EXTRA)
    meta = project / EXTRA / "exhibit.yml"
    text = meta.read_text(encoding="utf-8")
    text = re.sub(r"^title:.*$", 'title: {zh: 测试展品, en: "Test exhibit"}', text, count=1, flags=re.M)
    text = re.sub(r"^related:.*$", "", text.replace("order: 10", "order: 99"), flags=re.M)
    meta.write_text(text, encoding="utf-8")
    photo = project / EXTRA / "square-overview.jpg"
    photo.write_bytes(photo.read_bytes() + b"extra")


class Recorder:
    """Every put and delete of the publishing target, in the order they start and end."""

    def __init__(self, monkeypatch, target_class) -> None:
        self.events: list[tuple[str, str]] = []
        lock = threading.Lock()
        put, delete = target_class.put, target_class.delete

        def recorded_put(target, file):
            with lock:
                self.events.append(("start", file.key))
            put(target, file)
            with lock:
                self.events.append(("end", file.key))

        def recorded_delete(target, keys):
            with lock:
                self.events.extend(("delete", key) for key in keys)
            delete(target, keys)

        monkeypatch.setattr(target_class, "put", recorded_put)
        monkeypatch.setattr(target_class, "delete", recorded_delete)

    def uploaded(self) -> list[str]:
        return [key for kind, key in self.events if kind == "end"]

    def check_order(self) -> None:
        """No page or entry file starts before every hashed file and asset has ended; no
        deletion before every upload has ended."""
        started_entry = False
        for index, (kind, key) in enumerate(self.events):
            if kind == "start" and stage_of(key) == ENTRY:
                started_entry = True
            if kind == "end" and stage_of(key) in (HASHED, ASSET):
                assert not started_entry, f"{key} finished after a page had started"
            if kind == "delete":
                assert all(k != "start" for k, _ in self.events[index:]), "a deletion came before an upload"


def objects(client) -> dict[str, dict]:
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            found[item["Key"]] = item
    return found


def publish(project: Path, capsys, *extra: str) -> tuple[int, str, str]:
    code = main(["-f", str(project / "mkdocs.yml"), "publish", *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def bucket_project(tmp_path_factory, s3):
    _, port = s3
    project = finished_sample_hall(tmp_path_factory.mktemp("publish-s3"))
    add_extra_exhibit(project)
    configure(project, "{provider: s3, bucket: %s, region: us-east-1, endpoint: 'http://127.0.0.1:%d'}" % (BUCKET, port))
    return project


def test_publishing_uploads_every_file_with_its_bytes_type_and_caching_in_stages(bucket_project, s3, capsys, monkeypatch):
    client, _ = s3
    recorder = Recorder(monkeypatch, BucketTarget)
    code, out, err = publish(bucket_project, capsys)
    assert code == 0, out + err
    site = bucket_project / "site"
    files = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    stored = objects(client)
    assert set(stored) == set(files)
    assert sorted(recorder.uploaded()) == sorted(files)
    recorder.check_order()
    kinds = set()
    for key, path in files.items():
        head = client.get_object(Bucket=BUCKET, Key=key)
        assert head["Body"].read() == path.read_bytes(), key
        assert head["ContentType"] == content_type(key), key
        assert head["CacheControl"] == (IMMUTABLE if stage_of(key) == HASHED else REVALIDATE), key
        kinds.add((key.rsplit(".", 1)[-1], head["ContentType"], head["CacheControl"]))
    assert ("html", "text/html; charset=utf-8", "no-cache") in kinds
    assert ("webp", "image/webp", IMMUTABLE) in kinds
    assert ("css", "text/css; charset=utf-8", IMMUTABLE) in kinds  # fingerprinted
    assert ("js", "text/javascript; charset=utf-8", IMMUTABLE) in kinds
    assert ("xml", "application/xml; charset=utf-8", "no-cache") in kinds
    assert client.head_object(Bucket=BUCKET, Key="index.html")["Metadata"]["sha256"]
    assert "Published" in out and "发布完成" in out


def test_publishing_the_unchanged_site_again_uploads_nothing(bucket_project, s3, capsys, monkeypatch):
    recorder = Recorder(monkeypatch, BucketTarget)
    code, out, err = publish(bucket_project, capsys, "--no-build")
    assert code == 0, out + err
    assert recorder.events == [] and "0 uploaded" in out
    # A rebuild of the same content: only Pagefind's search entry files may differ (Pagefind
    # writes its filter map in a random order), never a page, photo or asset.
    code, out, err = publish(bucket_project, capsys)
    assert code == 0, out + err
    assert all("/pagefind/" in "/" + key for key in recorder.uploaded()), recorder.uploaded()


def test_a_dry_run_lists_the_changes_by_stage_and_changes_nothing(bucket_project, s3, capsys):
    client, _ = s3
    before = objects(client)
    shutil.rmtree(bucket_project / EXTRA)
    code, out, err = publish(bucket_project, capsys, "--dry-run")
    assert code == 0, out + err
    assert "Step 4, delete files no longer used" in out and "第 4 步" in out
    assert f"  - {EXTRA}/index.html" in out and "Dry run" in out
    assert re.search(r"^第 1 步 [^：]+：\d+ 个文件，[\d.,]+ (kB|MB)  Step 1, [^:]+: \d+ files, [\d.,]+ (kB|MB)$", out, re.M)
    assert objects(client).keys() == before.keys()


def test_a_removed_exhibits_objects_are_deleted_after_the_new_pages_are_up(bucket_project, s3, capsys, monkeypatch):
    client, _ = s3
    before = set(objects(client))
    extra_media = {key for key in before if key.startswith("media/") and not (bucket_project / "site" / key).exists()}
    shutil.rmtree(bucket_project / EXTRA, ignore_errors=True)
    recorder = Recorder(monkeypatch, BucketTarget)
    code, out, err = publish(bucket_project, capsys)
    assert code == 0, out + err
    deleted = {key for kind, key in recorder.events if kind == "delete"}
    assert f"{EXTRA}/index.html" in deleted and f"en/{EXTRA}/index.html" in deleted
    after = set(objects(client))
    assert not any(key.startswith((EXTRA, f"en/{EXTRA}")) for key in after)
    site = bucket_project / "site"
    assert after == {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert any(key.startswith("media/") for key in deleted) and not (extra_media & after)
    recorder.check_order()
    zone = f"exhibits/{EXTRA.split('/')[1]}/index.html"
    assert zone in recorder.uploaded()  # the zone page no longer lists it: replaced before the deletion
    assert "extra-room" not in client.get_object(Bucket=BUCKET, Key=zone)["Body"].read().decode()


def test_publishing_to_a_folder_mirrors_the_site_and_skips_unchanged_files(tmp_path, capsys, monkeypatch):
    project = finished_sample_hall(tmp_path / "hall")
    served = tmp_path / "www"
    configure(project, "{provider: folder, path: '%s'}" % served.as_posix())
    (served / "old").mkdir(parents=True)
    (served / "old/index.html").write_text("stale", encoding="utf-8")
    (served / "index.html").write_text("the previous site", encoding="utf-8")
    recorder = Recorder(monkeypatch, FolderTarget)
    code, out, err = publish(project, capsys)
    assert code == 0, out + err
    recorder.check_order()
    site = project / "site"
    mine = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(served).as_posix(): p.read_bytes() for p in served.rglob("*") if p.is_file()}
    assert mine == theirs and not (served / "old").exists()
    recorder.events.clear()
    code, out, err = publish(project, capsys, "--no-build")
    assert code == 0 and recorder.events == [] and "0 uploaded" in out


def _refused(project: Path, capsys) -> str:
    code, out, err = publish(project, capsys, "--no-build")
    assert code == 1
    assert "Traceback" not in out + err
    assert "未发布" in err and "Nothing was published" in err
    return err


def test_placeholders_are_refused_with_the_fix_in_both_languages(tmp_path, capsys):
    project = finished_sample_hall(tmp_path / "hall")  # the sample's own settings: all placeholders
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8").replace(
        '      psb_code: "00000000000000"', '      psb_code: "00000000000000"\n      publish: {provider: folder, path: www}'),
        encoding="utf-8")
    err = _refused(project, capsys)
    assert "site_url" in err and "还是示例网址" in err and "still a placeholder" in err
    assert "icp_number" in err and "psb_number" in err and "公安备案号" in err
    assert not (project / "www").exists()


@pytest.mark.parametrize("host", ["hall-site.oss-cn-hangzhou.aliyuncs.com", "hall-1250000000.cos.ap-beijing.myqcloud.com",
                                  "hall.obs.cn-north-4.myhuaweicloud.com", "hall.s3.amazonaws.com"])
def test_a_providers_default_bucket_domain_is_refused(tmp_path, capsys, host):
    project = configure(copy_sample_hall(tmp_path / "hall"), "{provider: oss, bucket: hall-site, region: cn-hangzhou}",
                        site_url=f"https://{host}/").parent
    err = _refused(project, capsys)
    assert f"默认域名 {host}" in err and "ICP" in err and "bind your own ICP-filed domain" in err


def test_problems_found_by_a_strict_check_are_refused(tmp_path, capsys):
    project = configure(copy_sample_hall(tmp_path / "hall"), "{provider: folder, path: www}").parent  # notes for staff left
    err = _refused(project, capsys)
    assert "hall check --strict" in err
    assert not (project / "www").exists()


def test_a_target_without_its_settings_is_refused(tmp_path, capsys):
    project = configure(finished_sample_hall(tmp_path / "hall"), "{provider: oss}").parent
    err = _refused(project, capsys)
    assert "bucket" in err and "region" in err and "cn-hangzhou" in err


def test_credentials_are_never_read_from_mkdocs_yml_and_a_refused_key_is_explained(tmp_path, s3):
    _, port = s3
    project = configure(finished_sample_hall(tmp_path / "hall"),
                        "{provider: s3, bucket: no-such-bucket, endpoint: 'http://127.0.0.1:%d'}" % port).parent
    result = subprocess.run([sys.executable, "-m", "hall.cli", "publish", "--no-build"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 1  # site/ missing: nothing built
    (project / "site").mkdir()
    (project / "site/index.html").write_text("<html></html>", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "hall.cli", "publish", "--no-build"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "上传失败" in result.stderr and "Upload failed" in result.stderr and "AWS_ACCESS_KEY_ID" in result.stderr


def test_government_site_marks_show_in_the_footer_only_when_the_hall_was_issued_them(tmp_path, site):
    from PIL import Image

    from tests.support.sites import run_mkdocs

    for language_root in (site, site / "en"):  # the sample: no mark, no code
        html = (language_root / "index.html").read_text(encoding="utf-8")
        assert "hall-filing__code" not in html and "hall-filing__mark" not in html
    project = copy_sample_hall(tmp_path / "hall")
    Image.new("RGB", (55, 66), "red").save(project / "theme/assets/issued-mark.png")  # test data, not the real mark
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        '      psb_code: "00000000000000"',
        '      psb_code: "00000000000000"\n      site_code: "5301000001"\n'
        '      gov_mark_image: assets/issued-mark.png\n      gov_mark_link: "https://bszs.conac.cn/sitename?method=show&id=1"'),
        encoding="utf-8")
    run_mkdocs(project, "build")
    zh = (project / "site/exhibits/index.html").read_text(encoding="utf-8")
    en = (project / "site/en/index.html").read_text(encoding="utf-8")
    assert '<span class="hall-filing__code">网站标识码：5301000001</span>' in zh
    assert '<span class="hall-filing__code">Website identification code: 5301000001</span>' in en
    assert re.search(r'<a href="https://bszs.conac.cn/sitename\?method=show&amp;id=1" rel="noopener">'
                     r'<img src="\.\./assets/issued-mark\.png" alt="党政机关网站标识"', zh)
    assert 'alt="Party and government website mark"' in en and (project / "site/en/assets/issued-mark.png").is_file()


def test_a_target_holding_something_else_loses_nothing(tmp_path):
    from hall.outputs.publish import Remote, plan_publish, site_files

    (tmp_path / "site/assets").mkdir(parents=True)
    (tmp_path / "site/index.html").write_text("new", encoding="utf-8")
    (tmp_path / "site/assets/hall.css").write_text("body{}", encoding="utf-8")
    files = site_files(tmp_path / "site")
    other = {"photos/2019/a.jpg": Remote(md5="0" * 32), "report.pdf": Remote(md5="1" * 32)}
    plan = plan_publish(files, other)  # a mistyped bucket or prefix: not a hall site there
    assert plan.deletions == [] and plan.kept == 2 and len(plan.uploads) == 2
    plan = plan_publish(files, {**other, "index.html": Remote(md5="2" * 32)})  # the hall's own, stale objects
    assert plan.deletions == ["photos/2019/a.jpg", "report.pdf"]
    assert [f.key for f in plan.uploads] == ["assets/hall.css", "index.html"]  # asset before page
