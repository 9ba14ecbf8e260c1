"""Templates that insert pictures or links render through docxtpl, with the same text."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from docgen.engine import compile_template
from docgen.engine.stateful import render_stateful
from docgen.errors import InputError


def _png(path: Path) -> None:
    """Write a 2×2 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    pixels = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels))
    path.write_bytes(png + chunk(b"IEND", b""))


def test_plain_template_takes_the_fast_path(make_docx: Callable[..., bytes]) -> None:
    assert not compile_template(make_docx(body=["{{ x }}"])).stateful


def test_both_paths_give_the_same_text(
    make_docx: Callable[..., bytes], read_docx: Callable[[bytes], dict[str, list[str]]]
) -> None:
    template = compile_template(
        make_docx(
            body=[
                "{{ a }} & {{ b }}",
                [["{%tr for r in rows %}"], ["{{ r }}"], ["{%tr endfor %}"]],
            ],
            header="Шапка {{ a }}",
            footer="Подвал {{ b }}",
            footnotes=["Сноска {{ a }}"],
        )
    )
    context = {"a": "Центр <ЦВР>", "b": "строка\nвторая", "rows": ["один", "два"]}
    fast = template.render(context)
    full = render_stateful(template, context, None, None)
    assert read_docx(full) == read_docx(fast)
    assert render_stateful(template, context, None, None) == full  # deterministic too


def test_image_and_link(
    make_docx: Callable[..., bytes],
    read_docx: Callable[[bytes], dict[str, list[str]]],
    tmp_path: Path,
) -> None:
    _png(tmp_path / "logo.png")
    template = compile_template(
        make_docx(body=["Логотип: {{ image('logo.png', 20) }}", "Сайт: {{ link(url, 'сайт') }}"])
    )
    assert template.stateful
    data = template.render({"url": "https://cvr.example/?a=1&b=2"}, media_dir=tmp_path)
    document = Document(io.BytesIO(data))
    assert len(document.inline_shapes) == 1
    assert read_docx(data)["body"] == ["Логотип: ", "Сайт: сайт"]
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert targets == ["https://cvr.example/?a=1&b=2"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_image_outside_the_media_folder_is_refused(
    make_docx: Callable[..., bytes], tmp_path: Path
) -> None:
    template = compile_template(make_docx(body=["{{ image('../secret.png') }}"]))
    with pytest.raises(InputError, match="вне папки"):
        template.render({}, media_dir=tmp_path)
    with pytest.raises(InputError, match="папка с изображениями не задана"):
        template.render({})
