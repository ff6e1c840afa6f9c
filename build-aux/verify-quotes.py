#!/usr/bin/env python3
# verify-quotes.py: check a Mine Ban Atlas dataset against its articles and its format.
#
# Copyright 2026 The Mine Ban Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check a Mine Ban Atlas dataset (format "mine-ban-atlas/1").

A stand-in for `mine-ban-atlas --verify-quotes DIR` and `mine-ban-atlas --check FILE`
while the dataset is being written; standard library only.

Usage (from the repository root):

    build-aux/verify-quotes.py [--dataset data/mine-ban-atlas.json]
                               [--documents ../shared/seeds] [--quiet]

1. Quotes. Every quote taken from an `article` source (events[].quotes, disputes[].claims,
   states[].armed_conflicts[].quote) must be a verbatim substring of the source's document.
   The only loosening, as in the app: any run of white space (no-break spaces U+00A0,
   U+202F, U+2007 and line breaks included) counts as one space, in the quote and in the
   article alike. Nothing else is loosened: curly quotes, dashes and ellipses must match.

2. Format. The rules of data/dataset-format.md: required members, no unknown members,
   member types, EDTF dates that exist in the calendar, ids (`[a-z0-9-]+`, unique), layers
   (quotes only from articles, citations only from the record, record sources need a url,
   article sources a document), references (sources, states, events), statuses and kinds,
   `end` not before `date`, at least two claims per dispute.

3. Lint (warnings, not failures): quotes longer than a slide can hold or of more than three
   sentences, dates after `updated`, and the withdrawal dates the app will derive
   (Article 20(2)-(3)), so that they can be compared with the record.

Exit status: 0 when there are no failures (warnings allowed), 1 otherwise.
"""

import argparse
import calendar
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

STATUSES = {"non-party", "signatory", "party", "withdrawal-announced",
            "withdrawal-in-progress", "withdrawn"}
KINDS = {"treaty", "signature", "ratification", "accession", "announcement", "legislation",
         "decree", "statement", "withdrawal-deposited", "withdrawal-effective", "suspension",
         "policy", "report", "military", "context"}
ID_RE = re.compile(r"^[a-z0-9-]+$")
CODE_RE = re.compile(r"^[A-Z]{3}$")
POINT_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$")

# A quote longer than this does not fit on a slide (warning only).
MAX_QUOTE_CHARS = 420

WHITE = re.compile(r"\s+")   # str.isspace() set: includes U+00A0, U+202F, U+2007, U+2028...


def collapse(text):
    return WHITE.sub(" ", text).strip()


def quote_position(document, quote):
    """Where @quote starts in @document, counting characters from 1 (white-space runs match any
    white-space run, as for the verbatim check), or None."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = re.search(pattern, document)
    return found.start() + 1 if found else None


# --------------------------------------------------------------------------------------------
# Dates (EDTF level 1 subset)
# --------------------------------------------------------------------------------------------

def parse_point(text):
    """Returns (first_day, last_day) as ordinals, or raises ValueError."""
    m = POINT_RE.match(text)
    if not m:
        raise ValueError("“%s” is not YYYY, YYYY-MM or YYYY-MM-DD (optionally ?, ~ or %%)" % text)
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1:
        raise ValueError("year 0000 does not exist in “%s”" % text)
    if month is not None and not 1 <= month <= 12:
        raise ValueError("month %02d is out of range in “%s”" % (month, text))
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError("%04d-%02d has no day %02d in “%s”" % (year, month, day, text))
    first = datetime.date(year, month or 1, day or 1).toordinal()
    last_month = month or 12
    last = datetime.date(year, last_month,
                         day or calendar.monthrange(year, last_month)[1]).toordinal()
    return first, last


def parse_date(text):
    """Returns (first_day, last_day, is_interval) as the app counts them."""
    if not isinstance(text, str):
        raise ValueError("a date must be a string")
    if "/" not in text:
        first, last = parse_point(text)
        return first, last, False
    start, _, end = text.partition("/")
    if not start and not end:
        raise ValueError("“%s” is an interval with neither start nor end" % text)
    s = parse_point(start) if start else None
    e = parse_point(end) if end else None
    if s and e and e[0] < s[0]:
        raise ValueError("the interval “%s” ends before it starts" % text)
    first = s[0] if s else e[0]
    last = e[1] if e else s[1]
    return first, last, True


def fmt(ordinal):
    return datetime.date.fromordinal(ordinal).isoformat()


def add_months(ordinal, months):
    d = datetime.date.fromordinal(ordinal)
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1])).toordinal()


# --------------------------------------------------------------------------------------------
# Checker
# --------------------------------------------------------------------------------------------

class Checker:
    def __init__(self, name):
        self.name = name
        self.failures = []
        self.warnings = []

    def fail(self, path, message):
        self.failures.append("%s: %s: %s" % (self.name, path or "(top level)", message))

    def warn(self, path, message):
        self.warnings.append("%s: %s: %s" % (self.name, path or "(top level)", message))

    # members: {key: (types, required, nullable)}
    def members(self, obj, path, spec):
        if not isinstance(obj, dict):
            self.fail(path, "must be an object")
            return False
        for key in obj:
            if key not in spec:
                self.fail(join(path, key), "unknown member “%s”" % key)
        for key, (types, required, nullable) in spec.items():
            if key not in obj:
                if required:
                    self.fail(path, "required member “%s” is missing" % key)
                continue
            value = obj[key]
            if value is None:
                if not nullable:
                    self.fail(join(path, key), "must not be null")
                continue
            if types is int:
                ok = isinstance(value, int) and not isinstance(value, bool)
            else:
                ok = isinstance(value, types)
            if not ok:
                self.fail(join(path, key), "has the wrong type (%s)" % type(value).__name__)
            elif isinstance(value, str) and not value.strip():
                self.fail(join(path, key), "must not be empty")
        return True

    def date(self, obj, key, path):
        if key not in obj or obj[key] is None:
            return None
        try:
            return parse_date(obj[key])
        except ValueError as e:
            self.fail(join(path, key), str(e))
            return None


def join(path, key):
    if isinstance(key, int):
        return "%s[%d]" % (path, key)
    return "%s.%s" % (path, key) if path else key


S, A, O, I = str, list, dict, int


def check_format(data, ck):
    ck.members(data, "", {
        "format": (S, True, False), "title": (S, True, False), "language": (S, True, False),
        "updated": (S, True, False), "treaty": (O, True, False), "sources": (A, True, False),
        "states": (A, True, False), "events": (A, True, False), "disputes": (A, False, False),
        "story": (O, False, False),
    })
    if data.get("format") != "mine-ban-atlas/1":
        ck.fail("format", "must be exactly “mine-ban-atlas/1”")
    updated = ck.date(data, "updated", "")

    treaty = data.get("treaty") or {}
    ck.members(treaty, "treaty", {
        "name": (S, True, False), "short_name": (S, True, False), "adopted": (S, True, False),
        "opened": (S, True, False), "in_force": (S, True, False),
        "withdrawal_notice_months": (I, True, False),
    })
    for key in ("adopted", "opened", "in_force"):
        ck.date(treaty, key, "treaty")
    months = treaty.get("withdrawal_notice_months")
    if isinstance(months, int) and not 1 <= months <= 120:
        ck.fail("treaty.withdrawal_notice_months", "%d is not between 1 and 120" % months)

    sources = {}
    for i, src in enumerate(data.get("sources") or []):
        path = join("sources", i)
        if not ck.members(src, path, {
            "id": (S, True, False), "layer": (S, True, False), "title": (S, True, False),
            "outlet": (S, False, True), "published": (S, False, True), "url": (S, False, True),
            "document": (S, False, True), "note": (S, False, True),
            "title_kind": (S, False, True), "accessed": (S, False, True),
        }):
            continue
        sid = src.get("id")
        if isinstance(sid, str):
            if not ID_RE.match(sid):
                ck.fail(join(path, "id"), "“%s” is not [a-z0-9-]+" % sid)
            elif sid in sources:
                ck.fail(join(path, "id"), "source id “%s” is used twice" % sid)
            else:
                sources[sid] = src
        if src.get("title_kind") not in (None, "headline", "descriptive"):
            ck.fail(join(path, "title_kind"), "“%s” is not “headline” or “descriptive”" % src.get("title_kind"))
        ck.date(src, "accessed", path)
        layer = src.get("layer")
        if layer not in ("article", "record"):
            ck.fail(join(path, "layer"), "“%s” is not “article” or “record”" % layer)
        ck.date(src, "published", path)
        url = src.get("url")
        if url is not None and not re.match(r"^https?://.", url):
            ck.fail(join(path, "url"), "“%s” is not an http:// or https:// link" % url)
        if layer == "record" and not url:
            ck.fail(path, "a record source needs a url")
        if layer == "article":
            doc = src.get("document")
            if not doc:
                ck.fail(path, "an article source needs a document")
            elif "/" in doc or doc == "..":
                ck.fail(join(path, "document"), "must be a file name, not a path")
    if not sources:
        ck.fail("sources", "a dataset needs at least one source")

    def source_ref(value, path, want_layer=None):
        if not isinstance(value, str) or value not in sources:
            ck.fail(path, "no source has the id “%s”" % value)
            return None
        src = sources[value]
        if want_layer and src.get("layer") != want_layer:
            ck.fail(path, "“%s” is a %s source, expected %s" % (value, src.get("layer"), want_layer))
        return src

    states = {}
    for i, st in enumerate(data.get("states") or []):
        path = join("states", i)
        if not ck.members(st, path, {
            "code": (S, True, False), "name": (S, True, False), "record": (O, False, False),
            "armed_conflicts": (A, False, False),
        }):
            continue
        code = st.get("code")
        if isinstance(code, str):
            if not CODE_RE.match(code):
                ck.fail(join(path, "code"), "“%s” is not three capital letters" % code)
            elif code in states:
                ck.fail(join(path, "code"), "state code “%s” is used twice" % code)
            else:
                states[code] = st
        rec = st.get("record")
        if rec is not None:
            rpath = join(path, "record")
            ck.members(rec, rpath, {
                "status": (S, True, False), "known_by": (S, True, False),
                "source": (S, True, False), "note": (S, False, True),
            })
            if rec.get("status") not in STATUSES:
                ck.fail(join(rpath, "status"), "“%s” is not a status" % rec.get("status"))
            ck.date(rec, "known_by", rpath)
            source_ref(rec.get("source"), join(rpath, "source"))
        for j, c in enumerate(st.get("armed_conflicts") or []):
            cpath = join(join(path, "armed_conflicts"), j)
            ck.members(c, cpath, {
                "from": (S, True, False), "to": (S, False, True), "source": (S, True, False),
                "quote": (S, False, True), "note": (S, False, True),
            })
            f = ck.date(c, "from", cpath)
            t = ck.date(c, "to", cpath)
            if f and t and t[1] < f[0]:
                ck.fail(cpath, "the conflict ends before it starts")
            source_ref(c.get("source"), join(cpath, "source"))

    story = data.get("story")
    if story is not None and ck.members(story, "story", {
        "title": (S, True, False), "from": (S, True, False), "to": (S, True, False),
        "states": (A, True, False),
    }):
        start, end = ck.date(story, "from", "story"), ck.date(story, "to", "story")
        if start and end and end[1] < start[0]:
            ck.fail("story.to", "the end %s is before the start %s" % (story["to"], story["from"]))
        codes = story.get("states") or []
        if not codes:
            ck.fail("story.states", "a story needs at least one state")
        for j, code in enumerate(codes):
            if code not in states:
                ck.fail(join("story.states", j), "no state has the code “%s”" % code)
            elif codes.index(code) != j:
                ck.fail(join("story.states", j), "the story names “%s” twice" % code)

    events = {}
    for i, ev in enumerate(data.get("events") or []):
        path = join("events", i)
        if not ck.members(ev, path, {
            "id": (S, True, False), "date": (S, True, False), "end": (S, False, True),
            "date_basis": (S, True, False), "kind": (S, True, False), "title": (S, True, False),
            "summary": (S, True, False), "states": (A, True, False), "status": (O, False, False),
            "quotes": (A, False, False), "citations": (A, False, False),
            "internal_note": (S, False, True),
        }):
            continue
        eid = ev.get("id")
        if isinstance(eid, str):
            if not ID_RE.match(eid):
                ck.fail(join(path, "id"), "“%s” is not [a-z0-9-]+" % eid)
            elif eid in events:
                ck.fail(join(path, "id"), "event id “%s” is used twice" % eid)
            else:
                events[eid] = ev
        d = ck.date(ev, "date", path)
        e = ck.date(ev, "end", path)
        if d and e and e[1] < d[0]:
            ck.fail(join(path, "end"), "the end is before the date")
        if d and updated and d[0] > updated[1]:
            ck.warn(join(path, "date"), "after the dataset's “updated” date")
        if ev.get("kind") not in KINDS:
            ck.fail(join(path, "kind"), "“%s” is not an event kind" % ev.get("kind"))
        codes = ev.get("states") or []
        seen = set()
        for j, code in enumerate(codes):
            if code not in states:
                ck.fail(join(join(path, "states"), j), "no state has the code “%s”" % code)
            if code in seen:
                ck.fail(join(join(path, "states"), j), "“%s” is listed twice" % code)
            seen.add(code)
        for code, status in (ev.get("status") or {}).items():
            spath = join(join(path, "status"), code)
            if code not in states:
                ck.fail(spath, "no state has the code “%s”" % code)
            elif code not in seen:
                ck.fail(spath, "“%s” is not among the event's states" % code)
            if status not in STATUSES:
                ck.fail(spath, "“%s” is not a status" % status)
        if "quotes" not in ev and "citations" not in ev:
            ck.fail(path, "an event needs “quotes” or “citations”")
        elif not (ev.get("quotes") or ev.get("citations")):
            ck.fail(path, "an event needs at least one quote or citation")
        for j, q in enumerate(ev.get("quotes") or []):
            qpath = join(join(path, "quotes"), j)
            ck.members(q, qpath, {"source": (S, True, False), "text": (S, True, False),
                                  "at": (I, False, False)})
            source_ref(q.get("source"), join(qpath, "source"), "article")
        for j, c in enumerate(ev.get("citations") or []):
            cpath = join(join(path, "citations"), j)
            ck.members(c, cpath, {"source": (S, True, False), "note": (S, False, True),
                                  "internal_note": (S, False, True)})
            source_ref(c.get("source"), join(cpath, "source"), "record")

    dispute_ids = set()
    for i, dp in enumerate(data.get("disputes") or []):
        path = join("disputes", i)
        if not ck.members(dp, path, {
            "id": (S, True, False), "topic": (S, True, False), "claims": (A, True, False),
            "events": (A, False, False), "note": (S, False, True),
        }):
            continue
        did = dp.get("id")
        if isinstance(did, str):
            if not ID_RE.match(did):
                ck.fail(join(path, "id"), "“%s” is not [a-z0-9-]+" % did)
            elif did in dispute_ids:
                ck.fail(join(path, "id"), "dispute id “%s” is used twice" % did)
            dispute_ids.add(did)
        claims = dp.get("claims") or []
        if len(claims) < 2:
            ck.fail(join(path, "claims"), "a dispute needs at least two claims")
        for j, c in enumerate(claims):
            cpath = join(join(path, "claims"), j)
            ck.members(c, cpath, {"source": (S, True, False), "text": (S, True, False),
                                  "reading": (S, True, False)})
            source_ref(c.get("source"), join(cpath, "source"))
        for j, eid in enumerate(dp.get("events") or []):
            if eid not in events:
                ck.fail(join(join(path, "events"), j), "no event has the id “%s”" % eid)

    return sources, states, events


def check_quotes(data, sources, documents_dir, ck):
    cache = {}
    n_ok = 0

    def haystack(src):
        doc = src.get("document")
        if doc not in cache:
            try:
                with open(os.path.join(documents_dir, doc), encoding="utf-8") as f:
                    cache[doc] = collapse(f.read())
            except (OSError, UnicodeDecodeError) as e:
                cache[doc] = None
                ck.fail("", "cannot read %s: %s" % (doc, e))
        return cache[doc]

    raw = {}

    def one(source_id, text, path, at=None):
        nonlocal n_ok
        src = sources.get(source_id)
        if not src or src.get("layer") != "article" or not isinstance(text, str):
            return
        hay = haystack(src)
        if hay is None:
            return
        if collapse(text) in hay:
            n_ok += 1
            if at is not None:
                doc = src.get("document")
                if doc not in raw:
                    with open(os.path.join(documents_dir, doc), encoding="utf-8") as f:
                        raw[doc] = f.read()
                if quote_position(raw[doc], text) != at:
                    ck.fail(path, "“at” is %s, but the quote starts at character %s of %s"
                            % (at, quote_position(raw[doc], text), doc))
        else:
            ck.fail(path, "not found verbatim in %s: “%s”" % (src.get("document"), text))
        if len(collapse(text)) > MAX_QUOTE_CHARS:
            ck.warn(path, "quote of %d characters is long for a slide" % len(collapse(text)))
        # Sentence ends: a full stop, ? or ! followed by a space and a capital or an opening quote.
        sentences = len(re.findall(r"[.?!…][”’\"]?\s+(?=[“\"A-Z])", collapse(text))) + 1
        if sentences > 3:
            ck.warn(path, "quote of about %d sentences (at most three)" % sentences)

    for i, ev in enumerate(data.get("events") or []):
        for j, q in enumerate(ev.get("quotes") or []):
            one(q.get("source"), q.get("text"), "events[%d].quotes[%d] (%s)" % (i, j, ev.get("id")),
                q.get("at"))
    for i, dp in enumerate(data.get("disputes") or []):
        for j, c in enumerate(dp.get("claims") or []):
            one(c.get("source"), c.get("text"), "disputes[%d].claims[%d] (%s)" % (i, j, dp.get("id")))
    for i, st in enumerate(data.get("states") or []):
        for j, c in enumerate(st.get("armed_conflicts") or []):
            if c.get("quote") is not None:
                one(c.get("source"), c.get("quote"), "states[%d].armed_conflicts[%d].quote" % (i, j))
    return n_ok


def derived_withdrawals(data, states):
    """The effective dates the app will derive (Article 20(2)-(3)), for the report."""
    months = (data.get("treaty") or {}).get("withdrawal_notice_months") or 0
    lines = []
    for ev in data.get("events") or []:
        if ev.get("kind") != "withdrawal-deposited":
            continue
        try:
            first, last, interval = parse_date(ev["date"])
        except (KeyError, ValueError):
            continue
        if interval or first != last:
            lines.append("%s: no derived date (the deposit date is not a single day)" % ev["id"])
            continue
        for code, status in (ev.get("status") or {}).items():
            if status != "withdrawal-in-progress":
                continue
            effect = add_months(first, months)
            conflict = None
            for c in (states.get(code) or {}).get("armed_conflicts") or []:
                f = parse_date(c["from"])[0]
                t = parse_date(c["to"])[1] if c.get("to") else None
                if f <= effect and (t is None or effect <= t):
                    conflict = c
                    end = t
            if conflict is None:
                lines.append("%s %s: deposited %s, takes effect %s (Art. 20(2))"
                             % (code, ev["id"], fmt(first), fmt(effect)))
            elif end is None:
                lines.append("%s %s: deposited %s, blocked by an open armed conflict (Art. 20(3))"
                             % (code, ev["id"], fmt(first)))
            else:
                lines.append("%s %s: deposited %s, takes effect %s after the conflict (Art. 20(3))"
                             % (code, ev["id"], fmt(first), fmt(end + 1)))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", default=os.path.join(ROOT, "data", "mine-ban-atlas.json"))
    parser.add_argument("--documents",
                        default=os.path.normpath(os.path.join(ROOT, "..", "shared", "seeds")))
    parser.add_argument("--quiet", action="store_true", help="print failures and the summary only")
    args = parser.parse_args()

    name = os.path.relpath(args.dataset)
    ck = Checker(name)
    try:
        with open(args.dataset, encoding="utf-8") as f:
            data = json.load(f, object_pairs_hook=reject_duplicates)
    except (OSError, ValueError) as e:
        print("%s: %s" % (name, e))
        return 1

    sources, states, events = check_format(data, ck)
    n_quotes = check_quotes(data, sources, args.documents, ck)

    for line in ck.failures:
        print("FAIL " + line)
    if not args.quiet:
        for line in ck.warnings:
            print("warn " + line)
        for line in derived_withdrawals(data, states):
            print("derived " + line)

    n_article = sum(1 for e in data.get("events", []) if e.get("quotes"))
    n_record = sum(1 for e in data.get("events", []) if e.get("citations") and not e.get("quotes"))
    n_mixed = sum(1 for e in data.get("events", []) if e.get("citations") and e.get("quotes"))
    n_claims = sum(len(d.get("claims", [])) for d in data.get("disputes", []))
    print("%s: %d events (%d article, %d record, %d both), %d quotes verified, %d citations, "
          "%d sources (%d article, %d record), %d states, %d disputes (%d claims), "
          "%d failures, %d warnings"
          % (name, len(data.get("events", [])), n_article, n_record, n_mixed, n_quotes,
             sum(len(e.get("citations", [])) for e in data.get("events", [])),
             len(sources), sum(1 for s in sources.values() if s.get("layer") == "article"),
             sum(1 for s in sources.values() if s.get("layer") == "record"),
             len(states), len(data.get("disputes", [])), n_claims,
             len(ck.failures), len(ck.warnings)))
    return 1 if ck.failures else 0


def reject_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError("duplicate member “%s”" % key)
        obj[key] = value
    return obj


if __name__ == "__main__":
    sys.exit(main())
