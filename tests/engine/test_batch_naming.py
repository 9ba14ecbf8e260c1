"""File names from data are safe on any system, unique, and never lead outside their folder."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from docgen.engine.naming import (
    BYTE_LIMIT,
    FALLBACK,
    NAME_LIMIT,
    RESERVED,
    NamePattern,
    UniqueNames,
    check_name_pattern,
    path_inside,
    safe_stem,
)
from docgen.errors import InputError, OutputError, TemplateError

FORBIDDEN = set('<>:"/\\|?*')


def assert_safe(stem: str) -> None:
    assert stem
    assert not FORBIDDEN & set(stem)
    assert all(unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for char in stem)
    assert stem == stem.strip(" .")
    assert not stem.startswith("~$")
    assert stem.split(".")[0].rstrip(" ").upper() not in RESERVED
    assert len(stem) <= NAME_LIMIT
    assert len(stem.encode("utf-8")) <= BYTE_LIMIT
    assert unicodedata.normalize("NFC", stem) == stem


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=0, max_size=400))
def test_any_text_becomes_a_safe_name_inside_the_folder(tmp_path: Path, text: str) -> None:
    stem = safe_stem(text)
    assert_safe(stem)
    name = UniqueNames(".docx").claim(stem)
    path = path_inside(tmp_path, name)
    assert path.resolve().parent == tmp_path.resolve()
    numbered = f"{stem} (99999).docx"  # the longest a batch numbers a repeated name
    assert len(numbered.encode("utf-8")) <= 255
    path.write_bytes(b"x")  # the file system accepts it
    assert name in os.listdir(tmp_path)
    path.unlink()


@given(text=st.text(alphabet=st.sampled_from("./\\ .~$:-«»АаЁё\u0301\u200d\u202e\n"), max_size=60))
def test_names_made_of_dots_slashes_and_marks_stay_safe(text: str) -> None:
    assert_safe(safe_stem(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Договор СП-2026/014 МБОУ «СОШ № 5»", "Договор СП-2026-014 МБОУ «СОШ № 5»"),
        ('ООО "Ромашка"', "ООО «Ромашка»"),
        ("../../etc/passwd", "etc-passwd"),
        ("C:\\Windows\\system32", "C-Windows-system32"),
        (".bashrc", "bashrc"),
        ("  договор.  ", "договор"),
        ("con", "_con"),
        ("NUL.2026", "_NUL.2026"),
        ("COM1", "_COM1"),
        ("lpt9 ", "_lpt9"),
        ("CONSOLE", "CONSOLE"),
        ("~$договор", "договор"),
        ("стро\nка\tс\x00управляющими", "стро ка с управляющими"),
        ("невидимые\u200b\u202eсимволы", "невидимыесимволы"),
        ("", FALLBACK),
        ("///", FALLBACK),
        ("...", FALLBACK),
    ],
)
def test_examples_of_unsafe_names(text: str, expected: str) -> None:
    assert safe_stem(text) == expected


def test_a_long_name_is_cut_at_a_word_and_keeps_its_quotes_closed() -> None:
    text = (
        "Договор СП-2026/001 Муниципальное бюджетное общеобразовательное учреждение «Средняя "
        "общеобразовательная школа № 5 имени Героя Советского Союза Ивана Петровича Иванова»"
    )
    stem = safe_stem(text)
    assert len(stem) <= NAME_LIMIT
    assert stem.startswith("Договор СП-2026-001 Муниципальное бюджетное")
    assert stem.endswith("…»")
    assert stem.count("«") == stem.count("»")
    assert text.replace("/", "-").startswith(stem.removesuffix("…»"))
    assert stem.removesuffix("…»")[-1] != " "


def test_a_cut_respects_bytes_and_never_parts_a_letter_from_its_accent() -> None:
    assert len(safe_stem("😀" * 200).encode("utf-8")) <= BYTE_LIMIT
    assert safe_stem("и\u0306" * 150).startswith("йй")  # composed: «й» is one character
    marks = "q\u0323\u0301" * 100  # a letter with two accents: no precomposed form
    stem = safe_stem(marks)
    body = stem.removesuffix("…")
    assert len(body) % 3 == 0 and body == "q\u0323\u0301" * (len(body) // 3)


def test_repeated_names_are_numbered_ignoring_case() -> None:
    names = UniqueNames(".docx")
    claimed = [names.claim(stem) for stem in ("Договор", "договор", "Договор", "Договор (2)")]
    assert claimed == [
        "Договор.docx",
        "договор (2).docx",
        "Договор (3).docx",
        "Договор (2) (2).docx",
    ]


def test_a_path_inside_refuses_separators_parents_and_links(tmp_path: Path) -> None:
    outside = tmp_path / "outside.docx"
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "ссылка.docx").symlink_to(outside)
    for name in ("..", "../x.docx", "a/b.docx", "a\\b.docx", ""):
        with pytest.raises(OutputError):
            path_inside(folder, name)
    with pytest.raises(OutputError, match="символическая ссылка"):
        path_inside(folder, "ссылка.docx")
    assert path_inside(folder, "договор.docx") == folder / "договор.docx"


class Data(BaseModel):
    number: str
    partner: dict[str, str]


def test_a_pattern_names_every_unknown_path_before_any_row() -> None:
    check_name_pattern("{{ number }} {{ partner.short }} {{ row }}-{{ index }}", Data)
    with pytest.raises(TemplateError) as caught:
        check_name_pattern("{{ numbr }} {{ foo.bar }}", Data)
    message = str(caught.value)
    assert "«numbr»" in message and "может быть, «number»" in message and "«foo»" in message
    with pytest.raises(TemplateError, match="нет фильтра «fo»"):
        check_name_pattern("{{ number|fo }}", Data)
    with pytest.raises(TemplateError, match="шаблон имени файла"):
        check_name_pattern("{{ number", Data)


def test_a_pattern_renders_a_safe_name_and_explains_a_missing_value() -> None:
    pattern = NamePattern("{{ number }} {{ partner.name }} (строка {{ row }})")
    context = {"number": "СП/1", "partner": {"name": 'ООО "Ромашка"'}}
    assert pattern.render(context, row=5, index=1) == "СП-1 ООО «Ромашка» (строка 5)"
    with pytest.raises(InputError, match="нет значения «name»"):
        pattern.render({"number": "1", "partner": {}}, row=5, index=1)
    with pytest.raises(InputError, match="значение пустое"):
        pattern.render({"number": None, "partner": {"name": "x"}}, row=5, index=1)


@pytest.mark.parametrize(
    ("text", "document", "download", "export"),
    [
        (
            "Договор СП-2026/014",
            "Договор СП-2026-014",
            "Договор СП-2026-014",
            "Договор-СП-2026-014",
        ),
        ('ООО "Ромашка"', "ООО «Ромашка»", "ООО -Ромашка", "ООО-Ромашка"),
        ("a\tb\nc", "a b c", "a-b-c", "a-b-c"),
        ("con", "_con", "_con", "_con"),
        ("  СП 2026 / 001. ", "СП 2026 - 001", "СП 2026 - 001", "СП-2026-001"),
    ],
)
def test_the_three_file_name_uses_share_one_sanitiser(
    text: str, document: str, download: str, export: str
) -> None:
    from docgen.catalog import safe_file_name
    from docgen.register.transfer import _file_stem

    assert safe_stem(text) == document  # batch documents
    assert safe_file_name(text) == download  # built-in document names, service downloads
    assert safe_stem(text, 150, fallback=None, quotes=False, controls="-") == download
    assert _file_stem(text) == export  # register export: no spaces
    for stem in (document, download, export):
        assert_safe(stem)


def test_an_empty_name_falls_back_or_is_refused() -> None:
    from docgen.catalog import safe_file_name
    from docgen.register.transfer import _file_stem

    assert safe_stem(" / ") == FALLBACK
    assert _file_stem(" / ") == "договор"
    with pytest.raises(TemplateError, match="имя файла получилось пустым"):
        safe_file_name(" / ")


def test_a_long_download_name_is_cut_to_its_own_limit() -> None:
    from docgen.catalog import safe_file_name

    stem = safe_file_name("Отчёт " + "очень длинное название " * 20)
    assert NAME_LIMIT < len(stem) <= 150 and stem.endswith("…")
