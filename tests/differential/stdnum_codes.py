#!/usr/bin/python3
"""Differential test: numreg's USCC (GB 32100) and resident ID (GB 11643)
checks against python-stdnum's stdnum.cn.uscc and stdnum.cn.ric (Debian
python3-stdnum), on thousands of generated candidates.

    stdnum_codes.py CODE_VERDICTS [--verbose]

Every candidate carries the tag of the way it was made. Where numreg and
stdnum disagree, the (tag, numreg verdict, stdnum verdict) must be listed in
DISAGREEMENTS with the reason numreg is right (or, for one entry, the limit of
what numreg checks, stated as such); any other disagreement fails the test, and
so does a listed disagreement that no candidate shows (the table stays true).
Where both accept, the stored forms must be equal.
"""
import datetime
import random
import subprocess
import sys

try:
    from stdnum.cn import ric, uscc
except ImportError:
    sys.exit("stdnum_codes.py: python3-stdnum is missing (scripts/deps.sh installs it)")

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
TODAY = datetime.date(2026, 6, 1)  # fixed, so the test does not drift

# Hainan's codes: current, and retired since 1988 (registry/types/region.cpp,
# from the MCA lists mca/198812, 199912, 200212, 200312 in cn/GB2260 and the
# NBS list stats/200412).
HAINAN_CURRENT = """460000 460100 460105 460106 460107 460108 460200 460202 460203 460204
    460205 460300 460321 460322 460400 469001 469002 469005 469006 469007 469021 469022
    469023 469024 469025 469026 469027 469028 469029 469030""".split()
HAINAN_RETIRED = """460001 460002 460003 460004 460005 460006 460007 460021 460022 460023
    460024 460025 460026 460027 460028 460029 460030 460031 460032 460033 460034 460035
    460036 460101 460102 460103 460104 460201 460323 469003 469031 469032 469033 469034
    469035 469036 469037 469038 469039""".split()
PERMITS = ["810000", "820000", "830000"]

# (tag, numreg verdict, stdnum verdict) -> why numreg is right.
DISAGREEMENTS = {
    ("uscc-letter-authority", "ok", "invalid"):
        "GB 32100 positions 1-2 (registering authority, entity type) take any of the 31 "
        "code characters, e.g. Y (other authorities); stdnum requires digits",
    ("uscc-fullwidth-letter", "ok", "invalid"):
        "a full-width 'Ｍ' is the letter M (NFKC) as a full-width '９' is 9 (which stdnum "
        "folds too); GB 32100 defines the characters, not their encoding",
    ("id-hainan-not-in-stdnum", "ok", "invalid"):
        "GB 11643 4.2: the address code is that of the county where the number was issued, "
        "and a number keeps it; these Hainan codes are in the civil-affairs lists (e.g. "
        "460005 文昌市 1999-2002, 460400 儋州市 since 2015), missing from stdnum's cn/loc.dat",
    ("id-permit", "ok", "invalid"):
        "residence permits for Hong Kong, Macao and Taiwan residents (国办发〔2018〕81号) "
        "carry a GB 11643 number with address code 810000, 820000 or 830000",
    ("id-before-1860", "error id-date", "valid"):
        "resident IDs were first issued in 1984 and no one has lived past 123 years, so no "
        "holder was born before 1860; stdnum accepts any calendar date",
    ("id-future", "error id-date", "valid"):
        "GB 11643 4.3: positions 7-14 are the date of birth, which cannot be after today; "
        "stdnum does not compare with today",
    ("id-separators", "ok", "invalid"):
        "spaces and hyphens typed between groups are not part of the number; numreg drops "
        "them as it does in telephone numbers, stdnum's ric only trims the ends",
    ("id-fullwidth-x", "ok", "invalid"):
        "a full-width 'Ｘ' is the check character X (NFKC), as a full-width '４' is 4 (which "
        "stdnum folds too)",
    ("id-legacy15", "ok", "invalid"):
        "GB 11643-1989 numbers have 15 digits (no century, no check); numreg widens them to "
        "18 as GB 11643-1999 describes, stdnum reads only 18",
    ("id-outside-hainan-unknown", "ok", "invalid"):
        "LIMIT, not a claim: outside Hainan numreg checks only the province, because no "
        "national table of county codes with their history ships with Debian (stdnum's "
        "cn/loc.dat lacks retired codes such as 440524, GB 11643's own example)",
    ("id-gb11643-example", "ok", "invalid"):
        "GB 11643's own example 440524188001010014 (440524 潮阳县, retired 1993) is valid; "
        "stdnum's cn/loc.dat lacks the retired code",
}


def uscc_check(body17):
    total = sum(CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(body17))
    return CHARSET[(31 - total % 31) % 31]


def id_check(body17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS)) % 11]


def fullwidth(text, rng):
    """`text` with about half its characters full-width, and whether a letter is."""
    out = "".join(chr(ord(c) + 0xFEE0) if rng.random() < 0.5 else c for c in text)
    return out, any("\uFF21" <= c <= "\uFF5A" for c in out)


def with_separators(text, rng, marks):
    out = []
    for i, c in enumerate(text):
        if i and rng.random() < 0.2:
            out.append(rng.choice(marks))
        out.append(c)
    return "".join(out)


def stdnum_loc_codes():
    import os
    path = os.path.join(os.path.dirname(ric.__file__), "loc.dat")
    with open(path, encoding="utf-8") as f:
        return [line[:6] for line in f if line[:1].isdigit()]


def uscc_candidates(rng, regions):
    valid = []
    for _ in range(2000):
        head = rng.choice(["11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93"])
        body = head + rng.choice(regions) + "".join(rng.choice(CHARSET) for _ in range(9))
        valid.append(body + uscc_check(body))
    out = [("uscc-valid", code) for code in valid]
    for _ in range(300):
        body = "Y1" + rng.choice(regions) + "".join(rng.choice(CHARSET) for _ in range(9))
        out.append(("uscc-letter-authority", body + uscc_check(body)))
    for code in valid[:1500]:
        p = rng.randrange(18)
        c = rng.choice(CHARSET.replace(code[p], ""))
        out.append(("uscc-substitute", code[:p] + c + code[p + 1:]))
        p = rng.randrange(18)
        out.append(("uscc-foreign-char", code[:p] + rng.choice("IOSVZ*#") + code[p + 1:]))
        p = rng.randrange(17)
        if code[p] != code[p + 1]:
            out.append(("uscc-transpose", code[:p] + code[p + 1] + code[p] + code[p + 2:]))
        p = rng.randrange(18)
        out.append(("uscc-delete", code[:p] + code[p + 1:]))
        out.append(("uscc-insert", code[:p] + rng.choice(CHARSET) + code[p:]))
    for code in valid[:800]:
        out.append(("uscc-lower", code.lower()))
        out.append(("uscc-separators", with_separators(code, rng, [" ", "-", "–", "—", "−"])))
        text, letter = fullwidth(code, rng)
        out.append(("uscc-fullwidth-letter" if letter else "uscc-fullwidth-digits", text))
    return out


def random_birth(rng, start, end):
    return start + datetime.timedelta(days=rng.randrange((end - start).days))


def id_body(address, birth, rng):
    return address + birth.strftime("%Y%m%d") + "%03d" % rng.randrange(1000)


def id_candidates(rng, loc_codes):
    loc = set(loc_codes)
    out = []
    early, late = datetime.date(1860, 1, 1), TODAY

    def valid(address, tag, start=early, end=late):
        body = id_body(address, random_birth(rng, start, end), rng)
        out.append((tag, body + id_check(body)))
        return body + id_check(body)

    made = [valid(rng.choice(loc_codes), "id-valid") for _ in range(3000)]
    for code in HAINAN_CURRENT + HAINAN_RETIRED:
        for _ in range(10):
            valid(code, "id-valid" if code in loc else "id-hainan-not-in-stdnum")
    for code in PERMITS:
        for _ in range(30):
            valid(code, "id-permit", datetime.date(1930, 1, 1))
    out.append(("id-gb11643-example", "440524188001010014"))
    out.append(("id-valid", "11010519491231002X"))
    for _ in range(200):
        valid(rng.choice(loc_codes), "id-before-1860", datetime.date(1600, 1, 1), early)
        valid(rng.choice(loc_codes), "id-future", TODAY + datetime.timedelta(days=1),
              datetime.date(2099, 12, 31))
    for code in made[:1500]:
        wrong = rng.choice("0123456789X".replace(code[17], ""))
        out.append(("id-check", code[:17] + wrong))
        p = rng.randrange(17)
        out.append(("id-substitute", code[:p] + rng.choice("0123456789".replace(code[p], ""))
                    + code[p + 1:]))
        p = rng.randrange(17)
        if code[p] != code[p + 1]:
            out.append(("id-transpose", code[:p] + code[p + 1] + code[p] + code[p + 2:]))
    for address in rng.sample(loc_codes, 300):
        for date in ["19900230", "19901301", "19900100", "20010229", "19000229"]:
            body = address + date + "%03d" % rng.randrange(1000)
            out.append(("id-bad-date", body + id_check(body)))
    bad_hainan = [c for c in ("4600%02d" % n for n in range(100))
                  if c not in HAINAN_CURRENT + HAINAN_RETIRED]
    bad_hainan += ["460999", "469099", "460500", "460109", "469004", "460399", "469000"]
    for code in bad_hainan:
        valid(code, "id-bad-hainan")
    for prefix in ["00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66",
                   "70", "72", "80", "84", "90", "99"]:
        for _ in range(20):
            valid(prefix + "%04d" % rng.randrange(10000), "id-bad-province")
    for code in ["810101", "820101", "830100", "839999"]:
        valid(code, "id-bad-permit")
    for code in ["119999", "449999", "320199", "650999"]:
        valid(code, "id-outside-hainan-unknown")
    for code in made[:600]:
        if code.endswith("X"):
            out.append(("id-lower-x", code[:17] + "x"))
        out.append(("id-separators", with_separators(code, rng, [" ", "-"])))
        out.append(("id-fullwidth-digits", fullwidth(code[:17], rng)[0] + code[17]))
        if code.endswith("X"):
            out.append(("id-fullwidth-x", code[:17] + "\uFF38"))
    for _ in range(200):
        address = rng.choice(loc_codes)
        birth = random_birth(rng, datetime.date(1900, 1, 1), datetime.date(1999, 12, 31))
        out.append(("id-legacy15", address + birth.strftime("%y%m%d") + "%03d" % rng.randrange(1000)))
    return out


def stdnum_verdict(kind, text):
    module = uscc if kind == "uscc" else ric
    if module.is_valid(text):
        return "valid", module.compact(text)
    return "invalid", None


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: stdnum_codes.py CODE_VERDICTS [--verbose]")
    verbose = "--verbose" in sys.argv
    rng = random.Random(32100)
    loc_codes = stdnum_loc_codes()
    cases = [("uscc", tag, text) for tag, text in uscc_candidates(rng, loc_codes)]
    cases += [("id", tag, text) for tag, text in id_candidates(rng, loc_codes)]
    lines = "".join(f"{kind} {text}\n" for kind, _, text in cases)
    run = subprocess.run([sys.argv[1], TODAY.isoformat()], input=lines, capture_output=True,
                         text=True, check=True)
    verdicts = run.stdout.splitlines()
    assert len(verdicts) == len(cases), (len(verdicts), len(cases))

    failures, used, counts, failed_tags = [], set(), {}, {}
    for (kind, tag, text), verdict in zip(cases, verdicts):
        counts[tag] = counts.get(tag, 0) + 1
        ours = "ok" if verdict.startswith("ok ") else verdict
        theirs, their_form = stdnum_verdict(kind, text)
        if (ours == "ok") == (theirs == "valid"):
            if ours == "ok" and verdict[3:] != their_form:
                failures.append(f"{tag}: {text!r}: numreg stores {verdict[3:]}, stdnum {their_form}")
            continue
        key = (tag, ours, theirs)
        if key in DISAGREEMENTS:
            used.add(key)
            continue
        failures.append(f"{tag}: {text!r}: numreg {verdict}, stdnum {theirs}")
        failed_tags[key] = failed_tags.get(key, 0) + 1
    for key in DISAGREEMENTS:
        if key not in used:
            failures.append(f"listed disagreement never seen: {key}")
    print(f"{len(cases)} candidates, {len(used)} listed disagreements seen, "
          f"{len(failures)} failures")
    if verbose:
        for tag in sorted(counts):
            print(f"  {tag}: {counts[tag]}")
    for key, count in sorted(failed_tags.items()):
        print(f"unlisted disagreement {key}: {count} candidates")
    for failure in failures[:40]:
        print("FAIL", failure)
    if len(failures) > 40:
        print(f"... and {len(failures) - 40} more")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
