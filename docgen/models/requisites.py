"""Validate Russian requisites: ИНН, КПП, ОГРН, БИК, accounts, ОКТМО, ОКПО, phone, e-mail.

Values stay strings because leading zeros matter. Spaces (including NBSP) and hyphens are
stripped before a check, and the validators return the normalised value (phone and e-mail
return what was typed, trimmed). Every failure raises ``RequisitesError`` with a short Russian
message naming the value and the rule; the caller adds where the value came from.
"""

from __future__ import annotations

import re
from typing import Annotated, NoReturn

from pydantic import AfterValidator

from docgen.errors import RequisitesError

# \s matches NBSP and the narrow NBSP in str patterns; Word also types U+2010..U+2013 and
# the minus sign where the user meant a hyphen.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2013\u2212]")
_DIGITS = re.compile(r"[0-9]*")  # not \d: it also matches other scripts' digits
_KPP = re.compile(r"[0-9]{4}[0-9A-Z]{2}[0-9]{3}")

_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN11_WEIGHTS = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_ACCOUNT_WEIGHTS = (7, 1, 3) * 8  # 24 >= 23 = 3-digit prefix + 20-digit account
_CHECK_HINT = "Проверьте, не ошиблись ли вы в одной из цифр."


def _fail(label: str, value: str, problem: str) -> NoReturn:
    """Raise a RequisitesError naming the requisite, the value as typed and the rule."""
    shown = value.strip()
    raise RequisitesError(
        f"{label} {shown}: {problem}" if shown else f"{label} не указан: {problem}"
    )


def _require_digits(digits: str, lengths: tuple[int, ...]) -> None:
    """Reject a programming error: a helper called with anything but ASCII digits of a length."""
    if not _DIGITS.fullmatch(digits) or len(digits) not in lengths:
        raise ValueError(f"expected {' or '.join(map(str, lengths))} ASCII digits, got {digits!r}")


def _weighted_sum(digits: str, weights: tuple[int, ...]) -> int:
    """Return the sum of the digits multiplied by the weights, pairwise from the left."""
    return sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=False))


def _digits_of(label: str, value: str, lengths: tuple[int, ...], rule: str) -> str:
    """Normalise a value and require it to be ASCII digits of one of the lengths."""
    digits = normalize_digits(value)
    if not _DIGITS.fullmatch(digits):
        _fail(label, value, f"допустимы только цифры; {rule}.")
    if len(digits) not in lengths:
        _fail(label, value, f"{rule}, а здесь {len(digits)}.")
    return digits


def _check_digits(label: str, value: str, actual: str, expected: str) -> None:
    """Fail unless the check digits of a value are the expected ones."""
    if actual == expected:
        return
    if len(expected) == 1:
        problem = f"неверная контрольная цифра (ожидалась {expected})."
    else:
        problem = f"неверные контрольные цифры (ожидались {expected})."
    _fail(label, value, f"{problem} {_CHECK_HINT}")


def normalize_digits(value: str) -> str:
    """Strip spaces (including NBSP) and hyphens from a requisite typed by hand."""
    return _SEPARATORS.sub("", value)


def inn_check_digits(first_digits: str) -> str:
    """Return the check digit of a 10-digit ИНН (from 9 digits) or both of a 12-digit one."""
    _require_digits(first_digits, (9, 10))
    if len(first_digits) == 9:
        return str(_weighted_sum(first_digits, _INN10_WEIGHTS) % 11 % 10)
    eleventh = str(_weighted_sum(first_digits, _INN11_WEIGHTS) % 11 % 10)
    twelfth = str(_weighted_sum(first_digits + eleventh, _INN12_WEIGHTS) % 11 % 10)
    return eleventh + twelfth


def ogrn_check_digit(first_digits: str) -> str:
    """Return the check digit of an ОГРН (from 12 digits) or an ОГРНИП (from 14 digits)."""
    _require_digits(first_digits, (12, 14))
    modulus = 11 if len(first_digits) == 12 else 13
    return str(int(first_digits) % modulus % 10)


def _account_prefix(account: str, bik: str) -> str:
    """Return the 3 digits put before an account for its key (ЦБ РФ № 515)."""
    # к/с, ЕКС and accounts at a former РКЦ (BIK digits 7-8 are 00) use "0" + digits 5-6;
    # accounts in a credit institution use its conditional number, the last 3 BIK digits.
    if account.startswith(("30101", "40102")) or bik[6:8] == "00":
        return "0" + bik[4:6]
    return bik[6:9]


def account_key(account: str, bik: str) -> str:
    """Return the control key (9th digit) a 20-digit account must have with this BIK."""
    _require_digits(account, (20,))
    _require_digits(bik, (9,))
    # Weights at the key's position (12th of 23) are 3, so key = 3 * (sum mod 10) mod 10
    # makes the full weighted sum divisible by 10.
    keyless = _account_prefix(account, bik) + account[:8] + "0" + account[9:]
    return str(_weighted_sum(keyless, _ACCOUNT_WEIGHTS) % 10 * 3 % 10)


def validate_inn(value: str) -> str:
    """Return a normalised ИНН of an organisation (10 digits) or a person (12 digits)."""
    inn = _digits_of("ИНН", value, (10, 12), "должно быть 10 цифр (организация) или 12 (ИП)")
    if inn.startswith("00"):
        _fail("ИНН", value, "код региона (первые две цифры) не может быть 00.")
    head = inn[:9] if len(inn) == 10 else inn[:10]
    _check_digits("ИНН", value, inn[len(head) :], inn_check_digits(head))
    return inn


def validate_kpp(value: str) -> str:
    """Return a normalised КПП: 4 digits, 2 digits or capital Latin letters, 3 digits."""
    kpp = normalize_digits(value)
    if not _KPP.fullmatch(kpp):
        rule = "должно быть 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры."
        _fail("КПП", value, rule)
    return kpp


def validate_ogrn(value: str) -> str:
    """Return a normalised ОГРН (13 digits, starts with 1 or 5) or ОГРНИП (15, starts with 3)."""
    ogrn = _digits_of("ОГРН", value, (13, 15), "должно быть 13 цифр (организация) или 15 (ИП)")
    if len(ogrn) == 13 and ogrn[0] not in "15":
        _fail("ОГРН", value, "должен начинаться с 1 или 5 (номер на 2, 4, 6–9 — это ГРН записи).")
    if len(ogrn) == 15 and ogrn[0] != "3":
        _fail("ОГРНИП", value, "должен начинаться с 3.")
    label = "ОГРН" if len(ogrn) == 13 else "ОГРНИП"
    _check_digits(label, value, ogrn[-1], ogrn_check_digit(ogrn[:-1]))
    return ogrn


def validate_bik(value: str) -> str:
    """Return a normalised BIK: 9 digits starting with 0 (04… banks, 00…/01…/02… treasury)."""
    bik = _digits_of("БИК", value, (9,), "должно быть 9 цифр")
    if bik[0] != "0":
        _fail("БИК", value, "начинается с 0: 04… у банков, 00…, 01… или 02… у казначейства.")
    return bik


def _okpo_check_digit(first_digits: str) -> str:
    """Return the ОКПО check digit: weights 1..10 cycling, mod 11, retried from weight 3."""
    for start in (1, 3):
        weights = tuple((start - 1 + i) % 10 + 1 for i in range(len(first_digits)))
        remainder = _weighted_sum(first_digits, weights) % 11
        if remainder < 10:
            return str(remainder)
    return "0"


def validate_okpo(value: str) -> str:
    """Return a normalised ОКПО: 8 digits (organisation), 10 (ИП) or 14 (division)."""
    rule = "должно быть 8 цифр (организация), 10 (ИП) или 14 (обособленное подразделение)"
    okpo = _digits_of("ОКПО", value, (8, 10, 14), rule)
    # The check digit rule is published for 8- and 10-digit codes; the 14-digit code of a
    # division is checked for format only rather than risk rejecting a real one.
    if len(okpo) != 14:
        _check_digits("ОКПО", value, okpo[-1], _okpo_check_digit(okpo[:-1]))
    return okpo


def validate_oktmo(value: str) -> str:
    """Return a normalised ОКТМО: 8 digits (municipality) or 11 (settlement); format only."""
    rule = "должно быть 8 цифр (муниципальное образование) или 11 (населённый пункт)"
    return _digits_of("ОКТМО", value, (8, 11), rule)


def _check_account_key(label: str, account: str, value: str, bik: str) -> None:
    """Fail unless the account's 9th digit is the control key computed with the BIK."""
    expected = account_key(account, bik)
    if account[8] != expected:
        problem = (
            f"не сходится с БИК {bik} по контрольному ключу (9-я цифра счёта должна быть"
            f" {expected}). Проверьте, не ошиблись ли вы в одной из цифр счёта или БИК."
        )
        _fail(label, value, problem)


def validate_settlement_account(account: str, bik: str) -> str:
    """Return a normalised р/с checked against the BIK; a treasury account (03…) by format."""
    checked_bik = validate_bik(bik)
    number = _digits_of("р/с", account, (20,), "должно быть 20 цифр")
    if number.startswith("03"):
        # Treasury accounts do not carry the key with the ТОФК BIK (reference B.5).
        return number
    if number.startswith(("30101", "40102")):
        _fail(
            "р/с", account, "это корреспондентский или единый казначейский счёт: он пишется в к/с."
        )
    _check_account_key("р/с", number, account, checked_bik)
    return number


def validate_correspondent_account(account: str, bik: str) -> str:
    """Return a normalised к/с (30101…) or ЕКС (40102…) checked against the BIK."""
    checked_bik = validate_bik(bik)
    number = _digits_of("к/с", account, (20,), "должно быть 20 цифр")
    if not number.startswith(("30101", "40102")):
        rule = "должен начинаться с 30101 (счёт банка) или 40102 (единый казначейский счёт)."
        _fail("к/с", account, rule)
    _check_account_key("к/с", number, account, checked_bik)
    return number


_PHONE_EXTENSION = re.compile(r"\s*,?\s*(?:доб(?:авочный)?|вн|ext)\.?\s*[0-9]{1,6}$", re.I)
_PHONE = re.compile(r"\+?[0-9\s().\-\u2010-\u2013\u2212]+")


def _national_number(number: str) -> str:
    """Return the 10 digits after +7 or 8, or an empty string if there are not exactly 10."""
    digits = re.sub("[^0-9]", "", number)
    if number.startswith("+"):
        return digits[1:] if len(digits) == 11 and digits[0] == "7" else ""
    if len(digits) == 11 and digits[0] in "78":
        return digits[1:]
    return digits if len(digits) == 10 else ""


def validate_phone(value: str) -> str:
    """Return a Russian phone number as typed (trimmed) if it has the full 10-digit number."""
    typed = value.strip()
    number = _PHONE_EXTENSION.sub("", typed)
    if not _PHONE.fullmatch(number):
        rule = "допустимы цифры, пробелы, скобки, дефисы, «+» в начале и «доб. 12» в конце."
        _fail("Телефон", value, rule)
    national = _national_number(number)
    if not national:
        rule = (
            "нужен номер с кодом города или оператора (10 цифр после +7 или 8),"
            " например «8 (38536) 2-12-34» или «+7 913 123-45-67»."
        )
        _fail("Телефон", value, rule)
    if national[0] not in "3489":
        _fail("Телефон", value, "код города или оператора начинается с 3, 4, 8 или 9.")
    return typed


_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.I)
_TOP_LEVEL_DOMAIN = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}", re.I)


def _domain_problem(domain: str) -> str:
    """Return what is wrong with an e-mail domain (Cyrillic or punycode allowed), or ''."""
    if "." not in domain:
        return "после «@» нужен домен с точкой, например mail.ru или цвр.рф."
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
        ascii_domain.encode("ascii").decode("idna")  # rejects broken punycode (xn--…)
    except UnicodeError:
        return f"недопустимое имя домена «{domain}»."
    labels = ascii_domain.split(".")
    if len(ascii_domain) > 253 or not all(map(_DOMAIN_LABEL.fullmatch, labels)):
        return f"недопустимое имя домена «{domain}»."
    if not _TOP_LEVEL_DOMAIN.fullmatch(labels[-1]):
        return f"недопустимая зона «.{domain.rsplit('.', 1)[-1]}»."
    return ""


def validate_email(value: str) -> str:
    """Return an e-mail address as typed (trimmed) if its syntax is valid; no DNS lookups."""
    email = value.strip()
    local, at, domain = email.rpartition("@")
    if not at or not local:
        _fail("E-mail", value, "нужен адрес вида имя@домен, например cvr@mail.ru или info@цвр.рф.")
    if len(email) > 254:
        _fail("E-mail", value, "адрес длиннее 254 знаков.")
    if ".." in email:
        _fail("E-mail", value, "две точки подряд.")
    if len(local) > 64 or not _EMAIL_LOCAL.fullmatch(local):
        rule = "часть до «@» пишется латиницей, цифрами и знаками . _ - + (не больше 64 знаков)."
        _fail("E-mail", value, rule)
    problem = _domain_problem(domain)
    if problem:
        _fail("E-mail", value, problem)
    return email


Inn = Annotated[str, AfterValidator(validate_inn)]
Kpp = Annotated[str, AfterValidator(validate_kpp)]
Ogrn = Annotated[str, AfterValidator(validate_ogrn)]
Bik = Annotated[str, AfterValidator(validate_bik)]
Okpo = Annotated[str, AfterValidator(validate_okpo)]
Oktmo = Annotated[str, AfterValidator(validate_oktmo)]
Phone = Annotated[str, AfterValidator(validate_phone)]
Email = Annotated[str, AfterValidator(validate_email)]
