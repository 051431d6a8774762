"""The monthly attendance pass of bench_attendance.py with every employee on published
weekly rosters (issue #23) instead of the calendar, the same hours: the verdicts read
the rosters in one batch, and the ratio to Odoo's overtime recomputation should stay
within 0.3 (the lead measures it on a quiet machine).

Run: make bench (or python3 bench/bench_attendance_rosters.py)."""

from bench_attendance import main
from harness import run

if __name__ == "__main__":
    run(lambda: main(rosters=True))
