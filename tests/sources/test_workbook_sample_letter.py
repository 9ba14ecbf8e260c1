"""The sample user template (a letter of thanks) renders letters a secretary would send."""

from __future__ import annotations

from pathlib import Path

import docx

from docgen.catalog import load_centre
from docgen.demo import LETTER_TEMPLATE, LETTER_WORKBOOK, SAMPLE_CENTRE, render_letters
from docgen.engine.batch import BatchOutput, prepare_batch, run_batch, user_spec


def _text(path: Path) -> str:
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)
    return text.replace("\u00a0", " ")  # no-break spaces are typography's, not the names'


def test_the_sample_letters_decline_the_names_typed_as_text(tmp_path: Path) -> None:
    letters, _ = render_letters(tmp_path, load_centre(SAMPLE_CENTRE))
    texts = {path.stem: _text(path) for path in letters}
    assert sorted(texts) == [
        "Благодарственное письмо Иванов Пётр Сергеевич",
        "Благодарственное письмо Кузнецова Елена Викторовна",
        "Благодарственное письмо Петрова Мария Сергеевна",
    ]
    first = texts["Благодарственное письмо Петрова Мария Сергеевна"]
    assert "Учителю литературы Муниципального бюджетного общеобразовательного учреждения" in first
    assert "Петровой Марии Сергеевне" in first
    assert "Уважаемая Мария Сергеевна!" in first
    assert "за подготовку 3 участников городского конкурса чтецов «Живое слово»" in first
    assert "(20 ноября 2026 г.)." in first
    assert "Лебедева Дарья, 8 «В» класс, — диплом участника." in first
    second = texts["Благодарственное письмо Иванов Пётр Сергеевич"]  # typed «ИВАНОВ  Пётр»
    assert "Иванову Петру Сергеевичу" in second and "Уважаемый Пётр Сергеевич!" in second
    assert "Педагогу дополнительного образования" in second
    assert "за подготовку 1 участника" in second
    for text in texts.values():
        assert "Директор МБУ ДО «ЦВР»\tИ.В. Соколова" in text
        assert "{{" not in text and "None" not in text and "+7 913" not in text


def test_the_sample_workbook_notes_the_unused_phone_column(tmp_path: Path) -> None:
    spec = user_spec(LETTER_TEMPLATE, centre=load_centre(SAMPLE_CENTRE))
    result = run_batch(prepare_batch(spec, LETTER_WORKBOOK), BatchOutput(tmp_path), jobs=1)
    assert not result.failed and len(result.documents) == 3
    messages = [notice.describe() for notice in result.notices]
    assert (
        "лист «Данные», строка 2, столбец I «Телефон»: столбец не используется шаблоном — в "
        "документы не попадает" in messages
    )
    assert any("«ИВАНОВ  Пётр Сергеевич» → «Иванов Пётр Сергеевич»" in m for m in messages)
