"""Every built-in document of the demo hyphenates and keeps short words with the next one."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from docgen.catalog import load_centre
from docgen.demo import LETTER_FOLDER, SAMPLE_CENTRE, render_demo

SHORT_WORD = re.compile(
    r"(?<![\w\-.])(?:в|с|о|к|у|и|а|на|по|от|до|за|из|об|не)(?P<space>[ \u00a0])", re.IGNORECASE
)
"""A one- or two-letter Russian word and the space after it (issue 11: «done when»)."""


@pytest.fixture(scope="module")
def demo_documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Render the whole demo once; return the .docx files made by built-in templates.

    The letters of thanks come from a user's own template, which opts in to hyphenation.
    """
    folder = tmp_path_factory.mktemp("demo")
    paths = render_demo(folder, load_centre(SAMPLE_CENTRE))
    return [path for path in paths if path.suffix == ".docx" and path.parent.name != LETTER_FOLDER]


def body_texts(document: DocumentObject) -> Iterator[str]:
    """Yield the text of every body paragraph, in and outside tables."""
    yield from (paragraph.text for paragraph in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from (paragraph.text for paragraph in cell.paragraphs)


def test_demo_has_every_kind_of_document(demo_documents: list[Path]) -> None:
    names = " ".join(path.name for path in demo_documents)
    for kind in ("Договор", "Соглашение", "Положение", "План", "Анализ", "Отчёт", "Мероприятия"):
        assert kind in names


def test_every_demo_document_hyphenates_automatically(demo_documents: list[Path]) -> None:
    for path in demo_documents:
        with zipfile.ZipFile(path) as archive:
            settings = archive.read("word/settings.xml").decode()
            styles = archive.read("word/styles.xml").decode()
        assert "<w:autoHyphenation/>" in settings, path.name
        assert '<w:lang w:val="ru-RU"' in styles, path.name


def test_headings_and_signatures_are_never_hyphenated(demo_documents: list[Path]) -> None:
    for path in demo_documents:
        styles = Document(str(path)).styles
        for name in (
            "Heading 1",
            "Название документа",
            "Гриф",
            "Бланк",
            "Без отступа",
            "Заголовок таблицы",
        ):
            ppr = styles[name].element.pPr
            assert ppr is not None and ppr.find(qn("w:suppressAutoHyphens")) is not None, name
        for name in ("Normal", "Текст таблицы"):
            ppr = styles[name].element.pPr
            assert ppr is None or ppr.find(qn("w:suppressAutoHyphens")) is None, name


def test_short_words_keep_with_the_next_word(demo_documents: list[Path]) -> None:
    for path in demo_documents:
        found = [
            match for text in body_texts(Document(str(path))) for match in SHORT_WORD.finditer(text)
        ]
        tied = [match for match in found if match["space"] == "\u00a0"]
        assert len(found) >= 10, path.name  # enough running text to judge
        loose = [m.string[m.start() - 20 : m.end() + 20] for m in found if m not in tied]
        assert len(tied) >= 0.95 * len(found), (path.name, loose[:5])


def test_numbers_are_grouped_the_same_in_text_and_tables(demo_documents: list[Path]) -> None:
    section = next(path for path in demo_documents if path.name.startswith("Мероприятия"))
    texts = list(body_texts(Document(str(section))))
    assert not [text for text in texts if re.search(r"(?<![\d.,/\-])\d{5,}(?![\d.,/])", text)]
    assert any(re.search(r"\d\u00a0\d{3}", text) for text in texts)
