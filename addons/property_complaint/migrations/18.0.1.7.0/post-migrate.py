import json

from odoo import SUPERUSER_ID, api

from odoo.addons.property_complaint.models.property_complaint.deadline import (
    DEADLINE_FIELDS,
    DEADLINE_TERMS,
)


def migrate(cr, version):
    """The complaints registered before their deadline terms were kept: they keep the
    numbers their company has now (its earlier parameters moved onto it), and their
    deadlines are counted with them once."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Complaint = env["property.complaint"].with_context(active_test=False)
    complaints = Complaint.search([])
    for company in complaints.company_id:
        terms = {"company_id": company.id}
        terms.update(
            {term: company[f"property_complaint_{term}"] for term in DEADLINE_TERMS}
        )
        cr.execute(
            "UPDATE property_complaint SET deadline_terms = %s WHERE company_id = %s",
            (json.dumps(terms), company.id),
        )
    complaints.invalidate_recordset(["deadline_terms"])
    for name in DEADLINE_FIELDS:
        env.add_to_compute(Complaint._fields[name], complaints)
    env.flush_all()
