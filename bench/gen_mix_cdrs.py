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
import heapq
import random
import sqlite3
import sys

DAY = 86400
DATE = "2026-11-28"
PREFIX = DATE + "T"


def stamp(t):
    return f"{PREFIX}{t // 3600:02}:{t // 60 % 60:02}:{t % 60:02}"


def load(path):
    """(usable, idle, gateways): trunks whose lease is active on DATE with
    their permitted ranges as (first, last, international) with first and
    last the digits of the canonical numbers (400, 95 and 96 numbers are
    written without "+86"); trunks with no lease active on DATE;
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
    registry, records, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    rand, randrange = rng.random, rng.randrange
    usable, idle, gateways = load(registry)
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

    planted = []
    for _ in range(max(records // 20000, 1)):
        trunk, ranges = usable[randrange(len(usable))]
        caller, start = permitted(ranges), randrange(DAY - 1800)
        for k in range(12):
            planted.append((start + k * 150, trunk, caller, callee(), 1, 0))
    for _ in range(max(records // 50000, 1)):
        trunk, ranges = usable[randrange(len(usable))]
        caller, target, start = permitted(ranges), callee(), randrange(DAY - 3000)
        for k in range(25):
            planted.append((start + k * 120, trunk, caller, target, 5, 20))
    heapq.heapify(planted)

    out = sys.stdout
    out.write("time,trunk,caller,callee,ring_s,talk_s\n")
    base = records - len(planted)
    chunk = []
    for at in range(0, base, 10000):
        picks = rng.choices(usable, cum_weights=weights, k=min(10000, base - at))
        for n, (trunk, ranges) in enumerate(picks, at):
            t = n * DAY // base
            while planted and planted[0][0] <= t:
                e = heapq.heappop(planted)
                chunk.append(f"{stamp(e[0])},{e[1]},{e[2]},{e[3]},{e[4]},{e[5]}\n")
            if rand() < 0.02:
                trunk, caller = bad_call(trunk, ranges)
            elif rand() < 0.001:
                trunk = gateways[randrange(len(gateways))]
                caller = f"+4420{randrange(100000000):08d}"
            else:
                caller = permitted(ranges)
            answered = rand() < 0.7
            chunk.append(f"{stamp(t)},{trunk},{caller},{callee()},{randrange(1, 30)},"
                         f"{randrange(1, 600) if answered else 0}\n")
        out.write("".join(chunk))
        chunk.clear()
    while planted:
        e = heapq.heappop(planted)
        chunk.append(f"{stamp(e[0])},{e[1]},{e[2]},{e[3]},{e[4]},{e[5]}\n")
    out.write("".join(chunk))


main()
