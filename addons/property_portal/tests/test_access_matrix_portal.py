"""The portal resident's row of the suite's access matrices.

A resident reaches only their own household's or company's records (the portal tests
show those); the matrix records belong to the site, to nobody's household, so the
resident may read none of them, and write, create or delete nothing anywhere. Only
the complaint stages and the satisfaction scale, shown on their pages, are readable.
"""

from odoo.addons.property_base.tests.access_matrix import extend_matrix

# the modules, not the classes: a class imported here would be run here again as it is
from odoo.addons.property_complaint.tests import test_access_matrix as complaint_matrix
from odoo.addons.property_visitor.tests import test_access_matrix as visitor_matrix

PORTAL_ROLE = {"portal_resident": ("base.group_portal",)}


class TestComplaintAccessMatrixPortal(complaint_matrix.TestComplaintAccessMatrix):
    ROLES = dict(complaint_matrix.TestComplaintAccessMatrix.ROLES, **PORTAL_ROLE)
    MATRIX = extend_matrix(
        complaint_matrix.TestComplaintAccessMatrix.MATRIX,
        "portal_resident",
        {"stage": "r", "satisfaction level": "r"},
    )


class TestVisitorAccessMatrixPortal(visitor_matrix.TestVisitorAccessMatrix):
    ROLES = dict(visitor_matrix.TestVisitorAccessMatrix.ROLES, **PORTAL_ROLE)
    MATRIX = extend_matrix(
        visitor_matrix.TestVisitorAccessMatrix.MATRIX, "portal_resident", {}
    )
