"""Real-shaped Hainan data: USCCs (GB 32100), resident IDs (GB 11643), numbers.

Used by bench/generate.py and to make fixtures/; every code it makes passes
the check-character algorithms numreg applies.
"""
import random

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

REGIONS = {"460100": "海口市", "460200": "三亚市", "460400": "儋州市", "469007": "东方市"}


def org_code(rng):
    """A GB 11714 organisation code: 8 characters and its check character."""
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(body, ORG_WEIGHTS))
    c = 11 - s % 11
    return body + ("0" if c == 11 else "X" if c == 10 else str(c))


def uscc(region, rng, kind="91"):
    """A USCC with a correct GB 32100 check character."""
    first17 = kind + region + org_code(rng)
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_CHARS[(31 - s % 31) % 31]


def resident_id(region, year, month, day, seq):
    """A GB 11643 resident ID number with its check character."""
    first17 = f"{region}{year:04}{month:02}{day:02}{seq:03}"
    s = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS))
    return first17 + "10X98765432"[s % 11]


def fixed_line(rng):
    """A Hainan fixed-line number written the way clerks write it."""
    return f"0898-{rng.randint(2, 8)}{rng.randint(0, 9999999):07}"
