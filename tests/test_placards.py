"""`hall placards`: the PDFs as a printer and a visitor's phone see them. Every page is
rendered (pypdfium2) and every QR code decoded (zxing-cpp) back to its address; the text is
extracted to find titles and numbers and to make sure no draft or staff note is printed."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from hall.content import load_hall
from hall.content.guide import visiting_route
from tests.support.sites import copy_sample_hall, run_hall

SITE_URL = "https://hall.x-county.gov.cn/"
A6_PT = (105 / 25.4 * 72, 148 / 25.4 * 72)
A4_PT = (210 / 25.4 * 72, 297 / 25.4 * 72)
SCALE = 4  # 288 dpi: QR modules of 0.7 mm are 8 pixels
DRAFT_TITLE = "尚未定稿的古井展品"
NOTE_ZH, NOTE_EN = "秘密核实注释甲", "secret verification note beta"
HOSTILE_EN = "All Ethnic Groups (\\) Tj ET <b>&amp; 😀 Are One Family"


def _set_site_url(project: Path, url: str) -> None:
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The sample hall with a real address, a draft exhibit, staff notes in a title and a
    summary, and a title full of characters that mean something to PDF, HTML and fonts."""
    project = copy_sample_hall(tmp_path_factory.mktemp("placards") / "hall")
    _set_site_url(project, SITE_URL)
    assert run_hall(project, "new", "exhibit", "history/old-well").returncode == 0  # a draft
    _edit(project / "exhibits/history/old-well/exhibit.yml", "新展品标题", DRAFT_TITLE)
    mosque = project / "exhibits/history/ming-mosque/exhibit.yml"
    _edit(mosque, "{zh: 古建筑清真寺,", f"{{zh: 古建筑清真寺【待核实：{NOTE_ZH}】,")
    _edit(mosque, "始建于明洪武六年（1373年），", f"始建于明洪武六年（1373年）【注：{NOTE_ZH}】，")
    _edit(mosque, "was founded in 1373,", f"was founded in 1373 [[To verify: {NOTE_EN}]],")
    _edit(project / "exhibits/prologue/one-family/exhibit.yml", "en: All Ethnic Groups Are One Family}",
          f"en: '{HOSTILE_EN}'}}")
    _edit(mosque, "\ntitle:", "\nguide: 201\ntitle:")  # pinned as numbered: printed, not listed below
    result = run_hall(project, "placards")
    assert result.returncode == 0, result.stdout + result.stderr
    (project / "placards-output.txt").write_text(result.stdout, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def route(project):
    hall, log = load_hall(project, ("zh", "en"))
    assert not log.errors
    return visiting_route(hall.for_audience(False))


def _pages(pdf: Path) -> list[tuple[str, list[str], tuple[float, float]]]:
    """Each page of ``pdf`` as (its text, the QR codes read from it, its size in points)."""
    document = pdfium.PdfDocument(str(pdf))
    pages = []
    for page in document:
        image = page.render(scale=SCALE).to_pil()
        codes = [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
        pages.append((page.get_textpage().get_text_range(), codes, tuple(page.get_size())))
    return pages


def _same_size(size, expected) -> bool:
    return abs(size[0] - expected[0]) < 0.5 and abs(size[1] - expected[1]) < 0.5


def test_the_printed_numbers_not_pinned_are_listed_with_the_line_that_pins_them(project, route):
    output = (project / "placards-output.txt").read_text(encoding="utf-8")
    assert f"{len(route) - 1} 件展品的导览编号没有固定" in output and "are not pinned" in output
    listed = re.findall(r"^  (exhibits/\S+/exhibit\.yml) +guide: (\d+)$", output, re.M)
    assert listed == [(f"{e.folder}/exhibit.yml", e.guide) for e in route if e.id != "history/ming-mosque"]
    assert ("exhibits/prologue/exhibition-hall/exhibit.yml", "101") in listed


def test_every_a6_placard_shows_its_exhibit_and_its_qr_code_opens_the_exhibit_page(project, route):
    pages = _pages(project / "placards/exhibits-a6.pdf")
    assert len(pages) == len(route) == 11
    for exhibit, (text, codes, size) in zip(route, pages):
        assert _same_size(size, A6_PT)
        assert codes == [f"{SITE_URL}exhibits/{exhibit.id}/"]
        flat = text.replace("\r\n", " ").replace("\n", " ")
        assert exhibit.guide in flat and exhibit.title.values["zh"] in flat.replace(" ", "")
        english = exhibit.title.values["en"].replace("😀 ", "")
        assert english.split()[0] in flat and english.split()[-1] in flat
        assert "扫码收听语音导览" in flat and "Scan for the audio guide" in flat
        assert "X县民族团结文化展厅" in flat


def test_a_hostile_title_prints_as_its_text(project, route):
    pages = _pages(project / "placards/exhibits-a6.pdf")
    text = next(text for text, codes, _ in pages if codes[0].endswith("/prologue/one-family/"))
    flat = re.sub(r"\s+", " ", text)
    assert "(\\) Tj ET <b>&amp;" in flat  # as written: no PDF operator, no HTML, no entity decoded
    assert "😀" not in flat  # not in the font: left out rather than printed as a box


def test_four_placards_per_a4_sheet_with_cut_marks_on_the_cut_lines(project, route):
    pages = _pages(project / "placards/exhibits-a4.pdf")
    assert len(pages) == 3  # 11 placards, four to a sheet
    assert all(_same_size(size, A4_PT) for _, _, size in pages)
    assert [len(codes) for _, codes, _ in pages] == [4, 4, 3]
    decoded = sorted(code for _, codes, _ in pages for code in codes)
    assert decoded == sorted(f"{SITE_URL}exhibits/{e.id}/" for e in route)
    image = pdfium.PdfDocument(str(project / "placards/exhibits-a4.pdf"))[0].render(scale=SCALE).to_pil().convert("L")
    px = lambda mm: round(mm / 25.4 * 72 * SCALE)  # noqa: E731
    dark = lambda x, y: min(image.getpixel((px(x) + dx, px(y) + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)) < 128  # noqa: E731
    for x, y in ((105, 5), (105, 292), (5, 148), (205, 148), (105, 148), (103, 148), (105, 146)):
        assert dark(x, y), (x, y)  # on the two cut lines: at the paper's edges and the centre cross
    for x, y in ((102, 5), (108, 5), (5, 145), (5, 151), (100, 148 + 6)):
        assert not dark(x, y), (x, y)  # beside them: the placards' blank margin


def test_zone_placards_name_the_zone_its_numbers_and_open_the_zone_page(project, route):
    pages = _pages(project / "placards/zones-a4.pdf")
    zones = ["prologue", "history", "customs", "achievements"]
    assert len(pages) == len(zones)
    for zone, (text, codes, size) in zip(zones, pages):
        assert _same_size(size, A4_PT)
        assert codes == [f"{SITE_URL}exhibits/{zone}/"]
        numbers = sorted(int(e.guide) for e in route if e.zone == zone)
        assert f"{numbers[0]}–{numbers[-1]}" in text
    assert "序厅" in pages[0][0] and "Prologue" in pages[0][0]
    assert "Traces of History" in pages[1][0]


def test_entrance_poster_leads_to_the_home_page_and_the_keypad(project):
    [(text, codes, size)] = _pages(project / "placards/entrance-poster-a4.pdf")
    assert _same_size(size, A4_PT)
    assert sorted(codes) == sorted([SITE_URL, f"{SITE_URL}visit/number/"])
    flat = re.sub(r"\s+", "", text)
    assert "扫码，或在展厅的触摸屏上输入展品编号" in flat and "展品编号见各展品说明牌" in flat
    assert "touch" in text and "placard" in text


def test_no_draft_and_no_staff_note_is_printed(project):
    for pdf in (project / "placards").glob("*.pdf"):
        for text, codes, _ in _pages(pdf):
            flat = re.sub(r"\s+", "", text)
            assert DRAFT_TITLE not in flat and NOTE_ZH not in flat and "待核实" not in flat
            assert NOTE_EN.replace(" ", "") not in flat and "Toverify" not in flat
            assert not any("old-well" in code for code in codes)


def test_the_cjk_font_is_embedded_and_subset_and_its_licence_recorded(project):
    for pdf in (project / "placards").glob("*.pdf"):
        data = pdf.read_bytes()
        assert re.search(rb"/FontFile[23]?\s", data), pdf.name
        assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+", data), pdf.name  # the subset tag
        assert b"SIL Open Font License" in data or b"Open Font License" in data
    readme = (project / "placards/README.txt").read_text(encoding="utf-8")
    assert "Noto Sans CJK SC" in readme and "SIL Open Font License, Version 1.1" in readme


def test_long_texts_are_cut_at_a_measured_width_with_an_ellipsis():
    from hall.outputs.placards.drawing import Canvas, new_document
    from hall.outputs.placards.fonts import find_font

    font = find_font()
    pdf = new_document(font, "t", "t", "t")
    pdf.add_page()
    canvas = Canvas(pdf, font, 0, 0, 105, 148)
    text = "古建筑清真寺始建于明洪武六年，" * 20
    lines = canvas.fit(text, 9, 80, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(pdf.get_string_width(line) <= 80 + pdf.get_string_width("，") for line in lines)
    english = canvas.fit("The historic mosque was founded in 1373, the sixth year of the Hongwu reign " * 5, 8, 60, 2)
    assert len(english) == 2 and english[-1].endswith("…") and pdf.get_string_width(english[-1]) <= 60
    assert canvas.fit("短标题", 16, 80, 2) == ["短标题"]


def test_first_sentence_of_a_summary():
    from hall.outputs.placards.texts import first_sentence

    assert first_sentence("始建于明代。后来重修。", "zh") == "始建于明代。"
    assert first_sentence("Built in 1373. Restored in 2019.", "en") == "Built in 1373."
    assert first_sentence("Built in the 14th c. by the community", "en") == "Built in the 14th c. by the community"
    assert first_sentence("无句号\t的\u3000简介", "zh") == "无句号 的 简介"


def _fresh(tmp_path: Path) -> Path:
    return copy_sample_hall(tmp_path / "hall")


def test_the_placeholder_address_is_refused_and_a_draft_is_marked_as_one(tmp_path):
    project = _fresh(tmp_path)
    refused = run_hall(project, "placards")
    assert refused.returncode == 1
    assert "site_url" in refused.stderr and "示例" in refused.stderr and "placeholder" in refused.stderr
    assert "--draft" in refused.stderr and "Traceback" not in refused.stderr
    assert not (project / "placards").exists()
    drafted = run_hall(project, "placards", "--draft", "--only", "exhibits", "--sheet", "a6")
    assert drafted.returncode == 0, drafted.stderr
    assert sorted(p.name for p in (project / "placards").iterdir()) == ["README.txt", "exhibits-a6.pdf"]
    for text, codes, _ in _pages(project / "placards/exhibits-a6.pdf"):
        assert "草稿" in text and "DRAFT" in text
        assert codes[0].startswith("https://hall.example.cn/exhibits/")


def test_content_errors_are_listed_and_nothing_is_printed(tmp_path):
    project = _fresh(tmp_path)
    _set_site_url(project, SITE_URL)
    _edit(project / "exhibits/history/ming-mosque/exhibit.yml", "date: 1373", "date: 1373年6月")
    result = run_hall(project, "placards")
    assert result.returncode == 1
    assert "exhibits/history/ming-mosque/exhibit.yml" in result.stderr
    assert "未生成说明牌" in result.stderr and "no placards were made" in result.stderr
    assert "Traceback" not in result.stderr and not (project / "placards").exists()


def test_a_missing_or_non_chinese_font_is_explained(tmp_path):
    project = _fresh(tmp_path)
    _set_site_url(project, SITE_URL)
    for font in ("C:/Windows/Fonts/nonexistent.ttc", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
        result = run_hall(project, "placards", "--font", font)
        assert result.returncode == 1, font
        assert "placard_font" in result.stderr and "fonts-noto-cjk" in result.stderr and font in result.stderr
        assert "Traceback" not in result.stderr
