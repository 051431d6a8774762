from odoo import api, fields, models, tools

# what drawing a number from a complaint sequence's date range reads of the sequence
SEQUENCE_FIELDS = ("implementation", "prefix", "suffix", "padding", "number_increment")
# what registering a complaint reads of its site (_complaint_prime_registration)
REGISTRATION_FIELDS = (
    "company_id",
    "calendar_id",
    "manager_id",
    "complaint_sequence_id",
)
REGISTRATION_FIELDS_SET = frozenset(REGISTRATION_FIELDS)


class PropertySite(models.Model):
    _name = "property.site"
    _inherit = [
        "property.site",
        "mail.alias.mixin.optional",
        "property.site.complaint.overview",
    ]

    complaint_prefix = fields.Char(
        string="Complaint Number Prefix",
        help="Prefix of the complaint numbers of this site, e.g. TS (the site code "
        "when empty). Numbers read PREFIX-YEAR-000123 and restart every year.",
    )
    complaint_sequence_id = fields.Many2one(
        "ir.sequence",
        copy=False,
        readonly=True,
        groups="base.group_system",
    )
    complaint_department_ids = fields.Many2many(
        "hr.department",
        "property_site_complaint_department_rel",
        "site_id",
        "department_id",
        string="Handling Departments",
        check_company=True,
        help="The departments complaints of this site are dispatched to; when empty, "
        "the departments of the site's company.",
    )
    complaint_count = fields.Integer(
        compute="_compute_complaint_count",
        groups="property_complaint.group_complaint_handler",
    )

    def _compute_complaint_count(self):
        counts = dict(
            self.env["property.complaint"]._read_group(
                [("site_id", "in", self.ids)], ["site_id"], ["__count"]
            )
        )
        for site in self:
            site.complaint_count = counts.get(site, 0)

    def _complaint_departments(self):
        """The departments a complaint of the site can be dispatched to (C11)."""
        self.ensure_one()
        if self.complaint_department_ids:
            return self.complaint_department_ids
        return self.env["hr.department"].search(
            [("company_id", "in", [self.company_id.id, False])]
        )

    def _complaint_sequence_prefix(self):
        self.ensure_one()
        return f"{self.complaint_prefix or self.code}-%(range_year)s-"

    def _get_complaint_sequence(self):
        """The site's complaint sequence, created on first use."""
        self.ensure_one()
        site = self.sudo()
        if not site.complaint_sequence_id:
            site.complaint_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Complaints of %(site)s", site=site.name),
                        "code": "property.complaint",
                        "prefix": self._complaint_sequence_prefix(),
                        "padding": 6,
                        "use_date_range": True,
                        "company_id": site.company_id.id,
                    }
                )
            )
            # written now: a concurrent first registration on the site then gets a
            # serialisation failure (and is run again) instead of a second sequence
            site.flush_recordset(["complaint_sequence_id"])
        return site.complaint_sequence_id

    @api.model
    @tools.ormcache("sequence_id")
    def _complaint_sequence_state(self, sequence_id):
        """(values of SEQUENCE_FIELDS, ((date_from, date_to, range id), ...)) of a
        site's complaint sequence: what drawing a number reads, kept per process and
        cleared in every worker when such a sequence or one of its ranges changes
        (ir_sequence.py)."""
        sequence = self.env["ir.sequence"].sudo().browse(sequence_id)
        return (
            tuple(sequence[fname] for fname in SEQUENCE_FIELDS),
            tuple((r.date_from, r.date_to, r.id) for r in sequence.date_range_ids),
        )

    @api.model
    @tools.ormcache("site_id")
    def _complaint_registration_facts(self, site_id):
        """The ids of REGISTRATION_FIELDS of a site, kept per process and cleared in
        every worker when one of them changes (write)."""
        site = self.browse(site_id).sudo()
        return tuple(site[fname].id for fname in REGISTRATION_FIELDS)

    def _complaint_prime_registration(self):
        """Put what a registration reads of these sites (REGISTRATION_FIELDS) in the
        transaction's cache from the process's: the site is not read again at every
        registration. A value already in the transaction's cache is kept."""
        cache = self.env.cache
        for site in self:
            facts = self._complaint_registration_facts(site.id)
            for fname, value in zip(REGISTRATION_FIELDS, facts, strict=True):
                field = self._fields[fname]
                if not cache.contains(site, field):
                    cache.update(site, field, [field.convert_to_cache(value, site)])

    def _next_complaint_number(self, received):
        """Next number of the register for a complaint received at ``received`` (UTC);
        the year is the site's local year."""
        self.ensure_one()
        sequence = self._get_complaint_sequence()
        day = self._local_date(received)
        values, ranges = self._complaint_sequence_state(sequence.id)
        for date_from, date_to, range_id in ranges:
            if date_from <= day <= date_to:
                # what next_by_id does once it found the range, without the search
                # and without reading the sequence and the range again
                date_range = sequence.env["ir.sequence.date_range"].browse(range_id)
                cache = self.env.cache
                for fname, value in zip(SEQUENCE_FIELDS, values, strict=True):
                    field = sequence._fields[fname]
                    cache.update(
                        sequence, field, [field.convert_to_cache(value, sequence)]
                    )
                cache.update(
                    date_range, date_range._fields["sequence_id"], [sequence.id]
                )
                return date_range.with_context(ir_sequence_date_range=date_from)._next()
        # The year's first number creates the year's range of the sequence: two first
        # registrations at once would each create one and both take number 1. Both
        # touch the sequence, so the later one gets a serialisation failure and Odoo
        # runs the request again, when the range exists.
        self.env.cr.execute(
            "UPDATE ir_sequence SET write_date = write_date WHERE id = %s",
            [sequence.id],
        )
        return sequence.next_by_id(sequence_date=day)

    def write(self, vals):
        res = super().write(vals)
        if REGISTRATION_FIELDS_SET & vals.keys():
            self.env.registry.clear_cache()  # _complaint_registration_facts
        if "complaint_prefix" in vals or "code" in vals:
            for site in self.sudo().filtered("complaint_sequence_id"):
                site.complaint_sequence_id.prefix = site._complaint_sequence_prefix()
        return res

    # ------------------------------------------------------------------
    # Incoming e-mail: the site's alias registers complaints (C01)
    # ------------------------------------------------------------------
    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("property.complaint")
        if self.id:
            values["alias_defaults"] = repr({"site_id": self.id})
        return values

    @api.model
    def _read_complaint_action(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaint.property_complaint_action"
        )

    def action_view_complaints(self):
        self.ensure_one()
        action = self._read_complaint_action()
        action["domain"] = [("site_id", "=", self.id)]
        action["context"] = {"default_site_id": self.id}
        return action
