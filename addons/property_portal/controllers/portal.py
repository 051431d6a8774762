from datetime import datetime
from urllib.parse import urlencode

import pytz
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class PropertyCustomerPortal(CustomerPortal):
    """Residents and tenant contacts: /my/complaints, /my/visits, /my/goods_passes."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        env = request.env
        for counter, model in (
            ("property_complaint_count", "property.complaint"),
            ("property_visit_count", "property.visit"),
            ("property_goods_pass_count", "property.goods.pass"),
        ):
            if counter in counters:
                values[counter] = (
                    env[model].search_count([]) if env[model].has_access("read") else 0
                )
        return values

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _property_record(self, model, record_id):
        """The record, sudoed, when the user may read it: 404 when it does not exist,
        403 when it is someone else's."""
        try:
            return self._document_check_access(model, record_id)
        except MissingError as error:
            raise NotFound() from error
        except AccessError as error:
            raise Forbidden() from error

    def _property_list_page(self, model, url, page, page_name, template):
        Model = request.env[model]
        total = Model.search_count([])
        pager = portal_pager(url=url, total=total, page=page, step=PAGE_SIZE)
        records = Model.search([], limit=PAGE_SIZE, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            {"page_name": page_name, "pager": pager, "records": records.sudo()}
        )
        return request.render(template, values)

    def _property_form_page(self, template, page_name, form, error=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": page_name,
                "units": request.env.user._property_portal_units(),
                "error": error,
                "form": form,
            }
        )
        return request.render(template, values)

    def _property_submit(self, create, template, page_name, form):
        """Run ``create()`` in a savepoint: refused input shows the form again with the
        message and what was typed, and leaves nothing written; else go to the record's
        page (its ``access_url``, portal.mixin)."""
        try:
            with request.env.cr.savepoint():
                record = create()
        except AccessError as error:
            raise Forbidden() from error
        except (UserError, ValidationError) as error:
            return self._property_form_page(
                template, page_name, form, str(error.args[0])
            )
        return request.redirect(record.access_url)

    def _property_action(self, model, record_id, call, url=None):
        """``call(record)`` on a record the user may read, in a savepoint; a refusal
        comes back as a message on the page ``url`` (the record's own by default)."""
        record = self._property_record(model, record_id)
        url = url or record.access_url
        try:
            with request.env.cr.savepoint():
                call(request.env[model].browse(record_id))
        except AccessError as error:
            raise Forbidden() from error
        except (UserError, ValidationError) as error:
            return request.redirect(f"{url}?{_query(error=error.args[0])}")
        return request.redirect(url)

    def _property_local_to_utc(self, value, tz):
        """A datetime-local input (site time) as a naive UTC datetime, or None."""
        if not value:
            return None
        try:
            local = datetime.strptime(value, "%Y-%m-%dT%H:%M")
            return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
        except (ValueError, OverflowError):
            return None

    # ------------------------------------------------------------------
    # Complaints and demands
    # ------------------------------------------------------------------
    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, **kw):
        return self._property_list_page(
            "property.complaint",
            "/my/complaints",
            page,
            "property_complaints",
            "property_portal.portal_my_complaints",
        )

    @http.route(
        "/my/complaints/new", type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_complaint_new(self, **kw):
        return self._property_form_page(
            "property_portal.portal_complaint_new",
            "property_complaint_new",
            kw,
            kw.get("error"),
        )

    @http.route(
        "/my/complaints/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        csrf=True,
    )
    def portal_complaint_submit(self, **post):
        files = request.httprequest.files.getlist("photos")
        photos = [(f.filename, f.mimetype, f.read()) for f in files if f and f.filename]
        return self._property_submit(
            lambda: request.env["property.complaint"]._portal_create(post, photos),
            "property_portal.portal_complaint_new",
            "property_complaint_new",
            post,
        )

    @http.route(
        "/my/complaints/<int:complaint_id>", type="http", auth="user", website=True
    )
    def portal_complaint_page(self, complaint_id, **kw):
        complaint = self._property_record("property.complaint", complaint_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property_complaint",
                "complaint": complaint,
                "callback": complaint._portal_open_callback(),
                "answered_callbacks": complaint.callback_ids.filtered(
                    lambda c: c.state == "done" and c.method == "portal"
                ),
                "satisfactions": request.env["property.complaint.satisfaction"]
                .sudo()
                .search([]),
                "error": kw.get("error"),
                "message": kw.get("message"),
            }
        )
        return request.render("property_portal.portal_complaint_page", values)

    @http.route(
        "/my/complaints/<int:complaint_id>/confirm",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_complaint_confirm(self, complaint_id, **post):
        return self._property_action(
            "property.complaint",
            complaint_id,
            lambda complaint: complaint.action_portal_confirm_result(),
        )

    @http.route(
        "/my/complaints/<int:complaint_id>/dispute",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_complaint_dispute(self, complaint_id, reason=None, **post):
        return self._property_action(
            "property.complaint",
            complaint_id,
            lambda complaint: complaint.action_portal_dispute_result(reason),
        )

    @http.route(
        "/my/complaints/<int:complaint_id>/callback",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_complaint_callback(
        self, complaint_id, satisfaction_id=None, comments=None, **post
    ):
        complaint = self._property_record("property.complaint", complaint_id)
        callback = complaint._portal_open_callback()
        if not callback:
            raise NotFound()
        satisfaction = request.env["property.complaint.satisfaction"].browse(
            _to_id(satisfaction_id)
        )
        return self._property_action(
            "property.complaint.callback",
            callback.id,
            lambda callback: callback.action_portal_answer(satisfaction, comments),
            url=complaint.access_url,
        )

    # ------------------------------------------------------------------
    # Visits
    # ------------------------------------------------------------------
    @http.route(
        ["/my/visits", "/my/visits/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_visits(self, page=1, **kw):
        return self._property_list_page(
            "property.visit",
            "/my/visits",
            page,
            "property_visits",
            "property_portal.portal_my_visits",
        )

    @http.route(
        "/my/visits/new", type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_visit_new(self, **kw):
        return self._property_form_page(
            "property_portal.portal_visit_new",
            "property_visit_new",
            kw,
            kw.get("error"),
        )

    @http.route(
        "/my/visits/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        csrf=True,
    )
    def portal_visit_submit(self, **post):
        units = request.env.user._property_portal_units()
        unit = (
            units.filtered(lambda u: str(u.id) == (post.get("unit_id") or ""))
            or units[:1]
        )
        tz = unit.site_id._site_tz() if unit else pytz.timezone("Asia/Shanghai")
        values = dict(
            post,
            planned_time=self._property_local_to_utc(post.get("planned_time"), tz),
            planned_end=self._property_local_to_utc(post.get("planned_end"), tz),
        )
        return self._property_submit(
            lambda: request.env["property.visit"]._portal_invite(values),
            "property_portal.portal_visit_new",
            "property_visit_new",
            post,
        )

    @http.route("/my/visits/<int:visit_id>", type="http", auth="user", website=True)
    def portal_visit_page(self, visit_id, **kw):
        visit = self._property_record("property.visit", visit_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {"page_name": "property_visit", "visit": visit, "error": kw.get("error")}
        )
        return request.render("property_portal.portal_visit_page", values)

    @http.route(
        "/my/visits/<int:visit_id>/cancel",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_visit_cancel(self, visit_id, **post):
        return self._property_action(
            "property.visit",
            visit_id,
            lambda visit: visit.action_portal_cancel(),
        )

    # ------------------------------------------------------------------
    # Goods passes (V05)
    # ------------------------------------------------------------------
    @http.route(
        ["/my/goods_passes", "/my/goods_passes/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_goods_passes(self, page=1, **kw):
        return self._property_list_page(
            "property.goods.pass",
            "/my/goods_passes",
            page,
            "property_goods_passes",
            "property_portal.portal_my_goods_passes",
        )

    @http.route(
        "/my/goods_passes/<int:pass_id>", type="http", auth="user", website=True
    )
    def portal_goods_pass_page(self, pass_id, **kw):
        goods = self._property_record("property.goods.pass", pass_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property_goods_pass",
                "goods": goods,
                "can_answer": request.env["property.goods.pass"]
                .browse(pass_id)
                ._portal_can_answer(),
                "error": kw.get("error"),
            }
        )
        return request.render("property_portal.portal_goods_pass_page", values)

    @http.route(
        "/my/goods_passes/<int:pass_id>/approve",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_goods_pass_approve(self, pass_id, **post):
        return self._property_action(
            "property.goods.pass",
            pass_id,
            lambda goods: goods.action_portal_approve(),
        )

    @http.route(
        "/my/goods_passes/<int:pass_id>/refuse",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_goods_pass_refuse(self, pass_id, reason=None, **post):
        return self._property_action(
            "property.goods.pass",
            pass_id,
            lambda goods: goods.action_portal_refuse(reason),
        )


def _to_id(value):
    """A posted record id, or 0 when it is not a number."""
    try:
        number = int(value or 0)
    except (TypeError, ValueError):
        return 0
    return number if 0 < number < 2**31 else 0


def _query(**params):
    return urlencode(params)
