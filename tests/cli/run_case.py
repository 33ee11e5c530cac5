#!/usr/bin/env python3
"""Run one numreg CLI case file against the built binary.

A case file is a list of steps, each a command followed by what it must do:

    # comment
    $ holder add --uscc 91460400MA5TDR015T ...   numreg with these arguments
    ! sqlite3 "$NUMREG_DB" "update ..."          a shell command ($NUMREG is the binary)
    < a line of standard input
    > an expected line of standard output
    2> an expected line of standard error
    ? 65                                          the expected exit code (default 0)

Output is compared exactly, line by line; a step without '>' lines must
print nothing on stdout, and likewise for '2>'. A '>~ ' or '2>~ ' line is a
regular expression the line must match in full. Each case runs in a fresh
directory with NUMREG_DB, a fixed clock (NUMREG_NOW) and actor, and LANG=C.

With --pg, NUMREG_DB is a fresh database of the PostgreSQL cluster whose URI
NUMREG_TEST_PG holds (dropped afterwards), reached as the login role "clerk",
which owns it; without NUMREG_TEST_PG the case is skipped (exit 77).
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile


class Step:
    def __init__(self, line_no, kind, text):
        self.line_no, self.kind, self.text = line_no, kind, text
        self.stdin, self.stdout, self.stderr, self.exit = [], [], [], 0


def parse(path):
    steps = []
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            tag, _, rest = line.partition(" ")
            if tag in ("$", "!"):
                steps.append(Step(no, tag, rest))
            elif not steps:
                sys.exit(f"{path}:{no}: expected a '$' or '!' step first")
            elif tag == "<":
                steps[-1].stdin.append(rest)
            elif tag in (">", ">~"):
                steps[-1].stdout.append((tag == ">~", rest))
            elif tag in ("2>", "2>~"):
                steps[-1].stderr.append((tag == "2>~", rest))
            elif tag == "?":
                steps[-1].exit = int(rest)
            elif line in (">", "2>"):
                (steps[-1].stdout if line == ">" else steps[-1].stderr).append((False, ""))
            else:
                sys.exit(f"{path}:{no}: unknown line: {line}")
    return steps


def expand(text, env):
    """Replace ${NAME} by the case's environment variable NAME."""
    return re.sub(r"\$\{(\w+)\}", lambda m: env.get(m.group(1), m.group(0)), text)


def compare(what, expected, actual):
    lines = actual.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    problems = []
    for i in range(max(len(expected), len(lines))):
        want = expected[i] if i < len(expected) else None
        got = lines[i] if i < len(lines) else None
        if want is None:
            problems.append(f"  {what} line {i + 1}: unexpected: {got!r}")
        elif got is None:
            problems.append(f"  {what} line {i + 1}: missing: {want[1]!r}")
        elif want[0] and not re.fullmatch(want[1], got):
            problems.append(f"  {what} line {i + 1}: {got!r} does not match /{want[1]}/")
        elif not want[0] and want[1] != got:
            problems.append(f"  {what} line {i + 1}:\n    expected {want[1]!r}\n    actual   {got!r}")
    return problems


def pg_database(case):
    """A fresh database for `case` on the test cluster: its URI and its name."""
    base = os.environ.get("NUMREG_TEST_PG", "")
    if not base:
        print("skipped: no PostgreSQL cluster (set NUMREG_TEST_PG, as `make test` does)")
        sys.exit(77)
    name = "case_%s_%d" % (re.sub(r"\W", "_", os.path.basename(case).split(".")[0]), os.getpid())
    # The database belongs to the login role "clerk", the cases' actor: a
    # PostgreSQL registry's journal names its database user.
    psql(base, "DO $$ BEGIN CREATE ROLE clerk LOGIN; EXCEPTION WHEN duplicate_object OR "
         "unique_violation THEN NULL; END $$",
         "DROP DATABASE IF EXISTS %s" % name, "CREATE DATABASE %s OWNER clerk" % name)
    uri = re.sub(r"^(postgres(?:ql)?://[^/]*/)[^?]*", lambda m: m.group(1) + name, base)
    return uri + ("&" if "?" in uri else "?") + "user=clerk", name


def psql(uri, *commands):
    args = ["psql", uri, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", "SET client_min_messages = warning"]
    for c in commands:
        args += ["-c", c]
    subprocess.run(args, check=True, capture_output=True)


def main():
    args = [a for a in sys.argv[1:] if a != "--pg"]
    numreg, case = os.path.abspath(args[0]), args[1]
    pg = pg_database(case) if "--pg" in sys.argv[1:] else None
    try:
        return run(numreg, case, pg[0] if pg else None)
    finally:
        if pg:
            psql(os.environ["NUMREG_TEST_PG"], "DROP DATABASE IF EXISTS %s WITH (FORCE)" % pg[1])


def run(numreg, case, pg_uri):
    failures = 0
    with tempfile.TemporaryDirectory(prefix="numreg-case-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NUMREG_")}
        env.update({
            "NUMREG": numreg, "NUMREG_DB": pg_uri or os.path.join(tmp, "registry.db"),
            "NUMREG_NOW": "2026-11-29T09:30:00Z", "NUMREG_ACTOR": "clerk",
            "NUMREG_SOURCE_DIR": os.environ.get("NUMREG_SOURCE_DIR", ""),
            "HOME": tmp, "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
            "XDG_DATA_HOME": os.path.join(tmp, "data"), "LANG": "C", "LC_ALL": "C",
            "NO_COLOR": "1", "TZ": "Asia/Shanghai",
        })
        for step in parse(case):
            if step.kind == "$":
                cmd = [numreg] + shlex.split(expand(step.text, env))
            else:
                cmd = ["bash", "-c", step.text]
            stdin = "".join(l + "\n" for l in step.stdin)
            p = subprocess.run(cmd, input=stdin.encode(), capture_output=True, env=env, cwd=tmp,
                               timeout=120)
            out, err = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
            want_out = [(rx, expand(t, env)) for rx, t in step.stdout]
            want_err = [(rx, expand(t, env)) for rx, t in step.stderr]
            problems = compare("stdout", want_out, out) + compare("stderr", want_err, err)
            if p.returncode != step.exit:
                problems.append(f"  exit code {p.returncode}, expected {step.exit}")
            if problems:
                failures += 1
                print(f"{case}:{step.line_no}: {step.kind} {step.text}")
                print("\n".join(problems))
    print(f"{os.path.basename(case)}: {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
