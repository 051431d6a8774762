def pre_init_hook(env):
    """Give every existing visit its own random gate-token key before the column is
    added by the ORM (which would give them all the same default value)."""
    env.cr.execute(
        "ALTER TABLE property_visit ADD COLUMN IF NOT EXISTS token_key varchar"
    )
    env.cr.execute(
        "UPDATE property_visit "
        "SET token_key = md5(random()::text || id::text || clock_timestamp()::text) "
        "WHERE token_key IS NULL"
    )
