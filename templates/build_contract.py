"""Build the template «contract»: договор or соглашение о сотрудничестве with a partner.

Context: ``centre`` (Centre), ``agreement`` (Agreement), ``partner`` (= agreement.partner).
The words «Договор»/«Соглашение» come from ``agreement.kind`` in the needed case, so one
template makes both; sentences avoid the few forms where the two genders differ.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Pt
from layout import CENTER, NBSP, Writer, cell_lines, keep_rows

COPIES = ", ".join(
    f'"{words}"'
    for words in (
        "одном экземпляре",
        "двух экземплярах",
        "трёх экземплярах",
        "четырёх экземплярах",
        "пяти экземплярах",
        "шести экземплярах",
        "семи экземплярах",
        "восьми экземплярах",
        "девяти экземплярах",
        "десяти экземплярах",
    )
)

SETS = (
    "{%p set Kind = agreement.kind|capitalize %}",
    "{%p set of_kind = agreement.kind|genitive|capitalize %}",
    "{%p set to_kind = agreement.kind|dative|capitalize %}",
    "{%p set by_kind = agreement.kind|instrumental|capitalize %}",
    '{%p set this = "Настоящий" if agreement.kind == "договор" else "Настоящее" %}',
    f"{{%p set copies = [{COPIES}][agreement.copies - 1] %}}",
    "{%p set last = 10 if agreement.personal_data else 9 %}",
)


def build(path: Path) -> None:
    """Write the contract template to ``path``."""
    w = Writer("Договор (соглашение) о сотрудничестве")
    for line in SETS:
        w.tag(line)
    w.title(
        f"{{{{ agreement.kind|upper }}}} №{NBSP}{{{{ agreement.number }}}}",
        "{{ agreement.topic }}",
        [
            ("между {{ centre.organisation|instrumental }} и ", "n"),
            ("{{ partner.organisation|instrumental }}", "n"),
        ],
    )
    w.line_with_right(
        ["{{ agreement.city or centre.city }}"], ["{{ agreement.date|date_long }}"]
    ).paragraph_format.space_after = Pt(12)
    _preamble(w)
    _subject(w)
    _duties(w)
    _interaction(w)
    _money_and_liability(w)
    _term(w)
    _disputes_and_data(w)
    _other(w)
    _requisites(w)
    _appendix(w)
    w.save(path)


def _preamble(w: Writer) -> None:
    w.p(
        "{{ centre.organisation.full_name }} ({{ centre.organisation.short_name }}), "
        "{{ centre.organisation|named }} в дальнейшем «{{ centre.label }}», в лице "
        "{{ centre.director|genitive }}, {{ centre.director|acting }} на основании "
        "{{ centre.director.authority_genitive }}, с одной стороны, и "
        "{{ partner.organisation.full_name }} ({{ partner.organisation.short_name }}), "
        "{{ partner.organisation|named }} в дальнейшем «{{ partner.label }}», в лице "
        "{{ partner.signer|genitive }}, {{ partner.signer|acting }} на основании "
        "{{ partner.signer.authority_genitive }}, с другой стороны, совместно именуемые "
        "«Стороны», заключили {{ this|lower }} {{ Kind }} о нижеследующем:"
    )


def _subject(w: Writer) -> None:
    w.heading("1. Предмет {{ of_kind }}")
    w.p("1.1. Предметом настоящего {{ of_kind }} является {{ agreement.subject }}.")
    w.p("1.2. Направления взаимодействия Сторон:", keep=True)
    w.items("for item in clauses.directions", "{{ item[:1]|lower }}{{ item[1:] }}")
    w.tag("{%p if clauses.forms %}")
    w.p("1.3. Сотрудничество осуществляется в следующих формах:", keep=True)
    w.items("for item in clauses.forms", "{{ item }}")
    w.tag("{%p endif %}")


def _duties(w: Writer) -> None:
    w.heading("2. Права и обязанности Сторон")
    for number, who, items in (
        ("2.1", "«{{ centre.label }}» обязуется", "clauses.centre"),
        ("2.2", "«{{ partner.label }}» обязуется", "clauses.partner"),
        ("2.3", "Стороны обязуются совместно", "clauses.joint"),
    ):
        w.p(f"{number}. {who}:", keep=True)
        w.tag(f"{{%p for item in {items} %}}")
        w.p(
            f"{number}.{{{{ loop.index }}}}. {{{{ item[:1]|upper }}}}{{{{ item[1:] }}}}"
            "{{ ';' if not loop.last else '.' }}"
        )
        w.tag("{%p endfor %}")
    w.p("2.4. Стороны имеют право:", keep=True)
    for number, text, end in (
        (
            1,
            "запрашивать друг у друга информацию, необходимую для исполнения настоящего "
            "{{ of_kind }}",
            ";",
        ),
        (2, "вносить предложения по совершенствованию совместной деятельности", ";"),
        (
            3,
            "размещать сведения о совместной деятельности на своих официальных сайтах и в "
            "средствах массовой информации с соблюдением законодательства Российской "
            "Федерации о персональных данных",
            ".",
        ),
    ):
        w.p(f"2.4.{number}. {text}{end}")


def _interaction(w: Writer) -> None:
    w.heading("3. Порядок взаимодействия Сторон")
    w.p(
        "3.1. Совместная деятельность Сторон осуществляется в соответствии с планом "
        "совместных мероприятий{% if agreement.activities %} (Приложение №" + NBSP + "1 к "
        "настоящему {{ to_kind }}){% endif %}, согласуемым Сторонами на каждый учебный год."
    )
    w.p(
        "3.2. Стороны информируют друг друга о планируемых совместных мероприятиях не позднее "
        "чем за 10 календарных дней до их проведения."
    )
    w.p(
        "3.3. Ответственность за жизнь и здоровье обучающихся во время совместных мероприятий "
        "несёт Сторона, проводящая мероприятие, а во время следования к месту проведения "
        "мероприятия и обратно — педагог, сопровождающий обучающихся."
    )
    w.tag("{%p if partner.contact %}")
    w.p(
        "3.4. Контактное лицо от «{{ partner.label|genitive }}» — "
        "{{ partner.contact.person }}{% if partner.contact.position %}, "
        "{{ partner.contact.position }}{% endif %}{% if partner.contact.phone %}, тел. "
        "{{ partner.contact.phone }}{% endif %}{% if partner.contact.email %}, e-mail: "
        "{{ partner.contact.email }}{% endif %}. Контактное лицо от «{{ centre.label|genitive }}» "
        "назначается приказом руководителя и сообщается другой Стороне в письменной форме."
    )
    w.tag("{%p else %}")
    w.p(
        "3.4. Контактные лица Сторон назначаются их руководителями и сообщаются другой "
        "Стороне в письменной форме."
    )
    w.tag("{%p endif %}")


def _money_and_liability(w: Writer) -> None:
    w.heading("4. Финансовые условия")
    w.tag("{%p if agreement.financial.paid %}")
    w.p("4.1. Цена настоящего {{ of_kind }} составляет {{ agreement.financial.amount|sum_words }}.")
    w.p("4.2. Порядок и сроки оплаты определяются дополнительным соглашением Сторон.")
    w.tag("{%p else %}")
    w.p(
        "4.1. {{ this }} {{ Kind }} не предусматривает финансовых обязательств Сторон. "
        "Сотрудничество осуществляется на безвозмездной основе."
    )
    w.p(
        "4.2. Расходы, связанные с исполнением своих обязательств по настоящему {{ to_kind }}, "
        "каждая Сторона несёт самостоятельно."
    )
    w.tag("{%p endif %}")
    w.heading("5. Ответственность Сторон")
    w.p(
        "5.1. За неисполнение или ненадлежащее исполнение обязательств по настоящему "
        "{{ to_kind }} Стороны несут ответственность в соответствии с законодательством "
        "Российской Федерации."
    )
    w.p(
        "5.2. Стороны освобождаются от ответственности за неисполнение обязательств, если оно "
        "вызвано обстоятельствами непреодолимой силы."
    )


def _term(w: Writer) -> None:
    w.heading("6. Срок действия {{ of_kind }}")
    w.p(
        "6.1. {{ this }} {{ Kind }} вступает в силу {% if agreement.term.start %}с "
        "{{ agreement.term.start|date_text }}{% else %}с момента его подписания Сторонами"
        "{% endif %} и действует {% if agreement.term.end %}по "
        "{{ agreement.term.end|date_text }} включительно{% else %}бессрочно{% endif %}."
    )
    w.tag("{%p if agreement.term.auto_prolongation %}")
    w.p(
        "6.2. Если ни одна из Сторон не позднее чем за "
        "{{ agreement.term.notice_days|with_noun('день') }} до окончания срока действия "
        "настоящего {{ of_kind }} не заявит в письменной форме о его прекращении, {{ Kind }} "
        "считается продлённым на тот же срок на тех же условиях."
    )
    w.tag("{%p endif %}")
    w.heading("7. Порядок изменения и прекращения {{ of_kind }}")
    w.p(
        "7.1. Изменения и дополнения к настоящему {{ to_kind }} оформляются в письменной форме "
        "дополнительными соглашениями, которые подписываются обеими Сторонами и являются "
        "неотъемлемой частью настоящего {{ of_kind }}."
    )
    w.p(
        "7.2. Действие настоящего {{ of_kind }} может быть прекращено по соглашению Сторон, а "
        "также по инициативе любой из Сторон с письменным уведомлением другой Стороны не "
        "позднее чем за {{ agreement.term.notice_days|with_noun('день') }} до предполагаемой "
        "даты прекращения."
    )


def _disputes_and_data(w: Writer) -> None:
    w.heading("8. Порядок разрешения споров")
    w.p(
        "8.1. Споры и разногласия, возникающие при исполнении настоящего {{ of_kind }}, "
        "разрешаются Сторонами путём переговоров."
    )
    w.p(
        "8.2. При недостижении согласия споры разрешаются в порядке, установленном "
        "законодательством Российской Федерации."
    )
    w.tag("{%p if agreement.personal_data %}")
    w.heading("9. Персональные данные")
    w.p(
        "9.1. Стороны обеспечивают конфиденциальность и безопасность персональных данных "
        "обучающихся, их родителей (законных представителей) и работников Сторон, ставших им "
        "известными при исполнении настоящего {{ of_kind }}, в соответствии с Федеральным "
        "законом от 27.07.2006 №" + NBSP + "152-ФЗ «О персональных данных»."
    )
    w.p(
        "9.2. Персональные данные передаются между Сторонами только с согласия субъектов "
        "персональных данных (их законных представителей) и в объёме, необходимом для "
        "исполнения настоящего {{ of_kind }}."
    )
    w.p(
        "9.3. Фото- и видеоматериалы с участием обучающихся, их имена и творческие работы "
        "публикуются только при наличии отдельного согласия на обработку персональных данных, "
        "разрешённых для распространения (ст." + NBSP + "10.1 Федерального закона "
        "№" + NBSP + "152-ФЗ)."
    )
    w.tag("{%p endif %}")


def _other(w: Writer) -> None:
    w.heading("{{ last }}. Прочие условия")
    w.p(
        "{{ last }}.1. {{ this }} {{ Kind }} подписывается в {{ copies }}"
        "{% if agreement.copies > 1 %}, имеющих одинаковую юридическую силу{% endif %}"
        "{% if agreement.copies == 2 %}, по одному для каждой из Сторон{% endif %}."
    )
    w.p(
        "{{ last }}.2. Во всём, что не предусмотрено настоящим {{ by_kind }}, Стороны "
        "руководствуются законодательством Российской Федерации."
    )
    w.tag("{%p if agreement.activities %}")
    w.p(
        "{{ last }}.3. Приложение №" + NBSP + "1 «План совместных мероприятий» является "
        "неотъемлемой частью настоящего {{ of_kind }}."
    )
    w.tag("{%p endif %}")


def requisites_lines(org: str) -> list[str | list[tuple[str, str]]]:
    """Return the lines of one party's requisites; ``org`` is the path to its organisation."""
    r = f"{org}.requisites"
    return [
        [(f"{{{{ {org}.short_name }}}}", "b")],
        f"Юридический адрес: {{{{ {r}.legal_address }}}}",
        *_optional(f"{r}.postal_address", f"Почтовый адрес: {{{{ {r}.postal_address }}}}"),
        f"ИНН {{{{ {r}.inn }}}}{{% if {r}.kpp %}} / КПП {{{{ {r}.kpp }}}}{{% endif %}}",
        f"ОГРН{{% if {r}.ogrn|length == 15 %}}ИП{{% endif %}} {{{{ {r}.ogrn }}}}",
        *_optional(
            f"{r}.okpo or {r}.oktmo",
            f"{{% if {r}.okpo %}}ОКПО {{{{ {r}.okpo }}}}{{% endif %}}"
            f"{{% if {r}.okpo and {r}.oktmo %}}, {{% endif %}}"
            f"{{% if {r}.oktmo %}}ОКТМО {{{{ {r}.oktmo }}}}{{% endif %}}",
        ),
        f"{{%p if {r}.bank %}}",
        *_bank_lines(f"{r}.bank"),
        "{%p endif %}",
        *_optional(f"{r}.phone", f"Тел.: {{{{ {r}.phone }}}}"),
        *_optional(f"{r}.email", f"E-mail: {{{{ {r}.email }}}}"),
        *_optional(f"{r}.website", f"Сайт: {{{{ {r}.website }}}}"),
    ]


def _optional(condition: str, line: str) -> list[str]:
    """Return a line wrapped in ``{%p if condition %}`` … ``{%p endif %}``."""
    return [f"{{%p if {condition} %}}", line, "{%p endif %}"]


def _bank_lines(b: str) -> list[str]:
    """Return the bank lines: treasury account and ЕКС for a municipal institution."""
    return [
        *_optional(f"{b}.recipient", f"Получатель: {{{{ {b}.recipient }}}}"),
        *_optional(f"{b}.personal_account", f"Лицевой счёт {{{{ {b}.personal_account }}}}"),
        f"Банк: {{{{ {b}.bank_name }}}}",
        f"БИК {{{{ {b}.bik }}}}",
        f"{{{{ 'Казначейский счёт' if {b}.account[:2] == '03' else 'Р/с' }}}} "
        f"{{{{ {b}.account }}}}",
        *_optional(
            f"{b}.correspondent_account",
            f"{{{{ 'ЕКС' if {b}.correspondent_account[:5] == '40102' else 'К/с' }}}} "
            f"{{{{ {b}.correspondent_account }}}}",
        ),
    ]


def signature_lines(signer: str) -> list[str]:
    """Return the signature block of a signer: position, line with initials, М.П."""
    return [
        f"{{{{ {signer}.position[:1]|upper }}}}{{{{ {signer}.position[1:] }}}}",
        "",
        f"_______________ /{{{{ {signer}|initials }}}}/",
        "М.П.",
    ]


def _requisites(w: Writer) -> None:
    w.heading("{{ last + 1 }}. Адреса, реквизиты и подписи Сторон")
    half = w.width / 2
    table = w.table([half, half], rows=3, grid=False)
    for cell, label in zip(table.rows[0].cells, ("centre", "partner"), strict=True):
        cell_lines(cell, [[(f"«{{{{ {label}.label }}}}»", "b")]], "Текст таблицы")
        cell.paragraphs[0].paragraph_format.alignment = CENTER
        cell.paragraphs[0].paragraph_format.space_after = Pt(6)
    left, right = table.rows[1].cells
    cell_lines(left, requisites_lines("centre.organisation"), "Текст таблицы")
    cell_lines(right, requisites_lines("partner.organisation"), "Текст таблицы")
    left, right = table.rows[2].cells
    cell_lines(left, ["", *signature_lines("centre.director")], "Текст таблицы")
    cell_lines(right, ["", *signature_lines("partner.signer")], "Текст таблицы")
    keep_rows(table, together=True)


APPENDIX_WIDTHS = (10, 40, 28, 25, 27, 35)
"""Columns of the plan of activities in mm (165 in all), measured in Times 12 pt with Word's
cell margins: «Сроки» holds a date «28.12.2026» (22.9 mm) and a range broken after its
dash, «Место проведения» its header words («проведения» bold, 26.1), «Ответственный» its
header (34.2), «Форма» «выставка», «экскурсия»; longer words hyphenate (the templates
hyphenate)."""


def _appendix(w: Writer) -> None:
    w.tag("{%p if agreement.activities %}")
    w.p(f"Приложение №{NBSP}1", style="Отметка о приложении", new_page=True)
    w.p(
        f"к {{{{ agreement.kind|dative }}}} №{NBSP}{{{{ agreement.number }}}}",
        style="Отметка о приложении",
    )
    w.p("от {{ agreement.date|date_short }}", style="Отметка о приложении", after=12)
    w.title("План совместных мероприятий", "на {{ agreement.plan_start|academic_year }}")
    table = w.table(
        APPENDIX_WIDTHS,
        header=["№\nп/п", "Мероприятие", "Форма", "Сроки", "Место проведения", "Ответственный"],
    )
    w.tag_row(table, "{%tr for item in agreement.activities %}")
    w.row(
        table,
        "{{ loop.index }}",
        "{{ item.title }}",
        "{{ item.form or '—' }}",
        "{{ item.dates }}",
        "{{ item.place or '—' }}",
        "{{ item.responsible or '—' }}",
    )
    w.tag_row(table, "{%tr endfor %}")
    w.p("", style="Без отступа", keep=True)
    half = w.width / 2
    signatures = w.table([half, half], rows=1, grid=False)
    keep_rows(signatures)
    left, right = signatures.rows[0].cells
    cell_lines(
        left,
        [[("«{{ centre.label }}»", "b")], *signature_lines("centre.director")],
        "Текст таблицы",
    )
    cell_lines(
        right,
        [[("«{{ partner.label }}»", "b")], *signature_lines("partner.signer")],
        "Текст таблицы",
    )
    w.tag("{%p endif %}")
