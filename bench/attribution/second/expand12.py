"""Expand the second annotator's compact file (annotations-12.txt) into annotations-12.jsonl.

Same format and the same mechanical steps as ../expand.py (find the number from a cursor,
copy its sentence, read value/vague word/qualifier); every judgement is the annotator's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from expand import find, load, parse_number, parse_number_qual, sentence_of  # noqa: E402


def main() -> int:
    """Write annotations-12.jsonl; print the number of lines and errors."""
    arts = load()
    out: list[dict] = []
    uid, cur, n, errors = None, {"title": 0, "body": 0}, 0, 0
    for lineno, raw in enumerate((HERE / "annotations-12.txt").read_text().splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            uid, cur, n = line[1:].strip(), {"title": 0, "body": 0}, 0
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
            print(f"annotations-12.txt:{lineno}: {uid}: {exc}", file=sys.stderr)
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
    with (HERE / "annotations-12.jsonl").open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} lines, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
