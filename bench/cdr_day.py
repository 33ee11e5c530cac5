"""What the screening bench's generators of call records (gen_cdrs.py,
gen_mix_cdrs.py) share: one day, 2026-11-28, of records in time order, with
one-ring bursts and call bombing planted among them."""
import heapq

DAY = 86400
PREFIX = "2026-11-28T"


def stamp(t):
    return f"{PREFIX}{t // 3600:02}:{t // 60 % 60:02}:{t % 60:02}"


def plant(records, pick, callee, randrange):
    """The planted calls of a day of `records` records, as a heap by time of
    (time, trunk, caller, callee, ring_s, talk_s): one-ring bursts (12
    unanswered 1 s calls in 30 minutes) and call bombing (25 calls to one
    callee in 50 minutes). pick() gives a (trunk, caller) whose calls are
    permitted, callee() a callee."""
    events = []
    for _ in range(max(records // 20000, 1)):
        trunk, caller = pick()
        start = randrange(DAY - 1800)
        for k in range(12):
            events.append((start + k * 150, trunk, caller, callee(), 1, 0))
    for _ in range(max(records // 50000, 1)):
        trunk, caller = pick()
        target, start = callee(), randrange(DAY - 3000)
        for k in range(25):
            events.append((start + k * 120, trunk, caller, target, 5, 20))
    heapq.heapify(events)
    return events


def write(out, records, planted, call):
    """Write the header and a day of `records` records: call(n) gives the
    n-th of the others as (trunk, caller, callee, ring_s, talk_s), spread
    evenly over the day; the planted calls go in among them by time."""
    def line(t, trunk, caller, callee, ring, talk):
        return f"{stamp(t)},{trunk},{caller},{callee},{ring},{talk}\n"

    out.write("time,trunk,caller,callee,ring_s,talk_s\n")
    base = records - len(planted)
    chunk = []
    for n in range(base):
        t = n * DAY // base
        while planted and planted[0][0] <= t:
            chunk.append(line(*heapq.heappop(planted)))
        chunk.append(line(t, *call(n)))
        if len(chunk) >= 10000:
            out.write("".join(chunk))
            chunk.clear()
    while planted:
        chunk.append(line(*heapq.heappop(planted)))
    out.write("".join(chunk))
