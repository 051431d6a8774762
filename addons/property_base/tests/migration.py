"""The migration scripts of an addon, loaded as modules for their tests: a script's
``migrate(cr, version)`` is called on data set up the way the earlier version left
it."""

import importlib.util
from pathlib import Path

from odoo.modules.module import get_module_path


def load_migration(addon, version, script="post-migrate.py"):
    """The module of ``<addon>/migrations/<version>/<script>``."""
    path = Path(get_module_path(addon), "migrations", version, script)
    name = (
        f"{addon}_migration_{version.replace('.', '_')}_{path.stem.replace('-', '_')}"
    )
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
