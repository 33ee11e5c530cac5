#!/usr/bin/env python3
"""Write a seeded day (2026-11-28) of call records for the screening bench,
against the registry of make_registry.sh (LEASES leases):

    python3 bench/gen_cdrs.py RECORDS LEASES SEED > cdrs.csv

About 98% of the calls present a caller their trunk's lease permits; about
2% are bad: callers outside the permits, non-standard callers, unknown
trunks, trunks whose lease has ended, domestic callers on gateways. Some
callers make one-ring bursts (12 unanswered 1 s calls in 30 minutes) and some
pairs call bombing (25 calls in 50 minutes). Records come in time order.
"""
import heapq
import random
import sys

records, leases, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
rand = rng.random
randrange = rng.randrange
DAY = 86400
PREFIX = "2026-11-28T"


def stamp(t):
    return f"{PREFIX}{t // 3600:02}:{t // 60 % 60:02}:{t % 60:02}"


def usable_trunk():
    """A trunk with an active, non-international lease."""
    while True:
        i = randrange(leases)
        if i % 50 != 49 and i % 1000 != 999:
            return i


def permitted(i):
    return f"+86898{20000000 + 50 * i + randrange(50)}"


def callee():
    return f"139{randrange(100000000):08d}"


def bad_call():
    """(trunk, caller) of one bad call."""
    r = rand()
    i = usable_trunk()
    if r < 0.5:  # a caller outside the trunk's permits
        return f"TRK-{i:07d}", permitted((i + 1 + randrange(leases - 1)) % leases)
    if r < 0.75:  # non-standard
        return f"TRK-{i:07d}", rng.choice(["+8689812345", "12345678", "0898-123", "+86 12 345"])
    if r < 0.85:  # unknown trunk
        return f"TRK-X{randrange(1000000):06d}", permitted(i)
    if r < 0.95:  # lease ended
        j = (randrange(leases // 50) * 50 + 49) % leases
        return f"TRK-{j:07d}", permitted(j)
    j = (randrange(max(leases // 1000, 1)) * 1000 + 999) % leases  # domestic on a gateway
    return f"TRK-{j:07d}", f"+8613{randrange(1000000000):09d}"


def bursts():
    """Planted one-ring bursts and call bombing, as a time-ordered heap."""
    events = []
    for _ in range(max(records // 20000, 1)):
        i = usable_trunk()
        caller, start = permitted(i), randrange(DAY - 1800)
        for k in range(12):
            events.append((start + k * 150, f"TRK-{i:07d}", caller, callee(), 1, 0))
    for _ in range(max(records // 50000, 1)):
        i = usable_trunk()
        caller, target, start = permitted(i), callee(), randrange(DAY - 3000)
        for k in range(25):
            events.append((start + k * 120, f"TRK-{i:07d}", caller, target, 5, 20))
    heapq.heapify(events)
    return events


def main():
    out = sys.stdout
    out.write("time,trunk,caller,callee,ring_s,talk_s\n")
    planted = bursts()
    base = records - len(planted)
    chunk = []
    for n in range(base):
        t = n * DAY // base
        while planted and planted[0][0] <= t:
            e = heapq.heappop(planted)
            chunk.append(f"{stamp(e[0])},{e[1]},{e[2]},{e[3]},{e[4]},{e[5]}\n")
        if rand() < 0.02:
            trunk, caller = bad_call()
        elif rand() < 0.001:
            j = (randrange(max(leases // 1000, 1)) * 1000 + 999) % leases
            trunk, caller = f"TRK-{j:07d}", f"+4420{randrange(100000000):08d}"
        else:
            i = usable_trunk()
            trunk, caller = f"TRK-{i:07d}", permitted(i)
        answered = rand() < 0.7
        chunk.append(f"{stamp(t)},{trunk},{caller},{callee()},{randrange(1, 30)},"
                     f"{randrange(1, 600) if answered else 0}\n")
        if len(chunk) >= 10000:
            out.write("".join(chunk))
            chunk.clear()
    while planted:
        e = heapq.heappop(planted)
        chunk.append(f"{stamp(e[0])},{e[1]},{e[2]},{e[3]},{e[4]},{e[5]}\n")
    out.write("".join(chunk))


main()
