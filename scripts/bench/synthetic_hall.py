"""Generate a synthetic hall of any size, for benchmarks (build time, search, page size).

Why this exists: the sample collection has a dozen exhibits; a county hall may grow to
hundreds or a thousand, plus years of news. To measure how the build and the search
behave at that size we need a hall of N exhibits that looks like real content (Chinese
text of realistic words and sentence lengths, English text, three photos per exhibit),
made deterministically from a seed so that two runs compare like with like.

The text is **synthetic**: sentences recombined by a word-level Markov chain from the
seed report (Chinese, segmented with jieba) and from the sample's English texts. It is
realistic in vocabulary and length, meaningless in content, and never published.

Use it from Python (the search benchmark does)::

    from synthetic_hall import generate_hall, write_plain_project
    generate_hall(Path("/tmp/hall-200"), exhibits=200, news=100, seed=1)
    write_plain_project(Path("/tmp/hall-200"), Path("/tmp/plain-200"))  # optional

or from the command line, from the repository root::

    python scripts/bench/synthetic_hall.py OUT_DIR --exhibits 200 --news 100 --seed 1 [--plain PLAIN_DIR]

``OUT_DIR`` becomes a complete hall project (``mkdocs.yml`` and ``theme/`` copied from
this repository, ``exhibits/``, ``content/``) that ``mkdocs build`` builds as is. News
items are written as ``content/news/<date>-<slug>/`` entries when this repository's
loader reads news (``load_news``), otherwise as free pages
``content/pages/news-XXXX.{zh,en}.md``.

``write_plain_project`` turns a generated hall into the same site built the way a user
would without us: plain MkDocs + Material + mkdocs-static-i18n (suffix structure),
section navigation, Material search (with jieba), the same Markdown and photos.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Iterable

import yaml
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
__all__ = ["generate_hall", "write_plain_project", "ZONES"]

#: The six zones of the synthetic hall: (id, zh title, en title).
ZONES: tuple[tuple[str, str, str], ...] = (
    ("prologue", "序厅", "Prologue"),
    ("history", "历史印记", "Traces of History"),
    ("customs", "民俗文化", "Customs and Culture"),
    ("activities", "宣传教育", "Study and Outreach"),
    ("services", "为民服务", "Services to Residents"),
    ("achievements", "社区建设成果", "Community Achievements"),
)

PHOTO_SIZE = (800, 600)
SYNTHETIC_NOTE_ZH = "（合成测试内容，非真实资料）"
SYNTHETIC_NOTE_EN = "(Synthetic test content, not real information.)"

_ZH_END = "。"
_ZH_PUNCT = set("，。；：、！？（）“”《》")


# -- text ------------------------------------------------------------------------------


def _seed_files() -> list[Path]:
    """The seed report's text files: $HALL_SEED_DIR, ../shared/seed or /work/shared/seed."""
    candidates = [os.environ.get("HALL_SEED_DIR"), REPO.parent / "shared" / "seed", "/work/shared/seed"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            files = sorted(Path(candidate).glob("*.txt"))
            if files:
                return files
    return []


def _chinese_corpus() -> str:
    texts = [p.read_text(encoding="utf-8") for p in _seed_files()]
    if not texts:  # no seed beside the checkout: fall back to the sample hall's own text
        texts = [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("exhibits/*/*/zh.md"))]
        texts += [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("content/pages/*.zh.md"))]
    text = "\n".join(texts)
    text = re.sub(r"[#>*\-|\[\]()!`_]|待补充|Placeholder|[A-Za-z]+", "", text)
    return text


def _english_corpus() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("exhibits/*/*/en.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("content/pages/*.en.md"))]
    for path in sorted(REPO.glob("exhibits/*/*/exhibit.yml")) + [REPO / "exhibits" / "zones.yml"]:
        texts += re.findall(r"en: \"?([^\"\n{}]+)", path.read_text(encoding="utf-8"))
    text = " ".join(texts)
    text = re.sub(r"\*\*[^*]*\*\*|[#>*`|\[\]()_]|https?://\S+", " ", text)
    sentences = re.split(r"(?<=\.)\s+", re.sub(r"\s+", " ", text))
    # Drop the sample's notes to staff and placeholder captions: they are not prose.
    return " ".join(s for s in sentences if not re.search(r"Placeholder|placeholder|Staff|replace", s))


class _Chain:
    """A first-order word Markov chain that makes sentences of the corpus's vocabulary."""

    def __init__(self, words: list[str], ends: set[str], joiner: str):
        self.joiner = joiner
        self.ends = ends
        self.next: dict[str, list[str]] = {}
        self.starts: list[str] = []
        previous = None
        for word in words:
            if previous is None or previous in ends:
                if word not in ends and word not in _ZH_PUNCT:
                    self.starts.append(word)
            if previous is not None:
                self.next.setdefault(previous, []).append(word)
            previous = word
        self.vocabulary = sorted({w for w in words if w not in ends and len(w.strip(",.;:")) > 1})

    def sentence(self, rng: random.Random, min_words: int, max_words: int, end: str) -> str:
        words = [rng.choice(self.starts)]
        target = rng.randint(min_words, max_words)
        while True:
            options = self.next.get(words[-1])
            if not options:
                options = self.starts
            word = rng.choice(options)
            if word in self.ends:
                if len(words) >= min_words:
                    break
                word = rng.choice(self.starts)
            words.append(word)
            if len(words) >= target and words[-1] not in _ZH_PUNCT:
                break
        while words and (words[-1] in _ZH_PUNCT or words[-1] in {",", ";", ":"}):
            words.pop()
        text = self.joiner.join(words).strip()
        return text + end


@functools.lru_cache(maxsize=1)
def _zh_chain() -> _Chain:
    import jieba

    jieba.setLogLevel(60)
    words = [w for w in jieba.lcut(_chinese_corpus()) if w.strip()]
    return _Chain(words, {"。", "！", "？", "\n"}, "")


@functools.lru_cache(maxsize=1)
def _en_chain() -> _Chain:
    tokens = re.findall(r"[A-Za-z0-9’'-]+|[.,;:]", _english_corpus())
    words: list[str] = []
    for token in tokens:
        if token in {",", ";", ":"} and words:
            words[-1] += token
        else:
            words.append(token)
    return _Chain(words, {"."}, " ")


def _zh_sentences(rng: random.Random, count: int) -> str:
    return "".join(_zh_chain().sentence(rng, 8, 26, "。") for _ in range(count))


def _en_sentence(rng: random.Random) -> str:
    text = _en_chain().sentence(rng, 8, 24, ".")
    return text[:1].upper() + text[1:]


def _en_sentences(rng: random.Random, count: int) -> str:
    return " ".join(_en_sentence(rng) for _ in range(count))


@functools.lru_cache(maxsize=1)
def _zh_title_words() -> list[str]:
    return [w for w in _zh_chain().vocabulary if 2 <= len(w) <= 4 and not _ZH_PUNCT & set(w)]


@functools.lru_cache(maxsize=1)
def _en_title_words() -> list[str]:
    return [w.strip(",.;:") for w in _en_chain().vocabulary if w[:1].isalpha() and len(w) > 3]


def _zh_title(rng: random.Random) -> str:
    words = _zh_title_words()
    return "".join(rng.choice(words) for _ in range(rng.randint(2, 3)))


def _en_title(rng: random.Random) -> str:
    words = _en_title_words()
    return " ".join(w.capitalize() for w in (rng.choice(words) for _ in range(rng.randint(2, 4))))


def _body(rng: random.Random, language: str) -> str:
    """A Markdown body of 2–4 sections of 1–3 paragraphs each."""
    parts = []
    for _ in range(rng.randint(2, 4)):
        if language == "zh":
            parts.append("## " + _zh_title(rng))
            parts += [_zh_sentences(rng, rng.randint(2, 5)) for _ in range(rng.randint(1, 3))]
        else:
            parts.append("## " + _en_title(rng))
            parts += [_en_sentences(rng, rng.randint(2, 5)) for _ in range(rng.randint(1, 3))]
    return "\n\n".join(parts) + "\n"


# -- files -------------------------------------------------------------------------------


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _photo(path: Path, rng: random.Random) -> None:
    """A smooth 800×600 JPEG: a colour gradient with soft blotches (about 10 KB).

    800 pixels wide is the narrowest photo the hall accepts without a "too small"
    warning (half the largest derivative width); smaller photos would add thousands of
    warnings to every build. Photo processing is cached after the first build, and the
    benchmarks measure builds with photos already processed.
    """
    small = (16, 12)
    base = tuple(rng.randint(60, 200) for _ in range(3))
    gradient = Image.linear_gradient("L").resize(small)
    colour = Image.new("RGB", small, base)  # type: ignore[arg-type]
    noise = Image.frombytes("RGB", small, rng.randbytes(small[0] * small[1] * 3))
    image = Image.blend(Image.composite(colour, noise, gradient), noise, 0.25)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.resize(PHOTO_SIZE, Image.Resampling.BICUBIC).save(path, "JPEG", quality=75)


def _copy_project_frame(out_dir: Path) -> None:
    """mkdocs.yml, theme/ and the content settings that are not generated."""
    shutil.copy2(REPO / "mkdocs.yml", out_dir / "mkdocs.yml")
    shutil.copytree(REPO / "theme", out_dir / "theme", dirs_exist_ok=True)
    (out_dir / "content").mkdir(parents=True, exist_ok=True)
    for name in ("jieba_user_dict.txt", "glossary.yml"):
        if (REPO / "content" / name).exists():
            shutil.copy2(REPO / "content" / name, out_dir / "content" / name)


#: Exhibit tags and their labels, written to exhibits/tags.yml (slug, zh, en): a tag
#: without a label is a warning per use, thousands in a large hall.
TAGS: tuple[tuple[str, str, str], ...] = (
    ("architecture", "建筑", "Architecture"),
    ("culture", "文化", "Culture"),
    ("study", "学习", "Study"),
    ("service", "服务", "Services"),
    ("festival", "节庆", "Festivals"),
    ("history", "历史", "History"),
)

#: News categories written to content/news/categories.yml: (id, zh, en).
NEWS_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("study", "学习宣传", "Study and outreach"),
    ("culture", "文化活动", "Cultural activities"),
    ("service", "为民服务", "Services to residents"),
)


def _news_feature() -> bool:
    """True when the loader reads news entries (content/news/<date>-<slug>/news.yml)."""
    loader = REPO / "hall" / "content" / "loader.py"
    return loader.exists() and "load_news" in loader.read_text(encoding="utf-8")


def _date(rng: random.Random, start: int = 1950, end: int = 2024) -> dt.date:
    first = dt.date(start, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(first, dt.date(end, 12, 31).toordinal()))


def generate_hall(out_dir: Path, exhibits: int, news: int, seed: int = 1) -> None:
    """Write a complete synthetic hall project into ``out_dir``.

    ``exhibits`` exhibits are spread over the six :data:`ZONES`, each with
    ``exhibit.yml``, ``zh.md``, ``en.md`` and three 800×600 JPEG photos; ``news`` news
    items (``content/news/<date>-news-XXXX/`` entries in three categories when the loader
    reads news, else free pages ``content/pages/news-XXXX.{zh,en}.md``), an
    ``about`` page and ``content/home.yml``. The same arguments give the same files.
    ``out_dir`` is created if missing; generated folders inside it are replaced.
    """
    out_dir = Path(out_dir)
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    for folder in ("exhibits", "content", "theme", "site"):
        shutil.rmtree(out_dir / folder, ignore_errors=True)
    _copy_project_frame(out_dir)

    zones = []
    for zone_id, zh, en in ZONES:
        zones.append({
            "id": zone_id,
            "title": {"zh": zh, "en": en},
            "intro": {"zh": _zh_sentences(rng, 2) + SYNTHETIC_NOTE_ZH, "en": _en_sentences(rng, 2) + " " + SYNTHETIC_NOTE_EN},
        })
    _write(out_dir / "exhibits" / "zones.yml", "# 合成测试展厅 / synthetic test hall\n" + _dump(zones))
    _write(out_dir / "exhibits" / "tags.yml", _dump({slug: {"zh": zh, "en": en} for slug, zh, en in TAGS}))

    ids = [f"{ZONES[i % len(ZONES)][0]}/exhibit-{i + 1:04d}" for i in range(exhibits)]
    for index, exhibit_id in enumerate(ids):
        folder = out_dir / "exhibits" / exhibit_id
        date = _date(rng)
        photos = []
        for k in range(3):
            name = f"photo-{k + 1}.jpg"
            _photo(folder / name, rng)
            photos.append({
                "file": name,
                "alt": {"zh": _zh_sentences(rng, 1), "en": _en_sentence(rng)},
                "caption": {"zh": _zh_sentences(rng, 1), "en": _en_sentence(rng)},
                "credit": {"zh": "合成图", "en": "Synthetic"},
            })
        others = [i for i in ids if i != exhibit_id]
        data = {
            "title": {"zh": _zh_title(rng), "en": _en_title(rng)},
            "summary": {"zh": _zh_sentences(rng, 2), "en": _en_sentences(rng, 2)},
            "date": date.year if rng.random() < 0.5 else f"{date.year}-{date.month:02d}",
            "order": (index // len(ZONES) + 1) * 10,
            "tags": sorted(rng.sample([slug for slug, _zh, _en in TAGS], 2)),
            "status": "published",
            "timeline": rng.random() < 0.1,
            "images": photos,
            "related": rng.sample(others, min(2, len(others))),
        }
        _write(folder / "exhibit.yml", "# 合成测试展品 / synthetic test exhibit\n" + _dump(data))
        _write(folder / "zh.md", _body(rng, "zh"))
        _write(folder / "en.md", _body(rng, "en"))

    home = {
        "hero": {"title": {"zh": "合成测试展厅", "en": "Synthetic Test Hall"},
                 "subtitle": {"zh": _zh_title(rng), "en": _en_title(rng)}},
        "intro": {"zh": _zh_sentences(rng, 3) + SYNTHETIC_NOTE_ZH, "en": _en_sentences(rng, 3) + " " + SYNTHETIC_NOTE_EN},
        "highlights": ids[:4],
    }
    _write(out_dir / "content" / "home.yml", _dump(home))
    _write(out_dir / "content" / "pages" / "about.zh.md", f"# 关于本馆\n\n{SYNTHETIC_NOTE_ZH}\n\n" + _body(rng, "zh"))
    _write(out_dir / "content" / "pages" / "about.en.md", f"# About the hall\n\n{SYNTHETIC_NOTE_EN}\n\n" + _body(rng, "en"))

    as_entries = _news_feature()
    if as_entries and news:
        _write(out_dir / "content" / "news" / "categories.yml", _dump(
            [{"id": cid, "title": {"zh": zh, "en": en}} for cid, zh, en in NEWS_CATEGORIES]))
    for n in range(news):
        date = _date(rng, 2019, 2024)
        title_zh, title_en = _zh_title(rng), _en_title(rng)
        summary_zh, summary_en = _zh_sentences(rng, 2), _en_sentences(rng, 2)
        body_zh, body_en = _body(rng, "zh"), _body(rng, "en")
        if as_entries:
            folder = out_dir / "content" / "news" / f"{date.isoformat()}-news-{n + 1:04d}"
            _write(folder / "news.yml", _dump({
                "title": {"zh": title_zh, "en": title_en},
                "summary": {"zh": summary_zh, "en": summary_en},
                "category": NEWS_CATEGORIES[n % len(NEWS_CATEGORIES)][0],
            }))
            _write(folder / "zh.md", body_zh)
            _write(folder / "en.md", body_en)
        else:
            pages = out_dir / "content" / "pages"
            _write(pages / f"news-{n + 1:04d}.zh.md", f"# {title_zh}\n\n{date.isoformat()}\n\n{summary_zh}\n\n{body_zh}")
            _write(pages / f"news-{n + 1:04d}.en.md", f"# {title_en}\n\n{date.isoformat()}\n\n{summary_en}\n\n{body_en}")


# -- the same site as a plain MkDocs + Material + mkdocs-static-i18n project ----------------


def _localized(value: object, language: str) -> str:
    if isinstance(value, dict):
        return str(value.get(language) or value.get("zh") or "")
    return "" if value is None else str(value)


def _first_heading(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def write_plain_project(hall_dir: Path, out_dir: Path) -> None:
    """Write ``hall_dir``'s content as a plain MkDocs + Material + mkdocs-static-i18n project.

    Suffix structure (``index.zh.md`` / ``index.en.md`` beside the photos), one section
    per zone in the navigation (exhibit and news pages are reached from their section's
    index page, not listed one by one: "section navigation"), Material search with the
    jieba user dictionary. Free pages and news become ``<slug>/index.<lang>.md``.
    """
    hall_dir, out_dir = Path(hall_dir), Path(out_dir)
    shutil.rmtree(out_dir, ignore_errors=True)
    docs = out_dir / "docs"
    docs.mkdir(parents=True)
    languages = ("zh", "en")
    labels = {
        "zh": {"date": "日期", "related": "相关展品", "prev": "上一件", "next": "下一件", "zones": "展区", "news": "新闻动态", "home": "首页"},
        "en": {"date": "Date", "related": "Related exhibits", "prev": "Previous", "next": "Next", "zones": "Zones", "news": "News", "home": "Home"},
    }
    zones = yaml.safe_load((hall_dir / "exhibits" / "zones.yml").read_text(encoding="utf-8"))
    exhibits: dict[str, dict] = {}
    by_zone: dict[str, list[str]] = {}
    for zone in zones:
        folder = hall_dir / "exhibits" / zone["id"]
        entries = []
        for child in sorted(p for p in folder.iterdir() if (p / "exhibit.yml").exists()) if folder.is_dir() else []:
            data = yaml.safe_load((child / "exhibit.yml").read_text(encoding="utf-8"))
            exhibit_id = f"{zone['id']}/{child.name}"
            exhibits[exhibit_id] = {"data": data, "folder": child}
            entries.append(exhibit_id)
        entries.sort(key=lambda i: (exhibits[i]["data"].get("order", 1000), i))
        by_zone[zone["id"]] = entries

    def link(from_id: str, to_id: str) -> str:
        return f"../../{to_id}/index.md"

    for zone in zones:
        route = by_zone[zone["id"]]
        for position, exhibit_id in enumerate(route):
            entry = exhibits[exhibit_id]
            data, folder = entry["data"], entry["folder"]
            target = docs / "exhibits" / exhibit_id
            target.mkdir(parents=True, exist_ok=True)
            for image in data.get("images") or []:
                shutil.copy2(folder / image["file"], target / image["file"])
            for language in languages:
                t = labels[language]
                lines = [f"# {_localized(data['title'], language)}", ""]
                lines += [f"*{t['date']}: {data.get('date', '')}*", "", _localized(data.get("summary"), language), ""]
                for image in data.get("images") or []:
                    lines += [
                        '<figure markdown="span">',
                        f"  ![{_localized(image.get('alt'), language)}]({image['file']}){{ loading=lazy }}",
                        f"  <figcaption>{_localized(image.get('caption'), language)}</figcaption>",
                        "</figure>", "",
                    ]
                body = folder / f"{language}.md"
                lines += [body.read_text(encoding="utf-8") if body.exists() else (folder / "zh.md").read_text(encoding="utf-8"), ""]
                related = [r for r in data.get("related") or [] if r in exhibits]
                if related:
                    lines += [f"## {t['related']}", ""]
                    lines += [f"- [{_localized(exhibits[r]['data']['title'], language)}]({link(exhibit_id, r)})" for r in related]
                    lines.append("")
                route_links = []
                if position > 0:
                    prev = route[position - 1]
                    route_links.append(f"[← {t['prev']}: {_localized(exhibits[prev]['data']['title'], language)}]({link(exhibit_id, prev)})")
                if position + 1 < len(route):
                    nxt = route[position + 1]
                    route_links.append(f"[{t['next']}: {_localized(exhibits[nxt]['data']['title'], language)} →]({link(exhibit_id, nxt)})")
                lines += [" · ".join(route_links), ""]
                _write(target / f"index.{language}.md", "\n".join(lines))
        for language in languages:
            lines = [f"# {_localized(zone['title'], language)}", "", _localized(zone.get("intro"), language), ""]
            for exhibit_id in route:
                data = exhibits[exhibit_id]["data"]
                slug = exhibit_id.split("/", 1)[1]
                lines.append(f"- [{_localized(data['title'], language)}]({slug}/index.md) — {_localized(data.get('summary'), language)}")
            _write(docs / "exhibits" / zone["id"] / f"index.{language}.md", "\n".join(lines) + "\n")

    home = yaml.safe_load((hall_dir / "content" / "home.yml").read_text(encoding="utf-8"))
    for language in languages:
        hero = home.get("hero") or {}
        lines = [f"# {_localized(hero.get('title'), language)}", "", f"**{_localized(hero.get('subtitle'), language)}**", "",
                 _localized(home.get("intro"), language), "", f"## {labels[language]['zones']}", ""]
        lines += [f"- [{_localized(z['title'], language)}](exhibits/{z['id']}/index.md)" for z in zones]
        _write(docs / f"index.{language}.md", "\n".join(lines) + "\n")

    # Free pages and news: content/pages/<slug>.<lang>.md, content/news/<date>-<slug>/.
    news_items: list[tuple[str, dict[str, str]]] = []
    other_pages: list[tuple[str, dict[str, str]]] = []
    pages_dir = hall_dir / "content" / "pages"
    slugs: dict[str, dict[str, str]] = {}
    for path in sorted(pages_dir.glob("*.md")) if pages_dir.is_dir() else []:
        slug, _, language = path.name[:-3].rpartition(".")
        slugs.setdefault(slug, {})[language] = path.read_text(encoding="utf-8")
    for slug, bodies in slugs.items():
        (news_items if slug.startswith("news-") else other_pages).append((slug, bodies))
    news_dir = hall_dir / "content" / "news"
    for folder in sorted(news_dir.iterdir()) if news_dir.is_dir() else []:
        if not (folder / "news.yml").exists():
            continue
        data = yaml.safe_load((folder / "news.yml").read_text(encoding="utf-8"))
        bodies = {}
        for language in languages:
            body = folder / f"{language}.md"
            if body.exists():
                bodies[language] = f"# {_localized(data.get('title'), language)}\n\n{_localized(data.get('summary'), language)}\n\n" + body.read_text(encoding="utf-8")
        news_items.append((folder.name, bodies))
    for slug, bodies in other_pages:
        for language in languages:
            _write(docs / slug / f"index.{language}.md", bodies.get(language) or bodies["zh"])
    for slug, bodies in news_items:
        for language in languages:
            _write(docs / "news" / slug / f"index.{language}.md", bodies.get(language) or bodies["zh"])
    for language in languages:
        lines = [f"# {labels[language]['news']}", ""]
        lines += [f"- [{_first_heading(b.get(language) or b['zh'])}]({slug}/index.md)" for slug, b in news_items]
        _write(docs / "news" / f"index.{language}.md", "\n".join(lines) + "\n")

    user_dict = hall_dir / "content" / "jieba_user_dict.txt"
    if user_dict.exists():
        shutil.copy2(user_dict, out_dir / "jieba_user_dict.txt")

    zone_nav = [f"exhibits/{z['id']}/index.md" for z in zones]
    nav = [{"首页": "index.md"}, {"展区": zone_nav}, {"新闻动态": "news/index.md"}]
    nav += [f"{slug}/index.md" for slug, _ in other_pages]
    translations = {"首页": "Home", "展区": "Zones", "新闻动态": "News"}
    config = {
        "site_name": _localized((home.get("hero") or {}).get("title"), "zh"),
        "site_url": "https://hall.example.cn/",
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": "zh",
            "font": False,
            "features": ["navigation.tabs", "navigation.sections", "navigation.indexes", "navigation.top", "search.highlight"],
        },
        "plugins": [
            {"search": {"jieba_dict_user": "jieba_user_dict.txt"} if user_dict.exists() else {}},
            {"i18n": {
                "docs_structure": "suffix",
                "languages": [
                    {"locale": "zh", "default": True, "name": "中文", "build": True},
                    {"locale": "en", "name": "English", "build": True,
                     "site_name": _localized((home.get("hero") or {}).get("title"), "en"),
                     "nav_translations": translations},
                ],
            }},
        ],
        "nav": nav,
        "not_in_nav": "/exhibits/*/*/\n/news/*/\n",
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"not_found": "warn"}},
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", "tables", {"toc": {"permalink": False}}],
    }
    _write(out_dir / "mkdocs.yml", "# Plain MkDocs + Material + mkdocs-static-i18n comparison project (generated)\n" + _dump(config))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the hall project into")
    parser.add_argument("--exhibits", type=int, default=50, help="number of exhibits (default: %(default)s)")
    parser.add_argument("--news", type=int, default=None, help="number of news items (default: exhibits / 2)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: %(default)s)")
    parser.add_argument("--plain", type=Path, help="also write the plain MkDocs comparison project here")
    args = parser.parse_args(list(argv) if argv is not None else None)
    news = args.news if args.news is not None else args.exhibits // 2
    generate_hall(args.out_dir, args.exhibits, news, args.seed)
    print(f"wrote a synthetic hall of {args.exhibits} exhibits and {news} news items to {args.out_dir}")
    if args.plain:
        write_plain_project(args.out_dir, args.plain)
        print(f"wrote the plain MkDocs project to {args.plain}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
