"""Expand the compact hand annotations (annotations.txt) into reference.jsonl.

The annotator writes one line per claim, in text order:
    where | number_words[@context] | thing | outcome | claimant | claimant_words
          | kind | relay;relay | flags          (all on one line)
under a header line "= UNIT_ID" (a header followed by "none" marks an article without
claims). This script only locates each claim in the article (from a cursor, so repeated
numbers are taken in order), copies its sentence, and reads value, vague word and
qualifier from number_words; every judgement is the annotator's.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1].parent / "shared" / "data" / "fakes-dev.csv"

WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
}
QUALS = [
    ("at least", "AtLeast"),
    ("more than", "MoreThan"),
    ("over", "MoreThan"),
    ("upwards of", "MoreThan"),
    ("up to", "AtMost"),
    ("as many as", "AtMost"),
    ("as high as", "AtMost"),
    ("at most", "AtMost"),
    ("less than", "LessThan"),
    ("fewer than", "LessThan"),
    ("under", "LessThan"),
    ("about", "Approximately"),
    ("around", "Approximately"),
    ("some", "Approximately"),
    ("nearly", "Approximately"),
    ("almost", "Approximately"),
    ("approximately", "Approximately"),
    ("roughly", "Approximately"),
    ("an estimated", "Approximately"),
    ("close to", "Approximately"),
]
VAGUE = [
    "hundreds of thousands",
    "tens of thousands",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "tens of",
    "tens",
    "millions",
]


def load() -> dict[str, tuple[str, str]]:
    """Title and content by unit_id, first row of a repeated id kept."""
    out: dict[str, tuple[str, str]] = {}
    with DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["unit_id"], (row["article_title"], row["article_content"]))
    return out


def parse_number(words: str) -> tuple[int | None, str | None, str]:
    """Value, vague word and qualifier of number words such as 'at least 12'."""
    w = words.strip()
    low = w.lower()
    qual = "Exact"
    for q, name in QUALS:
        if low.startswith(q + " "):
            qual = name
            low = low[len(q) + 1 :]
            break
    for v in VAGUE:
        if low == v or low.startswith(v):
            return None, v, qual if qual != "Exact" else "Approximately"
    low = low.replace(",", "")
    m = re.fullmatch(r"([\d.]+) (million|thousand)", low)
    if m:
        mult = 1_000_000 if m.group(2) == "million" else 1000
        return int(float(m.group(1)) * mult), None, qual
    if re.fullmatch(r"\d+", low):
        return int(low), None, qual
    if low in WORDS:
        return WORDS[low], None, qual
    parts = re.split(r"[- ]", low)
    if all(p in WORDS for p in parts):
        total = 0
        for p in parts:
            total = total * WORDS[p] if WORDS[p] == 100 else total + WORDS[p]
        return total, None, qual
    raise ValueError(f"cannot read number words {words!r}")


def parse_number_qual(words: str) -> str:
    """The qualifier of number words whose value the annotator gives (v=)."""
    low = words.strip().lower()
    for q, name in QUALS:
        if low.startswith(q + " "):
            return name
    return "Exact"


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence of text holding [start, end): up to . ! ? before a space, or a line break."""
    bound = re.compile(r"(?<=[.!?])[\"'”’]?\s+|\n+")
    s = 0
    for m in bound.finditer(text, 0, start):
        s = m.end()
    m = bound.search(text, end)
    e = m.start() if m else len(text)
    return text[s:e].strip()


def find(text: str, words: str, context: str | None, cursor: int) -> tuple[int, int]:
    """Position of words (inside context, if given) at or after cursor, on word bounds."""
    probe = context or words
    pat = re.compile(r"(?<![\w,.:-])" + re.escape(probe) + r"(?![\w]|[.,:]\d)")
    m = pat.search(text, cursor)
    if not m:
        raise ValueError(f"not found after {cursor}: {probe!r}")
    if context:
        i = context.find(words)
        if i < 0:
            raise ValueError(f"{words!r} not in context {context!r}")
        return m.start() + i, m.start() + i + len(words)
    return m.start(), m.end()


def expand(name: str, lines: list[str], arts: dict[str, tuple[str, str]]) -> tuple[list[dict], int]:
    """The JSONL records of annotation ``lines`` (from file ``name``), and the error count."""
    out: list[dict] = []
    uid = None
    cur = {"title": 0, "body": 0}
    n = 0
    errors = 0
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            uid = line[1:].strip()
            cur = {"title": 0, "body": 0}
            n = 0
            continue
        if line == "none":
            out.append({"unit_id": uid, "n": 0, "none": True})
            continue
        f = [x.strip() for x in line.split("|")]
        f += [""] * (9 - len(f))
        where = {"t": "title", "b": "body"}[f[0]]
        words, _, context = f[1].partition("@")
        title, content = arts[uid]
        text = title if where == "title" else content
        flags = f[8].split(",") if f[8] else []
        try:
            s, e = find(text, words, context or None, cur[where])
            if any(x.startswith("v=") for x in flags):
                value, vague, qual = None, None, parse_number_qual(words)
            else:
                value, vague, qual = parse_number(words)
        except ValueError as exc:
            print(f"{name}:{lineno}: {uid}: {exc}", file=sys.stderr)
            errors += 1
            continue
        cur[where] = e
        n += 1
        for fl in flags:
            if fl.startswith("v="):
                value = int(fl[2:])
            if fl.startswith("q="):
                qual = fl[2:]
        rec = {
            "unit_id": uid,
            "n": n,
            "where": where,
            "number_words": words,
            "value": value,
            "vague_word": vague,
            "qualifier": qual,
            "thing": f[2],
            "outcome": f[3] or None,
            "claimant": f[4] or None,
            "claimant_words": f[5] or None,
            "unnamed_kind": f[6] or None,
            "relay": [r.strip() for r in f[7].split(";") if r.strip() and r.strip() != "-"],
            "sentence": title if where == "title" else sentence_of(content, s, e),
        }
        if "d" in flags:
            rec["doubtful"] = True
        out.append(rec)
    return out, errors


def write(records: list[dict], path: Path) -> None:
    """One JSON record per line."""
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> int:
    lines = (HERE / "annotations.txt").read_text(encoding="utf-8").splitlines()
    out, errors = expand("annotations.txt", lines, load())
    write(out, HERE / "reference.jsonl")
    print(f"{len(out)} lines, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
