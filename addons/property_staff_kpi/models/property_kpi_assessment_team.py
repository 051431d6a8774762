from bisect import bisect_left
from collections import defaultdict

from odoo import api, fields, models


class PropertyKpiAssessmentTeamMixin(models.AbstractModel):
    """Where an assessment stands in its team (K10) and the team report."""

    _name = "property.kpi.assessment.team.mixin"
    _description = "Assessment: Team Rank"

    # K10: an employee sees their own assessments, never where colleagues stand
    team_rank = fields.Integer(
        string="Rank in Team",
        compute="_compute_team_rank",
        groups="property_staff_kpi.group_kpi_assessor",
    )
    team_size = fields.Integer(
        compute="_compute_team_rank", groups="property_staff_kpi.group_kpi_assessor"
    )

    def _team_key(self):
        self.ensure_one()
        return (self.date_month, self.site_id.id, self.department_id.id)

    def _team_members(self, months):
        """Assessments of the teams of ``self`` for the given months, in one search."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("date_month", "in", list(months)),
                    ("site_id", "in", [*self.site_id.ids, False]),
                ]
            )
        )

    def _ranks(self, members):
        """{team key: [(assessment, rank)]} ranking by capped total, best first."""
        teams = defaultdict(list)
        for member in members:
            teams[member._team_key()].append(member)
        ranks = {}
        for key, team in teams.items():
            team.sort(key=lambda a: -a.total_capped)
            # best first: a member's rank is 1 + the number of members with a higher
            # total, i.e. the position of the first member with its total
            totals = [-member.total_capped for member in team]
            ranks[key] = {
                member.id: 1 + bisect_left(totals, total)
                for member, total in zip(team, totals, strict=True)
            }
        return teams, ranks

    @api.depends("total_capped", "date_month", "site_id", "department_id")
    def _compute_team_rank(self):
        real = self.filtered("id")
        teams, ranks = self._ranks(real._team_members(set(real.mapped("date_month"))))
        for assessment in self:
            key = assessment._team_key() if assessment.id else None
            assessment.team_rank = ranks.get(key, {}).get(assessment.id, 0)
            assessment.team_size = len(teams.get(key, []))

    # ------------------------------------------------------------------ reports
    def _report_team_groups(self):
        """The printed assessments by month and team, ranked best first."""
        groups = defaultdict(lambda: self.browse())
        for assessment in self:
            groups[assessment._team_key()] |= assessment
        result = []
        for key in sorted(groups, key=lambda k: (k[0], k[1] or 0, k[2] or 0)):
            assessments = groups[key].sorted(
                lambda a: (a.team_rank, a.employee_id.name or "")
            )
            first = assessments[0]
            result.append(
                {
                    "month": first.month_label,
                    "site": first.site_id.name or "",
                    "team": first.department_id.name or "",
                    "assessments": assessments,
                }
            )
        return result
