#!/usr/bin/env python3
"""Write a seeded day (2026-11-28) of call records against a registry of the
province mix (bench/province.py, imported), for the screening bench:

    python3 bench/gen_mix_cdrs.py REGISTRY RECORDS SEED > cdrs.csv

The trunks, their leases and permitted callers are read from the registry
(a SQLite file). Calls come from the trunks with a lease active that day:
one trunk in twenty is a busy call centre's and carries ten times the calls
of another. About 98% of the calls present a caller the trunk's lease
permits, written as switches write them (mostly "+86...", some national
"0898..." and some with spaces); about 2% are bad: callers outside the
permits, non-standard callers, trunks not in the registry, trunks whose
lease is not active that day, domestic callers on international gateways.
About 0.1% are foreign callers on gateways. Some callers make one-ring
bursts (12 unanswered 1 s calls in 30 minutes) and some pairs call bombing
(25 calls in 50 minutes). Records come in time order.
"""
import argparse
import os
import random
import sqlite3
import sys

import cdr_day

DATE = "2026-11-28"


def load(path):
    """(usable, idle, gateways): trunks whose lease is active on DATE with
    their permitted ranges as (first, last, plus): first and last the
    digits of the canonical numbers, plus whether these begin with "+"
    (400, 95 and 96 numbers do not); trunks with no lease active on DATE;
    international trunks."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    ranges, active, gateways = {}, set(), set()
    for resource, status, start, end, international, first, last in db.execute(
            """SELECT l.resource, l.status, l.start, l."end", r.international, p.first, p.last
               FROM leases AS l JOIN resources AS r ON r.id = l.resource
               LEFT JOIN permits AS p ON p.lease = l.id
               WHERE r.kind = 'trunk' ORDER BY l.resource, l.id, p.first"""):
        if international:
            gateways.add(resource)
            continue
        if status == "active" and start <= DATE and (end is None or end >= DATE):
            active.add(resource)
            if first is not None:
                plus = first.startswith("+")
                ranges.setdefault(resource, []).append(
                    (int(first.lstrip("+")), int(last.lstrip("+")), plus))
    idle = sorted({r for (r,) in db.execute("SELECT id FROM resources WHERE kind = 'trunk'")}
                  - active - gateways)
    usable = sorted(ranges.items())
    return usable, idle, sorted(gateways)


def main():
    parser = argparse.ArgumentParser(
        description="Write a seeded day of call records against a registry of the province mix.")
    parser.add_argument("registry", help="a SQLite registry (numreg import of bench/province.py)")
    parser.add_argument("records", type=int, help="how many records to write")
    parser.add_argument("seed", type=int, help="the random seed")
    args = parser.parse_args()
    registry, records, seed = args.registry, args.records, args.seed
    if not os.path.isfile(registry):
        parser.error(f"{registry}: no such registry file")
    if records < 1:
        parser.error(f"records: at least 1, not {records}")
    rng = random.Random(seed)
    rand, randrange = rng.random, rng.randrange
    try:
        usable, idle, gateways = load(registry)
    except sqlite3.Error as e:
        parser.error(f"{registry}: cannot read it as a numreg registry ({e})")
    if not usable or not idle or not gateways:
        sys.exit(f"{registry}: no trunks of every kind the bench needs (is it the province mix?)")
    weights, total = [], 0
    for _ in usable:
        total += 10 if rand() < 0.05 else 1
        weights.append(total)

    def written(digits, plus):
        r = rand()
        text = str(digits)
        if not plus:
            return text
        if r < 0.85 or not text.startswith("86898"):
            return "+" + text
        if r < 0.97:
            return "0" + text[2:]
        return f"+86 898 {text[5:9]} {text[9:]}"

    def permitted(ranges):
        first, last, plus = ranges[randrange(len(ranges))]
        return written(first + randrange(last - first + 1), plus)

    def callee():
        return f"139{randrange(100000000):08d}"

    def bad_call(trunk, ranges):
        r = rand()
        if r < 0.5:  # a caller outside the trunk's permits
            return trunk, permitted(usable[randrange(len(usable))][1])
        if r < 0.75:  # non-standard
            return trunk, rng.choice(["+8689812345", "12345678", "0898-123", "+86 12 345"])
        if r < 0.85:  # a trunk not in the registry
            return f"TRK-X{randrange(1000000):06d}", permitted(ranges)
        if r < 0.95:  # no lease active that day
            return idle[randrange(len(idle))], permitted(ranges)
        return gateways[randrange(len(gateways))], f"+8613{randrange(1000000000):09d}"

    def pick():
        trunk, ranges = usable[randrange(len(usable))]
        return trunk, permitted(ranges)

    planted = cdr_day.plant(records, pick, callee, randrange)
    others = records - len(planted)
    picks = []

    def call(n):
        # Trunks are drawn ten thousand at a time (weighted by their calls).
        if n % 10000 == 0:
            picks[:] = rng.choices(usable, cum_weights=weights,
                                   k=min(10000, others - n))
        trunk, ranges = picks[n % 10000]
        if rand() < 0.02:
            trunk, caller = bad_call(trunk, ranges)
        elif rand() < 0.001:
            trunk = gateways[randrange(len(gateways))]
            caller = f"+4420{randrange(100000000):08d}"
        else:
            caller = permitted(ranges)
        answered = rand() < 0.7
        return trunk, caller, callee(), randrange(1, 30), randrange(1, 600) if answered else 0

    cdr_day.write(sys.stdout, records, planted, call)


main()
