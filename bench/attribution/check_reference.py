"""Check bench/attribution/reference.jsonl against the guide (docs/attribution-guide.md).

Every line parses; fields and enums are valid; number_words and sentence occur in the
article's title + content; n runs 1, 2, ... per article in file order; every sampled
article (sample.txt) appears, one with no count claims as {"unit_id", "n": 0, "none": true}.
Prints one line per problem (file:line: message) and exits 1 when there is any.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1].parent / "shared" / "data" / "fakes-dev.csv"
REF = HERE / "reference.jsonl"
SAMPLE = HERE / "sample.txt"

QUALIFIERS = {"Exact", "Approximately", "MoreThan", "AtLeast", "AtMost", "LessThan"}
THINGS = {
    "People",
    "Civilians",
    "Fighters",
    "Soldiers",
    "Children",
    "Women",
    "Residents",
    "Refugees",
    "Airstrikes",
    "Attacks",
    "Vehicles",
    "Tanks",
    "Weapons",
    "Buildings",
    "Positions",
    "Other",
}
OUTCOMES = {
    "Killed",
    "Wounded",
    "Captured",
    "Transferred",
    "Evacuated",
    "Destroyed",
    "Displaced",
    "Missing",
    "Arrested",
    "Involved",
    None,
}
KINDS = {"military", "medical", "activist", "local", "official", "media", None}
FIELDS = {
    "unit_id",
    "n",
    "where",
    "number_words",
    "value",
    "vague_word",
    "qualifier",
    "thing",
    "outcome",
    "claimant",
    "claimant_words",
    "unnamed_kind",
    "relay",
    "sentence",
}
OPTIONAL = {"doubtful"}


def articles() -> dict[str, tuple[str, str]]:
    """Title and content by unit_id (first row of a repeated id)."""
    out: dict[str, tuple[str, str]] = {}
    with DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["unit_id"], (row["article_title"], row["article_content"]))
    return out


def check_claim(rec: dict, art: tuple[str, str]) -> list[str]:
    """The problems of one claim line."""
    errs: list[str] = []
    keys = set(rec)
    if FIELDS - keys:
        errs.append(f"missing fields {sorted(FIELDS - keys)}")
    if keys - FIELDS - OPTIONAL:
        errs.append(f"unknown fields {sorted(keys - FIELDS - OPTIONAL)}")
    if errs:
        return errs
    title, content = art
    if rec["where"] not in ("title", "body"):
        errs.append(f"where {rec['where']!r}")
    region = title if rec["where"] == "title" else content
    if rec["number_words"] not in region:
        errs.append(f"number_words {rec['number_words']!r} not in the {rec['where']}")
    if rec["sentence"] not in region:
        errs.append(f"sentence not in the {rec['where']}")
    elif rec["number_words"] not in rec["sentence"]:
        errs.append(f"number_words {rec['number_words']!r} not in its sentence")
    if rec["qualifier"] not in QUALIFIERS:
        errs.append(f"qualifier {rec['qualifier']!r}")
    if rec["thing"] not in THINGS:
        errs.append(f"thing {rec['thing']!r}")
    if rec["outcome"] not in OUTCOMES:
        errs.append(f"outcome {rec['outcome']!r}")
    if rec["unnamed_kind"] not in KINDS:
        errs.append(f"unnamed_kind {rec['unnamed_kind']!r}")
    value, vague = rec["value"], rec["vague_word"]
    if (value is None) == (vague is None):
        errs.append("exactly one of value and vague_word must be set")
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        errs.append(f"value {value!r} is not a positive integer")
    if vague is not None and vague.lower() not in rec["number_words"].lower():
        errs.append(f"vague_word {vague!r} not in number_words")
    if not isinstance(rec["relay"], list) or not all(
        isinstance(r, str) and r for r in rec["relay"]
    ):
        errs.append("relay must be a list of names")
    if rec["claimant"] is None:
        if rec["unnamed_kind"] is not None or rec["relay"]:
            errs.append("own voice (claimant null) with an unnamed_kind or relay")
    elif not isinstance(rec["claimant"], str) or not rec["claimant"].strip():
        errs.append("claimant must be a non-empty string or null")
    if "doubtful" in rec and rec["doubtful"] is not True:
        errs.append("doubtful must be true when present")
    return errs


def print_stats(recs: list[dict]) -> None:
    """Counts by qualifier, thing, outcome, and how many claims carry each kind of source."""
    from collections import Counter

    claims = [r for r in recs if not r.get("none")]
    for field in ("where", "qualifier", "thing", "outcome"):
        counts = Counter(str(r[field]) for r in claims).most_common()
        print(f"{field}: " + ", ".join(f"{k} {v}" for k, v in counts))
    named = sum(1 for r in claims if r["claimant"] and not r["unnamed_kind"])
    unnamed = Counter(r["unnamed_kind"] for r in claims if r["unnamed_kind"])
    print(
        f"claimant: {sum(1 for r in claims if r['claimant'])} (named {named}, unnamed "
        f"{sum(unnamed.values())}: {dict(unnamed)}), own voice "
        f"{sum(1 for r in claims if not r['claimant'])}"
    )
    print(
        f"relay: {sum(1 for r in claims if r['relay'])} claims "
        f"({sum(1 for r in claims if len(r['relay']) > 1)} with two hops); "
        f"doubtful: {sum(1 for r in claims if r.get('doubtful'))}; "
        f"vague: {sum(1 for r in claims if r['vague_word'])}"
    )
    top = Counter(r["claimant"] for r in claims if r["claimant"]).most_common(8)
    print("commonest claimants: " + "; ".join(f"{k} {v}" for k, v in top))


def main() -> int:
    arts = articles()
    sample = SAMPLE.read_text(encoding="utf-8").split()
    problems: list[str] = []
    seen: dict[str, int] = {}
    order: list[str] = []
    claims = 0
    body_seen: set[str] = set()
    for lineno, raw in enumerate(REF.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{REF.name}:{lineno}"
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not JSON ({exc})")
            continue
        uid = rec.get("unit_id")
        if uid not in sample:
            problems.append(f"{where}: unit_id {uid!r} is not in sample.txt")
            continue
        if uid not in seen:
            if order and uid in order:
                problems.append(f"{where}: {uid} lines are not together")
            order.append(uid)
            seen[uid] = 0
        if rec.get("none"):
            if rec != {"unit_id": uid, "n": 0, "none": True} or seen[uid] != 0:
                problems.append(f"{where}: a 'none' line must stand alone as n 0")
            seen[uid] = -1
            continue
        if seen[uid] < 0:
            problems.append(f"{where}: claim after a 'none' line")
            continue
        expected = seen[uid] + 1
        if rec.get("n") != expected:
            problems.append(f"{where}: n {rec.get('n')!r}, expected {expected}")
        seen[uid] = expected
        if rec.get("where") == "title" and uid in body_seen:
            problems.append(f"{where}: title claim after a body claim (title comes first)")
        if rec.get("where") == "body":
            body_seen.add(uid)
        claims += 1
        problems += [f"{where}: {uid} n{rec.get('n')}: {e}" for e in check_claim(rec, arts[uid])]
    missing = [u for u in sample if u not in seen]
    problems += [f"{REF.name}: sampled article {u} has no line" for u in missing]
    for p in problems:
        print(p)
    if "--stats" in sys.argv:
        print_stats([json.loads(x) for x in REF.read_text(encoding="utf-8").splitlines()])
    print(f"{len(seen)} of {len(sample)} articles, {claims} claims, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
