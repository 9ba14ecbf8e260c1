"""Russian language layer: names, positions and organisation names in any case, agreement
words, sums and dates.

Pure functions over strings; ``docgen.language.filters.FILTERS`` exposes them to templates.
Analysers are created once per process and results are cached.
"""

from __future__ import annotations

from docgen.language import (
    agreement,
    dates,
    declension,
    morph,
    names,
    numbers,
    phrases,
    recognise,
)
from docgen.language.agreement import (
    acting_word,
    agree_with_number,
    count_with_noun,
    dedicated_word,
    either_form,
    event_form,
    group_digits,
    named_word,
    organisation_gender,
    plural_form,
)
from docgen.language.dates import (
    academic_year,
    date_long,
    date_short,
    date_text,
    month_name,
    to_date,
)
from docgen.language.declension import decline_text
from docgen.language.morph import CASE_LABELS, CASES, Case
from docgen.language.names import (
    Gender,
    gender_conflict,
    gender_from_first_name,
    gender_from_patronymic,
    gender_from_surname,
    inflect_name,
    inflect_name_parts,
    inflect_surname,
    initials_surname,
    person_gender,
    split_full_name,
    surname_initials,
)
from docgen.language.normalise import normalise_name
from docgen.language.numbers import number_in_words, sum_in_words, to_amount
from docgen.language.phrases import inflect_organisation, inflect_phrase, inflect_position
from docgen.language.recognise import Recognised, ambiguity


def clear_caches() -> None:
    """Forget every cached result (the analysers stay loaded); for benchmarks and tests."""
    for cached in (
        morph.parse,
        names.gender_from_first_name,
        names._guess_gender,
        names.inflect_name_word,
        names.inflect_name_parts,
        phrases.inflect_phrase,
        agreement.organisation_gender,
        agreement.event_form,
        agreement.agree_with_number,
        agreement.plural_form,
        recognise.recognise,
        declension.decline_name,
        numbers.number_in_words,
        dates._date_long,
        dates._month,
    ):
        cached.cache_clear()


__all__ = [
    "CASES",
    "CASE_LABELS",
    "Case",
    "Gender",
    "Recognised",
    "academic_year",
    "acting_word",
    "agree_with_number",
    "ambiguity",
    "clear_caches",
    "count_with_noun",
    "date_long",
    "date_short",
    "date_text",
    "decline_text",
    "dedicated_word",
    "either_form",
    "event_form",
    "gender_conflict",
    "gender_from_first_name",
    "gender_from_patronymic",
    "gender_from_surname",
    "group_digits",
    "inflect_name",
    "inflect_name_parts",
    "inflect_organisation",
    "inflect_phrase",
    "inflect_position",
    "inflect_surname",
    "initials_surname",
    "month_name",
    "named_word",
    "normalise_name",
    "number_in_words",
    "organisation_gender",
    "person_gender",
    "plural_form",
    "split_full_name",
    "sum_in_words",
    "surname_initials",
    "to_amount",
    "to_date",
]
