#!/usr/bin/env python3
"""A plain validated import in Python: csv and sqlite3, one transaction.

    python_import.py REGISTRY.db leases.csv

Checks what numreg checks of a lease row (required fields, dates, purpose,
status, region, the holder and resource exist, caller ranges canonical and
ordered) and inserts leases and permits; no journal.
"""
import csv
import datetime
import re
import sqlite3
import sys

PURPOSES = {"customer_service", "marketing", "notification", "internal", "other"}
STATUSES = {"active", "suspended", "ended"}
NUMBER = re.compile(r"^(?:\+86|0086|0)(898\d{8})$")


def number(text):
    m = NUMBER.match(re.sub(r"[\s\-().]", "", text))
    if not m:
        raise ValueError(f"cannot read {text!r} as a telephone number")
    canonical = "+86" + m.group(1)
    return canonical, (len(canonical) - 1 + 20) * 10**15 + int(canonical[1:])


def main():
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA cache_size=-131072")
    db.execute("BEGIN IMMEDIATE")
    errors = 0
    rows = 0
    with open(sys.argv[2], newline="", encoding="utf-8-sig") as f:
        for line, row in enumerate(csv.DictReader(f), 2):
            try:
                for field in ("id", "resource", "holder", "purpose", "start"):
                    if not row[field]:
                        raise ValueError(f"{field} is required")
                datetime.date.fromisoformat(row["start"])
                if row["verified_on"]:
                    datetime.date.fromisoformat(row["verified_on"])
                if row["purpose"] not in PURPOSES or row["status"] not in STATUSES:
                    raise ValueError("bad purpose or status")
                if not re.fullmatch(r"46\d{4}", row["region"]):
                    raise ValueError("bad region")
                ranges = []
                for item in filter(None, row["permitted_callers"].split(";")):
                    first, _, last = item.partition("..")
                    a, ka = number(first)
                    b, kb = number(last or first)
                    if kb < ka:
                        raise ValueError("range order")
                    ranges.append((a, b, ka, kb))
                db.execute("INSERT INTO leases (id, resource, holder, carrier, location, region, "
                           "purpose, start, status, contract, verified_on) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                           (row["id"], row["resource"], row["holder"], row["carrier"],
                            row["location"], row["region"], row["purpose"], row["start"],
                            row["status"], row["contract"], row["verified_on"] or None))
                for a, b, ka, kb in ranges:
                    db.execute("INSERT INTO permits (lease, first, last, first_key, last_key, "
                               "span_class) VALUES (?,?,?,?,?,?)",
                               (row["id"], a, b, ka, kb, (kb - ka).bit_length()))
                rows += 1
            except (ValueError, sqlite3.IntegrityError) as e:
                errors += 1
                print(f"{sys.argv[2]}:{line}: {e}", file=sys.stderr)
    if errors:
        db.execute("ROLLBACK")
        sys.exit(65)
    db.execute("COMMIT")
    print(rows)


if __name__ == "__main__":
    main()
