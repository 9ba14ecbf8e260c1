"""Build the template «regulation»: положение о проведении конкурса, фестиваля, акции….

Context: ``centre`` (Centre), ``event`` (EventRegulation). Sections 1–13 after part A.2 of
the reference, then the appendices each on a new page: the application form, the parent's
consent to processing (ст. 9 152-ФЗ) and the separate consent to dissemination (ст. 10.1).
Sentences never make a verb agree with the event noun, so «соревнования» read as well as
«конкурс».
"""

from __future__ import annotations

from pathlib import Path

from blocks import appendix_mark, blank, signature_line, stamps
from layout import NBSP, Writer

LAW = "Федерального закона от 27.07.2006 №" + NBSP + "152-ФЗ «О персональных данных»"
FULL_NAME = "{{ event.kind_phrase|genitive }} «{{ event.name }}»"
OF_REGULATION = ("к Положению о проведении", FULL_NAME)
SETS = (
    "{%p set K = event.kind|capitalize %}",
    "{%p set K_gen = event.kind|genitive|capitalize %}",
    "{%p set K_prep = event.kind|prepositional|capitalize %}",
    "{%p set ap = event.appendices %}",
    "{%p set n_consent = 2 if ap.application_form else 1 %}",
    "{%p set n_spread = n_consent + (1 if ap.consent_processing else 0) %}",
)


def build(path: Path) -> None:
    """Write the regulation template to ``path``."""
    w = Writer("Положение о проведении мероприятия")
    for line in SETS:
        w.tag(line)
    stamps(w, "event")
    w.title(
        "ПОЛОЖЕНИЕ",
        "о проведении " + FULL_NAME + "{% if event.dedication %}, "
        "{{ event.kind|dedicated }} {{ event.dedication }}{% endif %}",
    )
    _general(w)
    _goals_and_committee(w)
    _participants(w)
    _procedure(w)
    _conditions(w)
    _nominations(w)
    _criteria_and_jury(w)
    _results(w)
    _application_form(w)
    _consent_processing(w)
    _consent_dissemination(w)
    w.save(path)


def _general(w: Writer) -> None:
    w.heading("1. Общие положения")
    w.p(
        "1.1. Настоящее Положение определяет цели, задачи, порядок организации и проведения "
        + FULL_NAME
        + " (далее — {{ K }}), условия участия, порядок подведения итогов и награждения."
    )
    w.p(
        "1.2. Организатор {{ K_gen }} — {{ centre.organisation.full_name }} "
        "({{ centre.organisation.short_name }}){% if event.partners %} при поддержке "
        "{{ event.partners|join(', ') }}{% endif %}."
    )
    w.p(
        "1.3. Проведение {{ K_gen }} предусмотрено планом работы "
        "{{ centre.organisation.short_name }} на {{ event.academic_year|academic_year }}."
    )
    w.p(
        "1.4. Информация о {{ K_prep }} размещается {{ event.published_at or "
        "'на официальном сайте ' ~ centre.organisation.short_name }}."
    )
    w.tag("{%p if event.content_rating %}")
    w.p(
        "1.5. Возрастная маркировка информационной продукции {{ K_gen }} — "
        "{{ event.content_rating }} (Федеральный закон от 29.12.2010 №" + NBSP + "436-ФЗ "
        "«О защите детей от информации, причиняющей вред их здоровью и развитию»)."
    )
    w.tag("{%p endif %}")


def _goals_and_committee(w: Writer) -> None:
    w.heading("2. Цели и задачи")
    w.p(
        "2.1. Цель {{ K_gen }} — {{ event.goal[:1]|lower }}{{ event.goal[1:] }}"
        "{{ '' if event.goal[-1:] == '.' else '.' }}"
    )
    w.p("2.2. Задачи {{ K_gen }}:", keep=True)
    w.items("for task in event.tasks", "{{ task }}")
    w.heading("3. Организаторы. Оргкомитет")
    w.p(
        "3.1. Подготовку и проведение {{ K_gen }} осуществляет организационный комитет "
        "(далее — оргкомитет){% if event.committee %} в составе:{% else %}, состав которого "
        "утверждается приказом {{ centre.organisation.short_name }}.{% endif %}"
    )
    w.items(
        "for member in event.committee",
        "{{ member.person }} — {{ member.position }}"
        "{% if member.role %}, {{ member.role }} оргкомитета{% endif %}",
    )
    w.p(
        "3.2. Оргкомитет принимает заявки и работы участников, формирует состав жюри, "
        "организует подведение итогов и награждение, информирует участников о ходе и итогах "
        "{{ K_gen }}."
    )


def _participants(w: Writer) -> None:
    w.heading("4. Участники")
    w.p("4.1. К участию в {{ K_prep }} приглашаются:", keep=True)
    w.items("for category in event.participants.categories", "{{ category }}")
    w.tag("{%p if event.participants.age_groups %}")
    w.p("4.2. Возрастные группы участников:", keep=True)
    w.items(
        "for group in event.participants.age_groups",
        "{{ group.age_from }}–{{ group.age_to }}" + NBSP + "{{ group.age_to|noun_form('год') }}"
        "{% if group.label %} ({{ group.label }}){% endif %}",
    )
    w.tag("{%p else %}")
    w.p("4.2. Возраст участников не ограничен.")
    w.tag("{%p endif %}")
    w.p(
        "4.3. Участие — {{ event.participants.format }}."
        "{% if event.participants.limit_per_organisation %} Количество заявок от одной "
        "организации — не более {{ event.participants.limit_per_organisation }}.{% endif %}"
    )


def _procedure(w: Writer) -> None:
    w.heading("5. Сроки, этапы и место проведения")
    w.p("5.1. Форма проведения {{ K_gen }} — {{ event.form }}.")
    w.p("5.2. Этапы и сроки проведения {{ K_gen }}:", keep=True)
    table = w.table([62, 45, w.width - 107], header=["Этап", "Сроки", "Место проведения"])
    w.tag_row(table, "{%tr for stage in event.stages %}")
    w.row(
        table,
        "{{ stage.name[:1]|upper }}{{ stage.name[1:] }}",
        "{{ stage.start|date_short }}{% if stage.end and stage.end != stage.start %} – "
        "{{ stage.end|date_short }}{% endif %}",
        "{{ stage.place or '—' }}",
    )
    w.tag_row(table, "{%tr endfor %}")


def _conditions(w: Writer) -> None:
    w.heading("6. Порядок и условия проведения")
    w.p(
        "6.1. Заявки на участие{% if ap.application_form %} по форме (Приложение 1){% endif %} "
        "принимаются до {{ event.application.deadline|date_text }} включительно "
        "{{ event.application.method }}{% if event.application.email %}: "
        "{{ event.application.email }}{% endif %}{% if event.application.url %}; ссылка на "
        "форму заявки: {{ event.application.url }}{% endif %}."
    )
    w.p(
        "6.2. {% if ap.consent_processing %}К заявке прилагается согласие родителя (законного "
        "представителя) на обработку персональных данных несовершеннолетнего участника "
        "(Приложение {{ n_consent }}){% if ap.consent_dissemination %} и согласие на обработку "
        "персональных данных, разрешённых для распространения (Приложение {{ n_spread }})"
        "{% endif %}.{% elif ap.consent_dissemination %}К заявке прилагается согласие на "
        "обработку персональных данных, разрешённых для распространения (Приложение "
        "{{ n_spread }}).{% else %}Подавая заявку, участник (его законный представитель) даёт "
        "согласие на обработку персональных данных в соответствии со статьёй 9 " + LAW + "."
        "{% endif %}"
    )
    w.p(
        "6.3. Заявки, поступившие позднее установленного срока или оформленные с нарушением "
        "требований настоящего Положения, не рассматриваются."
    )
    w.p(
        "6.4. Подача заявки означает согласие участника и его законных представителей с "
        "условиями настоящего Положения."
    )


def _nominations(w: Writer) -> None:
    w.heading("7. Номинации")
    w.tag("{%p if event.nominations %}")
    w.p("7.1. Номинации {{ K_gen }}:", keep=True)
    w.items("for nomination in event.nominations", "«{{ nomination.name }}»")
    w.tag("{%p else %}")
    w.p("7.1. Деление на номинации не предусмотрено.")
    w.tag("{%p endif %}")
    w.heading("8. Требования к работам")
    w.tag("{%p if event.work_requirements %}")
    w.p("8.1. Общие требования:", keep=True)
    w.items("for requirement in event.work_requirements", "{{ requirement }}")
    w.tag("{%p else %}")
    w.p("8.1. Работы должны соответствовать теме и условиям {{ K_gen }}.")
    w.tag("{%p endif %}")
    w.tag("{%p for nomination in event.nominations if nomination.requirements %}")
    w.p(
        "8.{{ loop.index + 1 }}. В номинации «{{ nomination.name }}»: "
        "{{ nomination.requirements|join('; ') }}."
    )
    w.tag("{%p endfor %}")


def _criteria_and_jury(w: Writer) -> None:
    w.heading("9. Критерии оценки")
    w.tag("{%p if event.criteria %}")
    w.p("9.1. Работы оцениваются по критериям:", keep=True)
    w.items(
        "for criterion in event.criteria",
        "{{ criterion.name }} (0–{{ criterion.max_score }}"
        + NBSP
        + "{{ criterion.max_score|noun_form('балл') }})",
    )
    w.p("9.2. Максимальная сумма баллов — {{ event.max_score }}.")
    w.tag("{%p else %}")
    w.p("9.1. Работы оценивает жюри по критериям, которые оно утверждает до начала оценки.")
    w.tag("{%p endif %}")
    w.heading("10. Жюри")
    w.p(
        "10.1. Для оценки работ оргкомитет формирует жюри из специалистов в соответствующих "
        "областях{% if event.jury %} в составе:{% else %}.{% endif %}"
    )
    w.items(
        "for member in event.jury",
        "{{ member.person }} — {{ member.position }}"
        "{% if member.role %}, {{ member.role }} жюри{% endif %}",
    )
    w.p(
        "10.2. Жюри оценивает работы по критериям раздела 9 настоящего Положения. Решение жюри "
        "оформляется протоколом, является окончательным и пересмотру не подлежит."
    )
    w.p(
        "10.3. Жюри вправе присуждать не все призовые места, делить места между участниками "
        "и учреждать специальные дипломы."
    )


def _results(w: Writer) -> None:
    w.heading("11. Подведение итогов и награждение")
    w.p(
        "11.1. Итоги {{ K_gen }} подводятся {{ event.results_date|date_text }} и публикуются "
        "{{ event.results_publication }}."
    )
    w.p("11.2. {{ event.awards.winners }}")
    w.p("11.3. {{ event.awards.prize_winners }}")
    w.p("11.4. {{ event.awards.participants }}")
    w.tag("{%p if event.awards.teachers %}")
    w.p("11.5. {{ event.awards.teachers }}")
    w.tag("{%p endif %}")
    w.heading("12. Финансирование")
    w.p("12.1. {{ event.financing }}")
    w.heading("13. Контактная информация")
    w.p(
        "13.1. Адрес оргкомитета: {{ centre.organisation.requisites.postal_address or "
        "centre.organisation.requisites.legal_address }}."
    )
    w.p(
        "13.2. Ответственный — {{ event.contact.person }}, {{ event.contact.position }}"
        "{% if event.contact.phone %}, тел. {{ event.contact.phone }}{% endif %}"
        "{% if event.contact.email %}, e-mail: {{ event.contact.email }}{% endif %}."
    )


def _application_form(w: Writer) -> None:
    w.tag("{%p if ap.application_form %}")
    appendix_mark(w, "1", *OF_REGULATION)
    w.title("ЗАЯВКА", "на участие в {{ event.kind_phrase|prepositional }} «{{ event.name }}»")
    blank(w, "Образовательная организация: ")
    w.p("", style="Без отступа")
    table = w.table(
        [10, 36, 30, 30, 25, 34],
        header=[
            "№\nп/п",
            "ФИО участника (полностью), дата рождения",
            "Класс, объединение",
            "Номинация{% if event.participants.age_groups %}, возрастная группа{% endif %}",
            "Название работы",
            "Руководитель: ФИО, должность, телефон",
        ],
    )
    for number in ("1", "2", "3"):
        w.row(table, number, "", "", "", "", "", height=12)
    w.p("", style="Без отступа")
    w.p("Руководитель образовательной организации", style="Без отступа")
    signature_line(w)
    w.p("М.П.", style="Без отступа")
    w.tag("{%p endif %}")


def _subject_lines(w: Writer, passport: bool = True) -> None:
    """Add the blanks for the parent and the child; ст. 10.1 consent needs no passport."""
    blank(
        w,
        "Я, ",
        ",",
        "(фамилия, имя, отчество родителя (законного представителя) полностью)",
    )
    if passport:
        blank(w, "паспорт: серия ________ №" + NBSP + "______________, выдан ")
        blank(w, "", ",", "(кем и когда выдан)")
        blank(w, "адрес регистрации: ", ",")
    w.p("являясь родителем (законным представителем) несовершеннолетнего", style="Без отступа")
    blank(w, "", ",", "(фамилия, имя, отчество ребёнка, дата рождения)")
    blank(
        w,
        "на основании ",
        ",",
        "(свидетельство о рождении или иной документ, подтверждающий полномочия)",
    )


OPERATOR = (
    "{{ centre.organisation|dative }} ({{ centre.organisation.short_name }}, ИНН "
    "{{ centre.organisation.requisites.inn }}, ОГРН {{ centre.organisation.requisites.ogrn }}, "
    "адрес: {{ centre.organisation.requisites.legal_address }}; далее — Оператор)"
)


def _consent_processing(w: Writer) -> None:
    w.tag("{%p if ap.consent_processing %}")
    appendix_mark(w, "{{ n_consent }}", *OF_REGULATION)
    w.title(
        "СОГЛАСИЕ",
        "родителя (законного представителя) на обработку персональных данных несовершеннолетнего",
    )
    _subject_lines(w)
    w.p(
        "в соответствии со статьёй 9 " + LAW + " даю согласие " + OPERATOR + " на обработку "
        "персональных данных моего ребёнка и моих персональных данных в целях участия "
        "ребёнка в " + "{{ event.kind_phrase|prepositional }} «{{ event.name }}», подведения "
        "итогов, награждения и информирования участников."
    )
    w.p(
        "Перечень персональных данных: фамилия, имя, отчество, дата рождения ребёнка; "
        "наименование образовательной организации, класс (объединение); номинация, название "
        "работы и результаты участия; фамилия, имя, отчество, контактный телефон и адрес "
        "электронной почты родителя (законного представителя)."
    )
    w.p(
        "Действия с персональными данными: сбор, запись, систематизация, накопление, хранение, "
        "уточнение, извлечение, использование, передача (предоставление, доступ) членам "
        "оргкомитета и жюри, обезличивание, блокирование, удаление, уничтожение, с "
        "использованием средств автоматизации и без их использования."
    )
    w.p(
        "Согласие действует со дня подписания до истечения срока хранения документов "
        "{{ K_gen }}, установленного номенклатурой дел Оператора, и может быть отозвано мной "
        "в любое время письменным заявлением, направленным Оператору."
    )
    signature_line(w, space=12)
    w.tag("{%p endif %}")


def _consent_dissemination(w: Writer) -> None:
    w.tag("{%p if ap.consent_dissemination %}")
    appendix_mark(w, "{{ n_spread }}", *OF_REGULATION)
    w.title(
        "СОГЛАСИЕ",
        "на обработку персональных данных, разрешённых субъектом персональных данных для "
        "распространения",
    )
    _subject_lines(w, passport=False)
    blank(w, "телефон, e-mail или почтовый адрес: ", ",")
    w.p(
        "в соответствии со статьёй 10.1 " + LAW + " даю согласие " + OPERATOR + " на "
        "распространение персональных данных моего ребёнка в целях информирования о ходе и "
        "итогах " + FULL_NAME + ". Категории и перечень персональных данных, на "
        "распространение которых я даю согласие:"
    )
    _dissemination_table(w)
    w.p(
        "Персональные данные распространяются {{ event.published_at or 'на официальном сайте "
        "Оператора' }}.",
        before=6,
    )
    w.p(
        "Согласие действует со дня подписания до дня его отзыва. Я вправе в любое время "
        "потребовать прекратить распространение персональных данных, направив Оператору "
        f"требование (ч.{NBSP}12 ст.{NBSP}10.1 Федерального закона №{NBSP}152-ФЗ)."
    )
    signature_line(w, space=12)
    w.tag("{%p endif %}")


DISSEMINATED = (
    ("Общие", "фамилия, имя"),
    ("", "возраст, образовательная организация, класс (объединение)"),
    ("", "номинация, название работы, результат участия"),
    ("Биометрические", "фото- и видеоизображение"),
    ("Иные", "изображение творческой работы"),
)
"""Categories and personal data the consent to dissemination asks about (Приказ РКН № 18)."""


def _dissemination_table(w: Writer) -> None:
    table = w.table(
        [42, 55, 28, w.width - 125],
        header=["Категория", "Перечень данных", "Разрешаю (да/нет)", "Условия и запреты"],
    )
    for category, items in DISSEMINATED:
        w.row(table, category, items, "", "")
    general = table.cell(1, 0).merge(table.cell(3, 0))
    for extra in general.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
