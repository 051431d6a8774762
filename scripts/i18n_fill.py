"""Fill the empty msgstr of a .po file from glossaries: Odoo's common strings
({msgid: msgstr}) and the suite's terms (addons/property_base/tools/glossary_zh_CN.json,
whose "terms" pin msgids, issue #19).

Usage: i18n_fill.py PO GLOSSARY.json [GLOSSARY.json ...]. Entries already translated are
left alone.
"""

import json
import sys

import polib


def load(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if "terms" in data:
        return {
            k: v for term in data["terms"] for k, v in term.get("msgids", {}).items()
        }
    return data


def main(po_path, *glossary_paths):
    glossary = {}
    for path in glossary_paths:
        glossary.update(load(path))
    po = polib.pofile(po_path, wrapwidth=78)
    filled = 0
    for entry in po:
        if not entry.msgstr and entry.msgid in glossary:
            entry.msgstr = glossary[entry.msgid]
            filled += 1
    po.metadata["Language"] = "zh_CN"
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.save(po_path)
    sys.stdout.write(f"{filled} entries filled from the glossary\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
