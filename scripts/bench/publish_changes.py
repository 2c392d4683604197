"""Benchmark: publishing a 1000-exhibit hall after one exhibit changed uploads only what changed.

A synthetic hall (scripts/bench/synthetic_hall.py) is built and published to a real
S3-compatible server on 127.0.0.1 (moto's); one exhibit's Chinese text is changed, the hall
is rebuilt and published again. Reported: objects and bytes uploaded per stage and deleted,
checked against the files whose bytes really differ between the two builds, and the time.

    python scripts/bench/publish_changes.py [--exhibits 1000] [--work /tmp/publish-bench]

Results go to docs/benchmarks/publish.md (by hand, from this script's output).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).parent))

from hall.outputs.publish import STAGE_NAMES, BucketTarget, TargetSettings, plan_publish, publish, site_files  # noqa: E402
from synthetic_hall import generate_hall  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(project: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in site.rglob("*") if p.is_file() and not any(s.startswith(".") for s in p.relative_to(site).parts)}


def publish_once(site: Path, target: BucketTarget) -> dict:
    started = time.perf_counter()
    plan = plan_publish(site_files(site), target.listing())
    publish(plan, target)
    return {"plan": plan, "seconds": time.perf_counter() - started}


def describe(label: str, result: dict) -> None:
    plan = result["plan"]
    print(f"## {label}: {len(plan.uploads)} objects uploaded ({plan.upload_bytes:,} bytes), "
          f"{len(plan.deletions)} deleted, {plan.unchanged} unchanged, {result['seconds']:.1f} s")
    for stage, (_, name) in STAGE_NAMES.items():
        files = plan.stages.get(stage, [])
        print(f"  stage {stage} {name}: {len(files)} objects, {sum(f.size for f in files):,} bytes")
        for file in files[:12] if label != "first publish" else ():
            print(f"      {file.key} ({file.size:,} bytes)")
    for key in plan.deletions[:12]:
        print(f"  deleted {key}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exhibits", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/publish-bench"))
    args = parser.parse_args()
    from moto.server import ThreadedMotoServer

    project = args.work / f"hall-{args.exhibits}"
    if not (project / "mkdocs.yml").exists():
        generate_hall(project, exhibits=args.exhibits, news=args.exhibits // 2, seed=1)
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench")
    target = BucketTarget(TargetSettings(provider="s3", bucket="bench", region="us-east-1",
                                         endpoint=f"http://127.0.0.1:{port}"))
    target.client.create_bucket(Bucket="bench")
    try:
        print(f"# {args.exhibits} exhibits; first build {build(project):.0f} s")
        site = project / "site"
        before = digests(site)
        describe("first publish", publish_once(site, target))
        describe("second publish, nothing rebuilt", publish_once(site, target))
        body = sorted(project.glob("exhibits/*/*/zh.md"))[len(before) % 7]
        body.write_text(body.read_text(encoding="utf-8") + "\n\n本段为基准测试修改的文字。\n", encoding="utf-8")
        print(f"# changed {body.relative_to(project)}; rebuild {build(project):.0f} s")
        after = digests(site)
        changed = {key for key, digest in after.items() if before.get(key) != digest}
        gone = set(before) - set(after)
        result = publish_once(site, target)
        describe("after one exhibit changed", result)
        uploaded = {file.key for file in result["plan"].uploads}
        print(f"# files whose bytes differ between the builds: {len(changed)}; removed: {len(gone)}; "
              f"uploaded == changed: {uploaded == changed}; deleted == removed: {set(result['plan'].deletions) == gone}")
        return 0 if uploaded == changed and set(result["plan"].deletions) == gone else 1
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
