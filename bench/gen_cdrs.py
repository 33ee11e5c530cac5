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
import random
import sys

import cdr_day

records, leases, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
rand = rng.random
randrange = rng.randrange


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


def pick():
    i = usable_trunk()
    return f"TRK-{i:07d}", permitted(i)


def call(_):
    if rand() < 0.02:
        trunk, caller = bad_call()
    elif rand() < 0.001:
        j = (randrange(max(leases // 1000, 1)) * 1000 + 999) % leases
        trunk, caller = f"TRK-{j:07d}", f"+4420{randrange(100000000):08d}"
    else:
        trunk, caller = pick()
    answered = rand() < 0.7
    return trunk, caller, callee(), randrange(1, 30), randrange(1, 600) if answered else 0


cdr_day.write(sys.stdout, records, cdr_day.plant(records, pick, callee, randrange), call)
