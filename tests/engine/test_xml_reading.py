"""A template is read as Word reads it; its text outside tags comes out exactly as typed."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from docx import Document
from xml_docs import BODY_PART, docx, p, paragraphs, parsed_parts, read_members, t, write_members

from docgen.engine import compile_template
from docgen.engine.package import PackageLimits
from docgen.engine.package import read_members as engine_members
from docgen.engine.stateful import render_stateful
from docgen.errors import TemplateError

_DEL = '<w:del w:id="{id}" w:author="Автор"><w:r><w:delText>{text}</w:delText></w:r></w:del>'
_INS = '<w:ins w:id="{id}" w:author="Автор">{runs}</w:ins>'


def _render(template: bytes, context: dict[str, object]) -> bytes:
    output = compile_template(template, name="шаблон.docx").render(context)
    parsed_parts(output)
    return output


def _raw(xml_text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{xml_text}</w:t></w:r>'


def test_internal_entities_of_a_doctype_are_resolved() -> None:
    doctype = '<!DOCTYPE w:document [<!ENTITY co "ООО «Ромашка» &amp; сыновья">]>\n'
    template = docx(p(_raw("&co;: {{ who }}")), doctype=doctype)
    output = _render(template, {"who": "директор"})
    assert paragraphs(output) == ["ООО «Ромашка» & сыновья: директор"]
    assert b"DOCTYPE" not in read_members(output)[BODY_PART]


def test_entity_naming_an_outside_file_is_refused() -> None:
    doctype = '<!DOCTYPE w:document [<!ENTITY co SYSTEM "file:///etc/hostname">]>\n'
    with pytest.raises(TemplateError, match="DOCTYPE"):
        compile_template(docx(p(_raw("&co; {{ x }}")), doctype=doctype), name="шаблон.docx")


def test_entity_expansion_bomb_is_refused() -> None:
    levels = "".join(f'<!ENTITY e{k + 1} "{f"&e{k};" * 10}">' for k in range(9))  # 10⁹ copies of e0
    doctype = f'<!DOCTYPE w:document [<!ENTITY e0 "ха-ха">{levels}]>\n'
    with pytest.raises(TemplateError, match="разрастаются без меры"):
        compile_template(docx(p(_raw("&e9; {{ x }}")), doctype=doctype), name="шаблон.docx")


def test_tracked_changes_are_taken_as_word_shows_them() -> None:
    body = (
        p("{{ name }", _DEL.format(id=1, text="}"), _INS.format(id=2, runs=t("}")), " пишет")
        + p("видно", _DEL.format(id=3, text="{{ secret }}"), _INS.format(id=4, runs=t(" {{ x }}")))
        + p(t("склеено с "), props='<w:pPr><w:rPr><w:del w:id="5" w:author="А"/></w:rPr></w:pPr>')
        + p("следующим")
    )
    texts = paragraphs(_render(docx(body), {"name": "Анна", "x": "вставка"}))
    assert texts == ["Анна пишет", "видно вставка", "склеено с следующим"]


def test_a_deleted_closing_brace_is_not_live_text() -> None:
    body = p("{{ name }", _DEL.format(id=1, text="}"), " и всё")
    with pytest.raises(TemplateError, match="}}"):
        compile_template(docx(body), name="шаблон.docx")


def test_a_deleted_table_row_is_left_out() -> None:
    deleted = '<w:trPr><w:del w:id="9" w:author="А"/></w:trPr>'
    row = "<w:tr>{props}<w:tc>" + p("{text}") + "</w:tc></w:tr>"
    rows = row.format(props="", text="{{ a }}") + row.format(props=deleted, text="{{ gone }}")
    body = f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>{rows}</w:tbl>" + p()
    assert paragraphs(_render(docx(body), {"a": "A"}))[0] == "A"


def test_macro_package_is_written_as_a_plain_docx() -> None:
    members = read_members(docx(p("Привет, {{ name }}")))
    types = members["[Content_Types].xml"].decode()
    plain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    types = types.replace(plain, macro).replace(
        "<Default ",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
        1,
    )
    members["[Content_Types].xml"] = types.encode()
    rels = members["word/_rels/document.xml.rels"].decode()
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/></Relationships>',
    ).encode()
    members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macros"
    template = compile_template(write_members(members), name="макросы.docm")
    for output in (template.render({"name": "Мир"}), _with_link(template)):
        written = read_members(output)
        assert "word/vbaProject.bin" not in written
        assert macro not in written["[Content_Types].xml"].decode()
        assert b"vbaProject" not in written["word/_rels/document.xml.rels"]
        document = Document(io.BytesIO(output))  # python-docx refuses a macro content type
        assert document.paragraphs[0].text.startswith("Привет, ")


def _with_link(template: object) -> bytes:
    """Render the same package through docxtpl's path (what ``link()`` takes)."""
    return render_stateful(template, {"name": "Мир"}, None, None)  # type: ignore[arg-type]


def test_template_text_outside_tags_comes_out_byte_for_byte() -> None:
    typed = "раз\nдва\tтри  «&amp;» &lt;b&gt; {_{ буквально }_} {_% тоже %_}"
    template = docx(p(_raw(typed + " {{ v }}")))
    output = _render(template, {"v": "{_{ данные }_}"})
    assert paragraphs(output) == [
        "раз\nдва\tтри  «&» <b> {{ буквально }} {% тоже %} {_{ данные }_}"
    ]


def test_damaged_deflate_stream_is_a_template_error() -> None:
    data = bytearray(docx(p("{{ x }}")))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(BODY_PART)
    header = struct.unpack_from("<IHHHHHIIIHH", data, info.header_offset)
    start = info.header_offset + 30 + header[9] + header[10]
    data[start + 10 : start + 40] = b"\xff" * 30
    with pytest.raises(TemplateError, match="повреждён"):
        compile_template(bytes(data), name="шаблон.docx")


def _bomb(name: str, size: int) -> bytes:
    """Return a template with a member of ``size`` zero bytes, deflated (a zip bomb)."""
    members = read_members(docx(p("{{ x }}")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for member, content in members.items():
            if member != name:
                archive.writestr(member, content)
        with archive.open(name, "w", force_zip64=True) as stream:
            chunk = bytes(1 << 24)
            for _ in range(size // len(chunk)):
                stream.write(chunk)
    return buffer.getvalue()


def test_gigabyte_of_zeros_in_media_is_refused_without_inflating() -> None:
    bomb = _bomb("word/media/image1.png", 1 << 30)
    assert len(bomb) < 8 << 20
    with pytest.raises(TemplateError, match="в распакованном виде шаблон занимает 1025 МБ"):
        compile_template(bomb, name="шаблон.docx")


def test_300_megabyte_document_part_is_refused_by_default() -> None:
    with pytest.raises(TemplateError, match="можно не больше 200 МБ"):
        compile_template(_bomb(BODY_PART, 300 << 20), name="шаблон.docx")


def test_huge_document_part_is_refused() -> None:
    limits = PackageLimits(max_xml_bytes=16 << 20)
    with pytest.raises(TemplateError, match=r"часть word/big\.xml"):
        engine_members(_bomb("word/big.xml", 32 << 20), "шаблон.docx", limits)


def test_too_many_members_are_refused() -> None:
    members = read_members(docx(p("{{ x }}")))
    members.update({f"word/media/{n}.png": b"" for n in range(60)})
    with pytest.raises(TemplateError, match="частей"):
        engine_members(write_members(members), "шаблон.docx", PackageLimits(max_members=50))


def test_member_larger_than_declared_is_refused() -> None:
    data = bytearray(docx(p("{{ x }}")))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(BODY_PART)
    offset = data.rfind(b"PK\x01\x02", 0, len(data))
    while offset != -1:  # make the central directory claim a smaller size for the body
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_length] == BODY_PART.encode():
            struct.pack_into("<I", data, offset + 24, info.file_size // 2)
            break
        offset = data.rfind(b"PK\x01\x02", 0, offset)
    with pytest.raises(TemplateError, match="больше данных, чем заявлено"):
        compile_template(bytes(data), name="шаблон.docx")


def test_breaks_in_data_printed_by_a_tag_in_a_tracked_insertion() -> None:
    """An insertion is taken in, so its run is the paragraph's own and can split it."""
    body = p("До ", _INS.format(id=1, runs=t("[{{ v }}]")), " после")
    texts = paragraphs(_render(docx(body), {"v": "а\x07б\x0cв"}))
    assert texts == ["До [а", "б", "\f", "в] после"]
