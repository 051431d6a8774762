"""Acting as a user over JSON-RPC, as the web client and any other client do.

``RpcMixin`` goes beside ``HttpCase`` (``class TestX(RpcMixin, HttpCase, SomeCase)``):
``self.rpc_as(user)`` logs in through ``/web/session/authenticate``'s test helper and
``self.rpc(model, method, *args, **kwargs)`` posts to ``/web/dataset/call_kw`` with the
user's language in the context (extra context keys through ``context=``). A refused call
raises ``RpcError`` with the exception's class name and message as the server sent them;
``assertRpcRefused`` checks that it is one of the messages meant for users (not a server
error) and, for a Chinese user, that it is written in Chinese.
"""

import json
import re

from odoo.tools import mute_logger

USER_ERRORS = (
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
)
CJK = re.compile(r"[\u4e00-\u9fff]")


class RpcError(Exception):
    """A JSON-RPC error answer: ``name`` is the exception's class, ``message`` its
    text."""

    def __init__(self, name, message, status=200):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message
        self.status = status


class RpcMixin:
    """Calls as a logged-in client (see the module's docstring)."""

    rpc_lang = "zh_CN"

    @classmethod
    def _rpc_load_lang(cls, *modules):
        """Activate ``rpc_lang`` and load the translations of ``modules``."""
        cls.env["res.lang"]._activate_lang(cls.rpc_lang)
        cls.env["ir.module.module"]._load_module_terms(
            list(modules), [cls.rpc_lang], overwrite=True
        )

    def rpc_as(self, user):
        """Log in as ``user`` (its password becomes its login)."""
        user.sudo().write({"password": user.login, "lang": self.rpc_lang})
        self.authenticate(user.login, user.login)
        self._rpc_user = user
        return user

    def rpc_raw(self, route, params):
        """POST ``params`` as a JSON-RPC call to ``route``; the decoded answer."""
        response = self.url_open(
            route,
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            ),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code != 200:
            raise RpcError("HTTP", response.text[:500], status=response.status_code)
        return response.json()

    def rpc_home_action(self):
        """The id of the home action the web client opens for the logged-in user."""
        return self.rpc_raw("/web/session/get_session_info", {})["result"][
            "home_action_id"
        ]

    def rpc_menus(self):
        """(apps, every menu) the web client shows the logged-in user: xmlids of
        load_menus."""
        menus = self.rpc("ir.ui.menu", "load_menus", False)
        apps = {menus[str(child)]["xmlid"] for child in menus["root"]["children"]}
        return apps, {menu["xmlid"] for key, menu in menus.items() if key != "root"}

    def rpc(self, model, method, *args, context=None, **kwargs):
        """``model.method(*args, **kwargs)`` called through /web/dataset/call_kw."""
        kwargs["context"] = dict({"lang": self.rpc_lang}, **(context or {}))
        with mute_logger("odoo.http"):
            answer = self.rpc_raw(
                "/web/dataset/call_kw",
                {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            )
        if "error" in answer:
            data = answer["error"].get("data") or {}
            raise RpcError(data.get("name", "?"), data.get("message", answer["error"]))
        return answer.get("result")  # Odoo leaves out a None result

    def assertRpcRefused(self, model, method, *args, **kwargs):
        """The call is refused with a message meant for users, in Chinese for a Chinese
        user; returns the ``RpcError``."""
        with self.assertRaises(RpcError) as caught:
            self.rpc(model, method, *args, **kwargs)
        error = caught.exception
        self.assertIn(error.name, USER_ERRORS, f"not a user's message: {error}")
        if self.rpc_lang == "zh_CN":
            self.assertRegex(error.message, CJK, f"not in Chinese: {error.message}")
        return error
