#!/usr/bin/env python3
# check-translations.py: fail when a translation is incomplete or out of date with the sources.
#
#   check-translations.py SOURCE_ROOT [LANG…]      (default: every language in po/LINGUAS)
#
# 1. Every source file with translatable strings is listed in po/POTFILES.in.
# 2. A template made now with xgettext from POTFILES.in has exactly the msgids of LANG.po
#    (so someone added, changed or removed a string and nobody ran update-po).
# 3. LANG.po has no untranslated, partly translated or fuzzy entry, and msgfmt --check accepts it.
#
# Standard library only; needs xgettext and msgfmt (package gettext). Exit 77 (skip) without them.
# How to fix a failure: po/README.md.

import os
import re
import shutil
import subprocess
import sys
import tempfile

# The keywords of meson's "glib" preset (i18n.gettext(preset: 'glib')), which makes the real template.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
]

# What marks a string for translation in each kind of file.
MARKERS = {
    ".c": re.compile(r"\b(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*\"|\bngettext\s*\("),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r"^(?:Name|GenericName|Comment|Keywords)=|<(?:summary|name|p|li|caption)\b", re.M),
    ".xml": re.compile(r"<summary>|<description>"),
}


def listed_files(root):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def files_with_strings(root):
    found = []
    for top in ("src", "ui", "data"):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = [d for d in dirs if d not in ("screenshots", "icons")]
            for name in files:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)
                if name.endswith(".gschema.xml"):
                    kind = ".xml"
                elif name.endswith((".desktop.in", ".metainfo.xml.in")):
                    kind = ".in"
                else:
                    kind = os.path.splitext(name)[1]
                    if kind not in (".c", ".ui"):
                        continue
                with open(path, encoding="utf-8") as f:
                    if MARKERS[kind].search(f.read()):
                        found.append(rel)
    return sorted(found)


def unquote(text):
    """The value of a PO string token: "a\\"b" -> a"b."""
    return bytes(text[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def read_po(path):
    """Entries of a PO file as dicts: ctx, id, plural, strs (list), fuzzy. Obsolete ones skipped."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "id" in entry:
            entries.append(entry)

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("#~") or not line.strip():
                if not line.strip():
                    finish()
                    entry, field = None, None
                continue
            if entry is None:
                entry = {"ctx": None, "plural": None, "strs": {}, "fuzzy": False}
            if line.startswith("#,"):
                entry["fuzzy"] = entry["fuzzy"] or "fuzzy" in line
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
            if m:
                keyword, index, value = m.group(1), m.group(2), unquote(m.group(3))
                if keyword == "msgctxt":
                    field = ("ctx",)
                elif keyword == "msgid":
                    field = ("id",)
                elif keyword == "msgid_plural":
                    field = ("plural",)
                else:
                    field = ("strs", int(index or 0))
                if field[0] == "strs":
                    entry["strs"][field[1]] = value
                else:
                    entry[field[0]] = value
            elif line.startswith('"') and field is not None:
                if field[0] == "strs":
                    entry["strs"][field[1]] += unquote(line)
                else:
                    entry[field[0]] += unquote(line)
    finish()
    return [e for e in entries if e["id"] != ""]


def key(entry):
    return (entry["ctx"], entry["id"], entry["plural"])


def describe(k):
    ctx, msgid, plural = k
    text = repr(msgid)
    if ctx:
        text = "[%s] %s" % (ctx, text)
    return text


def main():
    if len(sys.argv) < 2:
        print("usage: check-translations.py SOURCE_ROOT [LANG…]", file=sys.stderr)
        return 2
    root, languages = sys.argv[1], sys.argv[2:]
    if not languages:
        with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
            languages = [w for line in f if not line.startswith("#") for w in line.split()]
    for tool in ("xgettext", "msgfmt"):
        if shutil.which(tool) is None:
            print("%s is not installed (package gettext): skipping" % tool)
            return 77

    problems = []

    listed = listed_files(root)
    if listed != sorted(listed):
        problems.append("po/POTFILES.in is not sorted")
    for path in files_with_strings(root):
        if path not in listed:
            problems.append("po/POTFILES.in does not list %s, which has translatable strings" % path)
    for path in listed:
        if not os.path.exists(os.path.join(root, path)):
            problems.append("po/POTFILES.in lists %s, which does not exist" % path)

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "fresh.pot")
        existing = [p for p in listed if os.path.exists(os.path.join(root, p))]
        result = subprocess.run(["xgettext", *XGETTEXT_ARGS, "--directory", root, "--output", pot,
                                 *existing], capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            problems.append("xgettext failed")
            template = set()
        else:
            template = {key(e) for e in read_po(pot)}

    for lang in languages:
        po = os.path.join(root, "po", lang + ".po")
        check = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file", os.devnull, po],
                               capture_output=True, text=True)
        print("%s.po: %s" % (lang, check.stderr.strip()))
        if check.returncode != 0:
            problems.append("msgfmt --check rejects %s.po" % lang)
        entries = read_po(po)
        catalogue = {key(e) for e in entries}
        for k in sorted(template - catalogue, key=str):
            problems.append("%s.po lacks %s (run update-po)" % (lang, describe(k)))
        for k in sorted(catalogue - template, key=str):
            problems.append("%s.po has %s, which the sources no longer use (run update-po)" % (lang, describe(k)))
        for e in entries:
            strs = [e["strs"][i] for i in sorted(e["strs"])]
            if e["fuzzy"]:
                problems.append("%s.po: fuzzy: %s" % (lang, describe(key(e))))
            elif not strs or any(s == "" for s in strs):
                problems.append("%s.po: untranslated: %s" % (lang, describe(key(e))))

    for problem in problems:
        print(problem)
    if problems:
        print("%d problem(s); see po/README.md" % len(problems))
        return 1
    print("translations complete and up to date: %s" % ", ".join(languages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
