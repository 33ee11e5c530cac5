#!/usr/bin/env python3
"""Fail when numreg shows people text that has no Chinese translation, or
when a command's --help ends without examples.

Runs every step of every CLI case (tests/cli/cases/*.test) again with
NUMREG_LANG=zh, then `numreg`, `--help` of every command (found by reading
the English help's "Commands:" sections), and the audit, the lists and the
screening of the fixtures (fixtures/audit, fixtures/cdr), which show a
finding of every rule and every kind of table cell. NUMREG_I18N_CHECK=1 makes numreg
name each text it was asked to translate but could not ("numreg: untranslated:
TEXT"), so a message, header, help text or `say` line added without its
catalogue entry fails here; so does a finding's text, a word filling a
template ("lacks {@clauses}") or an enum value in a table cell ("active",
"n95") that the catalogue lacks. Text that bypasses translation altogether is
caught by a second check: in Chinese, every error line ("numreg: ..." or
"FILE:LINE:COL: error[CODE]: ...") and every help line with words must
contain Chinese.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_case  # noqa: E402

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
UNTRANSLATED = "numreg: untranslated: "


def base_env(tmp, numreg):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NUMREG_")}
    env.update({
        "NUMREG": numreg, "NUMREG_DB": os.path.join(tmp, "registry.db"),
        "NUMREG_NOW": "2026-11-29T09:30:00Z", "NUMREG_ACTOR": "clerk",
        "NUMREG_SOURCE_DIR": os.environ.get("NUMREG_SOURCE_DIR", ""),
        "HOME": tmp, "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_DATA_HOME": os.path.join(tmp, "data"), "LANG": "C", "LC_ALL": "C",
        "NO_COLOR": "1", "TZ": "Asia/Shanghai",
    })
    return env


def run(cmd, env, cwd, stdin=""):
    p = subprocess.run(cmd, input=stdin.encode(), capture_output=True, env=env, cwd=cwd,
                       timeout=120)
    err = p.stderr.decode(errors="replace")
    if p.returncode < 0 or p.returncode >= 128 or "terminate called" in err:
        err += f"\nnumreg: crashed: {' '.join(cmd)}: exit {p.returncode}"
    return p.stdout.decode(errors="replace"), err


def check_output(where, out, err, problems, help_text=False):
    for line in err.splitlines():
        if line.startswith(UNTRANSLATED):
            problems.add(f"untranslated: {line[len(UNTRANSLATED):]}")
        elif (line.startswith("numreg: ") or "error[" in line) and not CJK.search(line) \
                and not line.startswith("{"):
            problems.add(f"English error line ({where}): {line}")
    if help_text:
        for line in out.splitlines():
            words = re.sub(r"(numreg|--?[\w-]+|[A-Z_|]+\b|'[^']*')", "", line)
            if re.search(r"[a-z]{3,} [a-z]{3,}", words) and not CJK.search(line) \
                    and not line.strip().startswith("numreg "):
                problems.add(f"English help line ({where}): {line}")


def cases(numreg, case_files, problems):
    for case in case_files:
        with tempfile.TemporaryDirectory(prefix="numreg-i18n-") as tmp:
            env = base_env(tmp, numreg)
            env.update({"NUMREG_LANG": "zh", "NUMREG_I18N_CHECK": "1"})
            for step in run_case.parse(case):
                if step.kind == "$":
                    cmd = [numreg] + shlex.split(run_case.expand(step.text, env))
                else:
                    cmd = ["bash", "-c", step.text]
                stdin = "".join(l + "\n" for l in step.stdin)
                out, err = run(cmd, env, tmp, stdin)
                if "--lang en" in step.text:
                    continue  # a step that asks for English on purpose
                check_output(f"{os.path.basename(case)}:{step.line_no}", out, err, problems)


def fixtures(numreg, problems):
    """The audit fixture (a finding of every rule R001-R013) and the call-record
    fixture, shown in Chinese: every finding text, every enum value in a table
    cell and every screening rule's text must have its translation."""
    src = os.environ.get("NUMREG_SOURCE_DIR", "")
    with tempfile.TemporaryDirectory(prefix="numreg-i18n-") as tmp:
        env = base_env(tmp, numreg)
        zh = {**env, "NUMREG_LANG": "zh", "NUMREG_I18N_CHECK": "1"}
        for build, steps in (
                ("fixtures/audit/build.sh",
                 [["audit"], ["audit", "--sample", "5", "--seed", "1"], ["rules"],
                  ["holder", "list"], ["credential", "list"], ["resource", "list"],
                  ["lease", "list"], ["permit", "list"], ["campaign", "list"],
                  ["holder", "show", "91460000MA5T00010D"], ["resource", "show", "95105"],
                  ["lease", "show", "L-R011"], ["who", "0898-66120005"]]),
                ("fixtures/cdr/build.sh",
                 [["screen", os.path.join(src, "fixtures/cdr/day.csv")]])):
            db = os.path.join(tmp, os.path.basename(os.path.dirname(build)) + ".db")
            subprocess.run(["bash", os.path.join(src, build), numreg, db], env=env, cwd=tmp,
                           capture_output=True, check=True, timeout=300)
            for step in steps:
                out, err = run([numreg, "--db", db] + step, zh, tmp)
                if not CJK.search(out):
                    problems.add(f"no Chinese in the output of {build}: numreg {' '.join(step)}")
                check_output(f"{build}: numreg {' '.join(step)}", out, err, problems)


missing_examples = []


def command_paths(numreg, env, cwd):
    """Every command path, from the English help's Commands: sections."""
    paths, todo = [], [[]]
    while todo:
        path = todo.pop()
        paths.append(path)
        out, _ = run([numreg] + path + ["--help"], {**env, "NUMREG_LANG": "en"}, cwd)
        if path and "\nExamples:\n" not in out:
            missing_examples.append("numreg " + " ".join(path))
        section = out.split("\nCommands:\n", 1)
        if len(section) < 2:
            continue
        for line in section[1].split("\n\n", 1)[0].splitlines():
            m = re.match(r"  (\S+)", line)
            if m:
                todo.append(path + [m.group(1)])
    return paths


def helps(numreg, problems):
    with tempfile.TemporaryDirectory(prefix="numreg-i18n-") as tmp:
        env = base_env(tmp, numreg)
        env.update({"NUMREG_LANG": "zh", "NUMREG_I18N_CHECK": "1"})
        for path in command_paths(numreg, env, tmp):
            out, err = run([numreg] + path + ["--help"], env, tmp)
            check_output("numreg " + " ".join(path + ["--help"]), out, err, problems, True)
        out, err = run([numreg], env, tmp)
        check_output("numreg", out, err, problems, True)


def main():
    numreg = os.path.abspath(sys.argv[1])
    case_files = sorted(sys.argv[2:])
    problems = set()
    helps(numreg, problems)
    cases(numreg, case_files, problems)
    fixtures(numreg, problems)
    problems.update(f"no examples in the help of {c}" for c in missing_examples)
    for p in sorted(problems):
        print(p)
    print(f"i18n_coverage: {'FAILED, ' + str(len(problems)) + ' problems' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
