# Run by `make run` through `odoo shell` once, right after the demo database is created:
# Simplified Chinese for the administrator and every demo user of the project.
lang = env["res.lang"]._activate_lang("zh_CN")
logins = ["admin", *env["res.users"].search([("login", "=like", "cs\\_%")]).mapped("login")]
users = env["res.users"].search([("login", "in", logins)])
users.write({"lang": lang.code, "tz": "Asia/Shanghai"})
env.cr.commit()
print("Simplified Chinese set for: {}".format(", ".join(sorted(users.mapped("login")))))
