"""Fill the empty msgstr of a .po file from a glossary of Odoo's common strings.

Usage: i18n_fill.py PO GLOSSARY.json. Entries already translated are left alone.
"""
import json
import sys

import polib


def main(po_path, glossary_path):
    with open(glossary_path, encoding="utf-8") as handle:
        glossary = json.load(handle)
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
