# Run by `make run` through `odoo shell` once, right after the demo database is created.
# Simplified Chinese and Shanghai time for the administrator, the demo resident and
# every demo user of the project (first: the demo staff's working days are planned in
# their time zone).
lang = env["res.lang"]._activate_lang("zh_CN")
logins = [
    "admin",
    "resident",
    *env["res.users"].search([("login", "=like", "cs\\_%")]).mapped("login"),
]
users = env["res.users"].search([("login", "in", logins)])
# the scheduled actions run as OdooBot: what they write (escalation notes, to-dos) is
# written in its language, the company's
users |= env.ref("base.user_root")
users.write({"lang": lang.code, "tz": "Asia/Shanghai"})
# A Chinese property company: its name and currency, its own departments (Odoo's demo
# departments and employees archived), a tenant with a seal and a signatory on file,
# the demo staff's attendances since the first of last month (each addon's
# res.company._property_demo_setup).
company = env.ref("base.main_company")
company._property_demo_setup()
env.cr.commit()
print("Simplified Chinese set for: {}".format(", ".join(sorted(users.mapped("login")))))
print(f"Demo company: {company.name} ({company.currency_id.name})")
