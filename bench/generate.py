#!/usr/bin/env python3
"""Generate real-shaped import data for the benchmark, reproducibly.

    bench/generate.py --leases 100000 --seed 1 --out /tmp/numreg-bench

writes holders.csv (valid USCCs, Hainan regions, resident IDs), resources.csv
(one trunk per lease) and leases.csv (each lease with one permitted caller
range inside a Hainan number block, written as clerks write it).

    bench/generate.py --mix province --scale 1.0 --seed 1 --out /tmp/numreg-province

writes a province's mix instead (see province.py): at scale 1.0, 50,000
holders, about 813,000 resources (trunks, lines, 400, 95 and 96 numbers) and
854,000 leases (trunks with one to four permitted caller ranges, lines and
numbers with none), over every Hainan region, in the same three files.
"""
import argparse
import csv
import os
import random

import province
import realdata

REGIONS = ["460400", "469007", "460100", "460200"]
PREFIX = {"460400": "23", "469007": "25", "460100": "66", "460200": "88"}
CARRIERS = ["中国电信海南分公司", "中国联通海南分公司", "中国移动海南分公司"]
PURPOSES = ["customer_service", "marketing", "notification", "internal", "other"]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--leases", type=int, default=100000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", default="bench-data")
    p.add_argument("--mix", choices=["trunks", "province"], default="trunks",
                   help="trunks: one trunk and one permit range a lease (default); "
                        "province: a province's mix of holders, resources and leases")
    p.add_argument("--scale", type=float, default=1.0,
                   help="with --mix province: 1.0 is 50,000 holders and 854,000 leases")
    a = p.parse_args()
    if a.mix == "province":
        province.generate(a.scale, a.seed, a.out)
        return
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    n_holders = max(10, a.leases // 50)
    holders = []
    with open(os.path.join(a.out, "holders.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["uscc", "name", "kind", "region", "address", "legal_rep", "legal_rep_id", "contact"])
        seen = set()
        while len(holders) < n_holders:
            region = rng.choice(REGIONS)
            code = realdata.uscc(region, rng)
            if code in seen:
                continue
            seen.add(code)
            holders.append((code, region))
            rid = realdata.resident_id(region, rng.randint(1960, 1999), rng.randint(1, 12),
                                       rng.randint(1, 28), rng.randint(0, 999))
            w.writerow([code, f"海南测试{len(holders)}号通信服务有限公司", "enterprise", region,
                        f"{realdata.REGIONS[region]}测试路 {rng.randint(1, 300)} 号", "王测试", rid,
                        f"0898-{PREFIX[region]}{rng.randint(0, 999999):06}"])
    with open(os.path.join(a.out, "resources.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "kind", "carrier", "region", "capacity"])
        for i in range(a.leases):
            w.writerow([f"T-{i:07}", "trunk", rng.choice(CARRIERS), rng.choice(REGIONS), 30])
    with open(os.path.join(a.out, "leases.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "resource", "holder", "carrier", "location", "region", "purpose", "start",
                    "status", "contract", "verified_on", "permitted_callers"])
        for i in range(a.leases):
            holder, region = holders[rng.randrange(len(holders))]
            block = f"{PREFIX[region]}{i % 10000:04}"  # a 100-number range per lease
            first, last = f"0898-{block[:4]} {block[4:]}00", f"0898-{block[:4]} {block[4:]}99"
            y = rng.randint(2015, 2025)
            w.writerow([f"L-{i:07}", f"T-{i:07}", holder, rng.choice(CARRIERS),
                        f"{realdata.REGIONS[region]}测试路 {rng.randint(1, 300)} 号", region,
                        rng.choice(PURPOSES), f"{y}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
                        "active", f"HT-{i:07}", f"{rng.randint(2025, 2026)}-0{rng.randint(1, 9)}-15",
                        f"{first}..{last}"])


if __name__ == "__main__":
    main()
