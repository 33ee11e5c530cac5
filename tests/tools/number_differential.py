#!/usr/bin/python3
"""Differential test: numreg's telephone numbers against libphonenumber.

Generates thousands of numbers per class (mobile by prefix, fixed line per
area code and subscriber length, 95/96, 400/800, foreign numbers of every
country libphonenumber knows, and made-up country codes), reads each with
numreg (the number_check tool, one number a line) and with
python3-phonenumbers (Debian's, metadata 8.12.57, the version
libphonenumber-dev has), and compares validity and the E.164 form.

numreg stores 400/800 numbers as their ten digits (DESIGN.md); they are
compared as +86 and those digits. Every other disagreement must be one that
the table KNOWN lists, with the standard's reason why numreg is right; an
unlisted disagreement, or a listed reason that no number shows any more,
fails the test.

    number_differential.py NUMBER_CHECK [--seed N] [--show N]
"""
import argparse
import random
import subprocess
import sys

import phonenumbers
from phonenumbers import PhoneNumberType as T

HOME_AREAS = {"898", "890", "899"}  # Hainan's area code and its old ones

# Each entry: (name, predicate over a Case, reason numreg is right).
KNOWN = [
    ("subscriber-first-digit",
     lambda c: c.klass == "fixed" and c.subscriber[:1] in "019" and c.lib_valid
     and not c.ours_valid,
     "Numbering plan (MIIT 电信网编号计划, shared/DOMAIN.md §0 and §3): local numbers whose "
     "first digit is 2-8 are user numbers; 0 is the trunk prefix, 1 leads special and short "
     "numbers, 9 leads 95/96 service numbers. libphonenumber's CN fixed-line pattern also "
     "accepts [019] there, so it is looser."),
    ("hainan-historical",
     lambda c: c.area in ("890", "899") and c.ours_valid and not c.lib_valid
     and ((c.klass == "fixed" and c.subscriber[:1] in "2345678"
           and len(c.subscriber) in (7, 8))
          or (c.klass == "area-short" and c.ours == c.service)),
     "Hainan's area codes before the whole province took 0898: 0899 (Sanya, Wuzhishan, "
     "Lingshui, Ledong, Baoting, Qiongzhong) and 0890 (Danzhou, Dongfang, Lingao, Baisha, "
     "Changjiang) (shared/DOMAIN.md §3). Old records carry them; numreg reads them as written "
     "(fixed lines marked historical, 95/96 numbers as the bare number). libphonenumber knows "
     "only current area codes."),
    ("950-long",
     lambda c: c.text.startswith("0950") and len(c.text) in (11, 12) and c.lib_valid
     and not c.ours_valid and c.ours_code.startswith("950 numbers of 10 or 11 digits"),
     "95 numbers have 5 or 6 digits (MIIT: 95 字头 5、6 位并存, shared/DOMAIN.md §3), and "
     "numreg holds only those. libphonenumber's shared-cost pattern 950\\d{7,8} takes the "
     "0 of 0950 for a trunk prefix; numreg refuses the number with a message naming the "
     "form, rather than storing a number no resource of the registry can hold."),
    ("short-95-96",
     lambda c: c.klass == "short" and c.ours_valid and not c.lib_valid
     and c.ours_type in ("n95", "n96") and len(c.ours) in (5, 6),
     "95 numbers of 5 or 6 digits are allocated nationally by MIIT and 96 numbers of 5 or 6 "
     "digits by each province (shared/DOMAIN.md §3). They are short numbers, which "
     "PhoneNumberUtil does not validate (its ShortNumberInfo knows 95 only)."),
    ("area-95",
     lambda c: c.klass in ("short", "area-short") and c.ours_type == "n95" and c.lib_valid
     and c.ours == c.service,
     "A 95 number is national (shared/DOMAIN.md §3): an area code written before it is "
     "dialling habit, and 0898-95555 is the same number as 95555 anywhere. libphonenumber "
     "reads area code and 95 number as one fixed-line number."),
    ("home-96",
     lambda c: c.klass == "area-short" and c.area in HOME_AREAS and c.ours_type == "n96"
     and c.ours == c.service,
     "96 numbers are allocated by the province (shared/DOMAIN.md §3): after the registry's "
     "own area codes (0898, and Hainan's old 0890 and 0899) the number is the province's "
     "bare 96 number, as the registry holds it. libphonenumber keeps the area code, or knows "
     "no 0890/0899."),
]


class Case:
    def __init__(self, klass, text, area="", subscriber="", service=""):
        self.klass, self.text = klass, text
        self.area, self.subscriber, self.service = area, subscriber, service
        self.ours = self.ours_type = self.ours_code = ""
        self.ours_valid = self.lib_valid = False
        self.lib_e164 = ""

    def ours_e164(self):
        if self.ours_type in ("n400", "n800"):
            return "+86" + self.ours
        return self.ours

    def agrees(self):
        if self.ours_valid != self.lib_valid:
            return False
        return not self.ours_valid or self.ours_e164() == self.lib_e164

    def describe(self):
        ours = f"{self.ours} ({self.ours_type})" if self.ours_valid else f"refused: {self.ours_code}"
        lib = self.lib_e164 if self.lib_valid else "invalid"
        return f"{self.klass:10} {self.text!r:28} numreg {ours:40} libphonenumber {lib}"


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def area_codes():
    return ["10"] + [f"2{d}" for d in range(10)] + [str(a) for a in range(300, 1000)]


def generate(rng):
    cases = []
    # Mobile: every 4-digit prefix 1300-1999, several numbers each.
    for p in range(130, 200):
        for d in range(10):
            for _ in range(4):
                n = f"{p}{d}{digits(rng, 7)}"
                cases.append(Case("mobile", n))
    for p in range(17400, 17410):
        cases.append(Case("mobile", f"{p}{digits(rng, 6)}"))
    # Fixed line: every area code, 6 to 9 subscriber digits, every first digit.
    for area in area_codes():
        for length in (7, 8):
            for first in "0123456789":
                if first in "019" and rng.random() < 0.8:
                    continue
                sub = first + digits(rng, length - 1)
                cases.append(Case("fixed", "0" + area + sub, area, sub))
        for length in (6, 9):
            sub = rng.choice("2345678") + digits(rng, length - 1)
            cases.append(Case("fixed", "0" + area + sub, area, sub))
    # 95/96: bare, and after area codes (every home code, some others).
    for _ in range(1500):
        service = rng.choice(("95", "96")) + digits(rng, rng.choice((3, 4)))
        cases.append(Case("short", service, service=service))
    for area in sorted(HOME_AREAS) * 5 + rng.sample(area_codes(), 150):
        for prefix in ("95", "96", "96", "96"):
            service = prefix + digits(rng, rng.choice((3, 4)))
            cases.append(Case("area-short", "0" + area + service, area, service=service))
    # 400/800 with 9 to 11 digits, bare and with +86.
    for _ in range(2000):
        n = rng.choice(("400", "800")) + digits(rng, rng.choice((6, 7, 7, 7, 8)))
        cases.append(Case("n400-800", rng.choice(("", "+86 ", "0086")) + n))
    # Foreign: every region's example numbers of every type, and the same
    # with a digit more or less or a changed digit; then made-up codes.
    types = (T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.VOIP,
             T.PERSONAL_NUMBER, T.PAGER, T.UAN, T.VOICEMAIL)
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        if region == "CN":
            continue
        for t in types:
            example = phonenumbers.example_number_for_type(region, t)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
            cases.append(Case("foreign", e164))
            body = e164[1:]
            cut = rng.randrange(len(body) - 1) + 1
            cases.append(Case("foreign", "+" + body[:cut] + digits(rng, 1) + body[cut + 1:]))
            cases.append(Case("foreign", "+" + body + digits(rng, 1)))
            cases.append(Case("foreign", "00" + body[:-1]))
    for _ in range(1000):  # China's own numbers have their classes above
        body = f"{rng.randrange(1, 1000)}{digits(rng, rng.randrange(4, 12))}"
        cases.append(Case("foreign", "+" + ("1" + body if body.startswith("86") else body)))
    return cases


def foreign_only(cases):
    """Drops the foreign numbers a mutation turned into China's (+86...)."""
    return [c for c in cases if c.klass != "foreign"
            or not c.text.lstrip("+").removeprefix("00").startswith("86")]


def run_numreg(tool, cases):
    text = "".join(c.text + "\n" for c in cases)
    out = subprocess.run([tool], input=text, capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert len(lines) == len(cases), (len(lines), len(cases))
    for c, line in zip(cases, lines):
        fields = line.split("\t")
        if fields[0] == "!":
            c.ours_code = fields[2]
            if "does not exist" in fields[2] and fields[2].startswith("area code"):
                c.ours_code = "area code does not exist"
        else:
            c.ours_valid, c.ours, c.ours_type = True, fields[0], fields[1]


def run_lib(cases):
    for c in cases:
        try:
            n = phonenumbers.parse(c.text, "CN")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(n):
            c.lib_valid = True
            c.lib_e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("number_check")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    print(f"python3-phonenumbers {phonenumbers.__version__}")
    cases = foreign_only(generate(random.Random(args.seed)))
    run_numreg(args.number_check, cases)
    run_lib(cases)

    seen = {name: 0 for name, _, _ in KNOWN}
    unexplained = []
    by_class = {}
    for c in cases:
        stats = by_class.setdefault(c.klass, [0, 0, 0, 0])  # cases, valid, agree, explained
        stats[0] += 1
        stats[1] += c.ours_valid
        if c.agrees():
            stats[2] += 1
            continue
        name = next((name for name, match, _ in KNOWN if match(c)), None)
        if name is None:
            unexplained.append(c)
        else:
            seen[name] += 1
            stats[3] += 1
    print(f"{'class':12} {'numbers':>8} {'valid':>8} {'agree':>8} {'listed':>8}")
    for klass, (n, valid, agree, explained) in by_class.items():
        print(f"{klass:12} {n:8} {valid:8} {agree:8} {explained:8}")
    for name, _, reason in KNOWN:
        print(f"listed {name}: {seen[name]} numbers. {reason}")
    failed = 0
    if unexplained:
        failed += 1
        print(f"FAIL: {len(unexplained)} disagreements not listed, e.g.:")
        for c in unexplained[: args.show]:
            print("  " + c.describe())
    stale = [name for name, count in seen.items() if count == 0]
    if stale:
        failed += 1
        print("FAIL: listed reasons that no number shows any more: " + ", ".join(stale))
    checks = 2
    print(f"{checks - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
