"""K16 moved onto the suite's approval mechanism (property.approval.mixin): the
manual lines that wait for a decision get their levels as reviews, asked by
whoever proposed them; a line approved at the first level keeps that decision and
waits for the second."""

from odoo import SUPERUSER_ID, api, fields


def lines_to_reviews(env):
    """Ask the approvals of the waiting manual lines that have none yet; returns
    them."""
    Line = env["property.kpi.line"].sudo()
    lines = Line.search(
        [
            ("origin", "=", "manual"),
            ("state", "in", ("proposed", "reviewed")),
            ("approval_state", "=", False),
        ]
    )
    root = env.ref("base.user_root")
    for proposer in lines.create_uid | root:
        own = lines.filtered(
            lambda line, user=proposer: (line.create_uid or root) == user
        )
        own.with_user(proposer).sudo()._approval_request()
    # today's first level is kept: approved by who approved it, the next level waits
    for line in lines.filtered(lambda line: line.state == "reviewed"):
        reviews = line._approval_reviews()
        first = reviews.filtered(lambda r: r.state == "pending")[:1]
        following = reviews.filtered(lambda r: r.state == "waiting")
        if not first or not following:
            continue  # one level only now: its approver decides again
        first._property_internal().write(
            {
                "state": "approved",
                "reviewer_id": line.reviewed_by_id.id,
                "date_done": line.write_date or fields.Datetime.now(),
            }
        )
        following[:1]._property_internal().write({"state": "pending"})
    return lines


def migrate(cr, version):
    if not version:
        return
    lines_to_reviews(api.Environment(cr, SUPERUSER_ID, {}))
