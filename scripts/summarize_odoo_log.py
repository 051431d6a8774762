"""Count passed, skipped and failed tests in an Odoo test run's log.

Prints "PASSED SKIPPED FAILED" on stdout and the reasons on stderr. A run that
never reached Odoo's test report (an install error, a crash) counts as a failure,
and so do errors logged outside any test.
"""

import re
import sys

REPORT = re.compile(
    r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database"
)
RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) \S+ (\S+): (.*)")
SKIP = re.compile(r": skipped ")
FAIL_MARK = re.compile(r"^(FAIL|ERROR): ")


def main(path):
    report = None
    skipped = 0
    stray_errors = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            found = REPORT.search(line)
            if found:
                report = tuple(int(n) for n in found.groups())
                continue
            record = RECORD.match(line)
            if not record:
                continue
            level, logger, message = record.groups()
            if SKIP.search(line) and ".tests" in logger:
                skipped += 1
                sys.stderr.write(f"skipped: {message}\n")
            elif (
                level in ("ERROR", "CRITICAL")
                and ".tests" not in logger
                and not FAIL_MARK.match(message)
            ):
                stray_errors.append(message)
    if report is None:
        sys.stderr.write(
            f"Odoo did not report test results (install error or crash?): {path}\n"
        )
        print(0, skipped, 1)
        return
    failures, errors, ran = report
    failed = failures + errors
    if stray_errors and not failed:
        sys.stderr.write("errors were logged outside the tests:\n  ")
        sys.stderr.write("\n  ".join(stray_errors[:10]) + "\n")
        failed += 1
    print(max(ran - failures - errors - skipped, 0), skipped, failed)


if __name__ == "__main__":
    main(sys.argv[1])
