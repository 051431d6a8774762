"""Count passed, skipped and failed tests from `python -m unittest` output.

Usage: summarize_unittest.py LOG EXIT_CODE; prints "PASSED SKIPPED FAILED".
"""

import re
import sys


def main(path, exit_code):
    text = open(path, encoding="utf-8", errors="replace").read()
    ran = re.search(r"^Ran (\d+) tests?", text, re.M)
    ran = int(ran.group(1)) if ran else 0
    status = re.search(r"^(OK|FAILED)(?: \((.*)\))?$", text, re.M)
    counts = {"failures": 0, "errors": 0, "skipped": 0}
    if status and status.group(2):
        for part in status.group(2).split(","):
            key, _sep, value = part.strip().partition("=")
            if key in counts:
                counts[key] = int(value)
    failed = counts["failures"] + counts["errors"]
    if int(exit_code) != 0 and not failed:
        failed = 1
    print(ran - failed - counts["skipped"], counts["skipped"], failed)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
