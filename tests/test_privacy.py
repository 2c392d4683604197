"""Privacy before publishing: ID numbers (checksum validated), mobile numbers, photo GPS."""

from __future__ import annotations

import pytest

from hall.content import load_hall
from hall.media import photo_has_gps
from hall.content.privacy import check_privacy, find_personal_data, id_checksum_ok, is_id_number, mask
from tests.conftest import copy_sample_hall, run_hall
from tests.test_content import EXHIBIT, make_hall

# A made-up number with a valid GB 11643 check character (11010519491231002X is the
# standard's own worked example).
VALID_ID = "11010519491231002X"


def test_checksum_and_birth_date():
    assert id_checksum_ok(VALID_ID) and is_id_number(VALID_ID)
    assert is_id_number(VALID_ID.lower())
    assert not is_id_number("110105194912310021")  # wrong check character
    assert not is_id_number("123456789012345678")  # a random 18-digit number
    assert not is_id_number("110105194913310025")  # month 13
    assert is_id_number("110105491231002")  # old 15-digit form, born 1949-12-31
    assert not is_id_number("110105491331002")  # 15 digits, no such date


def test_finds_numbers_but_not_years_amounts_or_longer_runs():
    text = (f"身份证 {VALID_ID}，电话 13812345678。\n"
            "始建于1373年，救助120000元，编号 123456789012345678，流水 2138123456789，"
            "订单 13812345678901。\n"
            "服务热线 +86 139-1234-5678")
    found = find_personal_data(text)
    assert [(f.kind, f.value, f.line) for f in found] == [
        ("id_number", VALID_ID, 1), ("phone", "13812345678", 1), ("phone", "13912345678", 3)]
    assert found[0].column == 5
    assert mask("13812345678") == "138****5678"


def test_a_phone_in_a_body_stops_publishing_with_file_and_line(tmp_path):
    root = make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": "正文。\n联系人电话：13812345678\n"})
    hall, log = load_hall(root)
    check_privacy(hall, log, publishing=True)
    [problem] = log.errors
    assert problem.code == "privacy.phone"
    assert problem.file == "exhibits/history/mosque/zh.md" and problem.line == 2 and problem.column == 7
    assert "手机号码（138****5678）" in problem.zh and "mobile phone number (138****5678)" in problem.en
    assert "13812345678" not in problem.format()  # the report never repeats the whole number
    assert "content/privacy_allow.yml" in problem.hint_zh and "content/privacy_allow.yml" in problem.hint_en


def test_an_id_number_in_a_yaml_field_but_not_in_a_comment(tmp_path):
    yml = EXHIBIT.replace("summary: {zh: 始建于明洪武六年。", f"# {VALID_ID}\nsummary: {{zh: 始建于明洪武六年。{VALID_ID}")
    hall, log = load_hall(make_hall(tmp_path, yml))
    check_privacy(hall, log)
    [problem] = log.errors
    assert problem.code == "privacy.id_number" and problem.line == 3
    assert "身份证号码" in problem.zh and "resident ID number" in problem.en


def test_previews_and_drafts_only_warn(tmp_path):
    root = make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": "电话 13812345678\n"})
    hall, log = load_hall(root)
    check_privacy(hall, log, publishing=False)
    assert not log.errors and [p.code for p in log.warnings] == ["privacy.phone"]
    assert "发布时会阻止构建" in log.warnings[0].zh
    root2 = make_hall(tmp_path / "d", EXHIBIT + "status: draft\n", files={"exhibits/history/mosque/zh.md": "电话 13812345678\n"})
    hall, log = load_hall(root2)
    check_privacy(hall, log, publishing=True)
    assert not log.errors and [p.code for p in log.warnings if p.code.startswith("privacy.")] == ["privacy.phone"]


def test_allowed_numbers_and_stale_allowances(tmp_path):
    allow = (
        "- file: exhibits/history/mosque/zh.md\n  kind: phone\n  value: \"138-1234-5678\"\n"
        "  reason: 展厅公开的咨询电话 / the hall's public enquiry line\n"
        "- file: exhibits/history/mosque/zh.md\n  kind: id_number\n  reason: 旧条目 / old\n"
    )
    root = make_hall(tmp_path, files={"exhibits/history/mosque/zh.md": "咨询电话 13812345678，另 13912345678\n",
                                      "content/privacy_allow.yml": allow})
    hall, log = load_hall(root)
    check_privacy(hall, log)
    assert [(p.code, p.column) for p in log.errors] == [("privacy.phone", 20)]  # only the other number
    assert [p.code for p in log.warnings] == ["privacy.allow_unused"]


def test_allowance_needs_a_reason(tmp_path):
    root = make_hall(tmp_path, files={"content/privacy_allow.yml": "- file: x.md\n  kind: phone\n"})
    hall, log = load_hall(root)
    check_privacy(hall, log)
    [problem] = log.errors
    assert problem.code == "field.missing" and "“reason”" in problem.zh


def test_gps_in_a_photo_is_a_warning(tmp_path):
    from PIL import Image

    root = make_hall(tmp_path)
    image = Image.new("RGB", (40, 30), "white")
    exif = image.getexif()
    exif[0x8825] = {1: "N", 2: (35.0, 40.0, 0.0), 3: "E", 4: (106.0, 0.0, 0.0)}
    image.save(root / "exhibits/history/mosque/a.jpg", exif=exif)
    hall, log = load_hall(root)
    check_privacy(hall, log, has_gps=photo_has_gps)
    assert not log.errors
    [problem] = log.warnings
    assert problem.code == "privacy.gps" and problem.file == "exhibits/history/mosque/a.jpg"
    assert "GPS" in problem.zh and "GPS" in problem.en


def test_the_sample_hall_is_clean():
    from tests.conftest import REPO

    hall, log = load_hall(REPO)
    check_privacy(hall, log)
    assert not [p for p in log.problems if p.code.startswith("privacy.")], log.format()


@pytest.mark.slow
def test_hall_check_and_build_stop_on_a_phone_number(tmp_path):
    project = copy_sample_hall(tmp_path / "hall")
    body = project / "exhibits/history/ming-mosque/zh.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n联系电话 13812345678\n", encoding="utf-8")
    for command in ("check", "build"):
        result = run_hall(project, command)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        assert "exhibits/history/ming-mosque/zh.md:" in result.stderr and "138****5678" in result.stderr
    assert not (project / "site").exists()
