"""A province's mix of holders, resources and leases, for the benchmarks.

At scale 1.0: 50,000 holders; 813,000 resources (301,000 trunks, 250,000
dedicated lines, 249,000 400 numbers, 4,000 95 numbers, 9,000 96 numbers);
854,000 leases: every resource leased once, and 41,000 of them leased
before to another holder (that lease ended). Trunk leases permit one to
four caller ranges (single numbers, tens and hundreds, written as clerks
write them), lines and numbers none. Regions, kinds, purposes, dates and
statuses follow a province's shape: Haikou and Sanya hold most, Danzhou and
Dongfang their share; some leases ended, some past their end still active,
some never verified on site. Every USCC, resident ID and number is valid.

Written as holders.csv, resources.csv and leases.csv; the same seed and
scale give the same bytes.
"""
import csv
import os
import random

import realdata

# County-level regions with their share of holders and the first two digits
# of their 8-digit 0898 subscriber numbers.
REGIONS = [
    ("460105", "海口市秀英区", 8, ["65", "68"]),
    ("460106", "海口市龙华区", 9, ["66", "67"]),
    ("460107", "海口市琼山区", 6, ["65", "69"]),
    ("460108", "海口市美兰区", 8, ["65", "66", "69"]),
    ("460202", "三亚市海棠区", 3, ["88"]),
    ("460203", "三亚市吉阳区", 6, ["88", "38"]),
    ("460204", "三亚市天涯区", 5, ["88", "31"]),
    ("460205", "三亚市崖州区", 2, ["88"]),
    ("460400", "儋州市", 9, ["23", "33"]),
    ("469001", "五指山市", 1, ["86"]),
    ("469002", "琼海市", 5, ["62"]),
    ("469005", "文昌市", 5, ["63"]),
    ("469006", "万宁市", 4, ["62"]),
    ("469007", "东方市", 4, ["25", "36"]),
    ("469021", "定安县", 2, ["63"]),
    ("469022", "屯昌县", 2, ["67"]),
    ("469023", "澄迈县", 4, ["67"]),
    ("469024", "临高县", 2, ["28"]),
    ("469025", "白沙黎族自治县", 1, ["27"]),
    ("469026", "昌江黎族自治县", 2, ["26"]),
    ("469027", "乐东黎族自治县", 2, ["85"]),
    ("469028", "陵水黎族自治县", 3, ["83"]),
    ("469029", "保亭黎族苗族自治县", 1, ["83"]),
    ("469030", "琼中黎族苗族自治县", 1, ["86"]),
]
CARRIERS = ["中国电信海南分公司", "中国联通海南分公司", "中国移动海南分公司"]
# Holder kinds with their USCC registration-authority code and share.
HOLDER_KINDS = [("enterprise", "91", 84), ("call_centre", "91", 10), ("government", "11", 6)]
PURPOSES = [("customer_service", 40), ("marketing", 20), ("notification", 20), ("internal", 15),
            ("other", 5)]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林符邢云吉"
WORDS = ["椰风", "南海", "琼州", "鹿城", "椰城", "海韵", "天涯", "五指", "万泉", "昌化", "东坡", "洋浦"]
TRADES = ["科技", "通信", "信息服务", "电子商务", "物流", "旅游", "房地产", "教育咨询", "保险代理"]


def weighted(rng, items, weight_index):
    return rng.choices(items, weights=[i[weight_index] for i in items])[0]


class NumberPlan:
    """Hands out disjoint caller ranges in each region's subscriber blocks
    (regions that share a block's first two digits share its cursor)."""

    def __init__(self):
        self.prefixes = {code: prefixes for code, _, _, prefixes in REGIONS}
        self.cursor = {p: 0 for _, _, _, prefixes in REGIONS for p in prefixes}
        self.turn = 0

    def take(self, region, size):
        prefixes = self.prefixes[region]
        prefix = prefixes[self.turn % len(prefixes)]
        self.turn += 1
        at = self.cursor[prefix]
        at += -at % size  # ranges start on a multiple of their size
        if at + size > 1_000_000:
            at = 0  # the block is full: start again (R008 findings follow)
        self.cursor[prefix] = at + size
        return f"{prefix}{at:06}", f"{prefix}{at + size - 1:06}"


def written(subscriber, rng):
    """A Hainan fixed-line number in one of the forms clerks write."""
    form = rng.randrange(4)
    if form == 0:
        return f"0898-{subscriber[:4]} {subscriber[4:]}"
    if form == 1:
        return f"0898{subscriber}"
    if form == 2:
        return f"+86 898 {subscriber[:4]} {subscriber[4:]}"
    return f"(0898) {subscriber}"


def caller_ranges(rng, region, plan, numbers):
    """One to four permitted caller ranges of a trunk lease."""
    out = []
    for _ in range(rng.choices([1, 2, 3, 4], weights=[40, 30, 20, 10])[0]):
        if numbers and rng.random() < 0.15:
            number = numbers[rng.randrange(len(numbers))]
            if number not in out:
                out.append(number)
            continue
        size = rng.choices([1, 10, 100], weights=[50, 30, 20])[0]
        first, last = plan.take(region, size)
        if size == 1:
            out.append(written(first, rng))
        else:
            out.append(f"{written(first, rng)}..{written(last, rng)}")
    return ";".join(out)


def day(rng, first_year, last_year):
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"


def service_numbers(rng, n400, n95, n96):
    """Distinct 400, 95 and 96 numbers, as many as the plan allows."""
    n400s = [f"400{x:07}" for x in rng.sample(range(10_000_000), n400)]
    all95 = [f"95{x:03}" for x in range(1000)] + [f"{b}{x:03}" for b in ("952", "954", "956")
                                                  for x in range(1000)]
    all96 = [f"96{x:03}" for x in range(1000)] + [f"96{x:04}" for x in range(10000)]
    return n400s, rng.sample(all95, min(n95, len(all95))), rng.sample(all96, min(n96, len(all96)))


def generate(scale, seed, out):
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    n_holders = max(20, round(50_000 * scale))
    counts = {k: max(1, round(v * scale)) for k, v in
              {"trunk": 301_000, "line": 250_000, "n400": 249_000, "n95": 4_000,
               "n96": 9_000}.items()}
    n_releases = round(41_000 * scale)

    holders = []  # (uscc, region, kind)
    with open(os.path.join(out, "holders.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["uscc", "name", "kind", "region", "address", "legal_rep", "legal_rep_id",
                    "contact", "credit_status"])
        seen = set()
        while len(holders) < n_holders:
            region, place, _, prefixes = weighted(rng, REGIONS, 2)
            kind, authority, _ = weighted(rng, HOLDER_KINDS, 2)
            code = realdata.uscc(region, rng, authority)
            if code in seen:
                continue
            seen.add(code)
            holders.append((code, region, kind))
            rid = realdata.resident_id(region, rng.randint(1955, 2000), rng.randint(1, 12),
                                       rng.randint(1, 28), rng.randint(0, 999))
            name = (f"海南{rng.choice(WORDS)}{rng.choice(TRADES)}有限公司{len(holders)}部"
                    if kind != "government" else f"{place}{rng.choice(TRADES)}服务中心{len(holders)}")
            credit = rng.choices(["good", "warned", "blacklisted"], weights=[96, 3, 1])[0]
            w.writerow([code, name, kind, region, f"{place}{rng.choice(WORDS)}路 {rng.randint(1, 300)} 号",
                        rng.choice(SURNAMES) + rng.choice(WORDS)[:1], rid,
                        f"0898-{rng.choice(prefixes)}{rng.randint(0, 999999):06}", credit])

    n400s, n95s, n96s = service_numbers(rng, counts["n400"], counts["n95"], counts["n96"])
    resources = []  # (id, kind, carrier, region)
    with open(os.path.join(out, "resources.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "kind", "carrier", "region", "capacity", "international"])
        for kind, ids in (("trunk", None), ("line", None), ("n400", n400s), ("n95", n95s),
                          ("n96", n96s)):
            n = counts[kind] if ids is None else len(ids)
            for i in range(n):
                region = weighted(rng, REGIONS, 2)[0]
                carrier = rng.choice(CARRIERS)
                if kind == "trunk":
                    rid, capacity = f"TRK-{region}-{i:07}", rng.choice([30, 60, 120, 240])
                elif kind == "line":
                    rid, capacity = f"ZX-{region}-{i:07}", rng.choice([20, 50, 100, 1000])
                else:
                    rid, capacity = ids[i], ""
                international = "true" if kind == "trunk" and rng.random() < 0.001 else ""
                w.writerow([rid, kind, carrier, region, capacity, international])
                resources.append((rid, kind, carrier, region))

    # Numbers a holder may present on its trunks: the 400/95/96 numbers leased
    # to it (filled as the number leases are written, before the trunks').
    numbers_of = {}
    order = sorted(range(len(resources)), key=lambda i: resources[i][1] == "trunk")
    released = set(rng.sample(range(len(resources)), min(n_releases, len(resources))))
    plan = NumberPlan()
    lease_no = 0
    with open(os.path.join(out, "leases.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "resource", "holder", "carrier", "location", "region", "purpose", "start",
                    "end", "status", "contract", "verified_on", "permitted_callers"])
        for i in order:
            rid, kind, carrier, region = resources[i]
            place = next(p for c, p, _, _ in REGIONS if c == region)
            terms = []
            if i in released:  # an earlier holder's lease, ended
                start, end = day(rng, 2012, 2017), day(rng, 2018, 2020)
                terms.append((rng.randrange(len(holders)), start, end, "ended"))
            start = day(rng, 2021, 2026) if terms else day(rng, 2012, 2026)
            ending = rng.random()
            if ending < 0.10:
                terms.append((rng.randrange(len(holders)), start, day(rng, 2027, 2030), "active"))
            elif ending < 0.13:  # past its end, still marked active (R011)
                terms.append((rng.randrange(len(holders)), start, "2026-01-31", "active"))
            elif ending < 0.16:
                terms.append((rng.randrange(len(holders)), start, "", "suspended"))
            else:
                terms.append((rng.randrange(len(holders)), start, "", "active"))
            for holder_index, start, end, status in terms:
                holder, holder_region, holder_kind = holders[holder_index]
                purpose = weighted(rng, PURPOSES, 1)[0]
                if kind in ("n400", "n95", "n96"):
                    numbers_of.setdefault(holder, []).append(rid)
                permitted = (caller_ranges(rng, holder_region, plan, numbers_of.get(holder))
                             if kind == "trunk" else "")
                verified = day(rng, 2024, 2026) if rng.random() < 0.7 else ""
                location = (f"{place}{rng.choice(WORDS)}大道 {rng.randint(1, 500)} 号"
                            if rng.random() < 0.98 else "")
                w.writerow([f"L-{lease_no:08}", rid, holder, carrier, location, region, purpose,
                            start if end == "" or start < end else end, end, status,
                            f"HT-{lease_no:08}", verified, permitted])
                lease_no += 1
