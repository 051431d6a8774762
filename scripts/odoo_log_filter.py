"""Show the part of Odoo's log that matters while tests run.

Reads Odoo's log on stdin and prints warnings, errors, test progress and tour
lines with their tracebacks; the full log is kept in .local/test-odoo.log.
"""

import re
import sys

RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) \S+ (\S+): (.*)")
KEEP_MESSAGE = re.compile(
    r"Starting |tests? |Ran |skipped|tour|Chrome|loading \d+ modules|Modules loaded|"
    r"when loading database|Initiating shutdown"
)

show = False
for line in sys.stdin:
    match = RECORD.match(line)
    if match:
        level, logger, message = match.groups()
        show = (
            level in ("WARNING", "ERROR", "CRITICAL")
            or (".tests." in logger and KEEP_MESSAGE.search(message) is not None)
            or logger in ("odoo.tests.stats", "odoo.tests.result")
            or "when loading database" in message
            or "Ran " in message
        )
    if show:
        sys.stdout.write(line)
        sys.stdout.flush()
