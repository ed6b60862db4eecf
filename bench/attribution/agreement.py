"""Agreement between the reference and a second annotation of the same articles.

Compares bench/attribution/reference.jsonl (first annotator) with
bench/attribution/second/annotations-12.jsonl (second annotator, blind) on the articles
the second file covers. Two claims match when they are in the same article and part
(title/body), give the same value (or the same vague word) and their sentences overlap
(first the same sentence, then sentences sharing half their words);
each claim matches at most once, in text order. Prints claims found
by both / only one, then, over matched claims, agreement and Cohen's kappa on qualifier,
thing, outcome, claimant (folded names; unnamed kind), own voice vs sourced, and relay;
then every disagreement, for adjudication.

    python3 bench/attribution/agreement.py [REFERENCE] [SECOND] > bench/attribution/agreement.txt
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read(path: Path) -> list[dict]:
    """The claim lines of a JSONL annotation file (n = 0 'none' lines dropped)."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if not r.get("none")]


def fold(name: str | None) -> str:
    """A source name folded for comparison: lower case, no leading 'the', no punctuation."""
    if not name:
        return ""
    s = name.lower().replace("'s", "s")
    s = re.sub(r"[^\w\s]", "", s)
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"\s+", " ", s)


def words(s: str) -> set[str]:
    """The lower-case word set of a text."""
    return set(re.findall(r"\w+", s.lower()))


def overlap(a: dict, b: dict) -> float:
    """How far two claims' sentences (with number words) overlap: 1.0 when equal."""
    if a["sentence"] == b["sentence"]:
        return 1.0
    wa, wb = words(a["sentence"]), words(b["sentence"])
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def key(r: dict) -> tuple:
    """What two matching claims must share: article, part, value or vague word."""
    return (r["unit_id"], r["where"], r["value"], (r["vague_word"] or "").lower())


def match(a: list[dict], b: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs of matching claims, then claims only in a, only in b (text order kept)."""
    pairs: list[tuple[dict, dict]] = []
    used: set[int] = set()
    for threshold in (1.0, 0.5):
        rest = []
        for ra in a:
            best = None
            for j, rb in enumerate(b):
                if j in used or key(ra) != key(rb):
                    continue
                if overlap(ra, rb) >= threshold:
                    best = j
                    break
            if best is None:
                rest.append(ra)
            else:
                used.add(best)
                pairs.append((ra, b[best]))
        a = rest
    only_b = [rb for j, rb in enumerate(b) if j not in used]
    pairs.sort(key=lambda p: (p[0]["unit_id"], p[0]["n"]))
    return pairs, a, only_b


def kappa(xs: list, ys: list) -> float | None:
    """Cohen's kappa of two labelings; None when chance agreement is 1 (one label only)."""
    n = len(xs)
    if n == 0:
        return None
    po = sum(x == y for x, y in zip(xs, ys, strict=True)) / n
    ca, cb = Counter(xs), Counter(ys)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def claimant(r: dict) -> str:
    """The claimant as compared: folded name, or 'unnamed:KIND' + words, or 'own voice'."""
    if not r["claimant"]:
        return "(own voice)"
    if r.get("unnamed_kind"):
        return f"unnamed:{r['unnamed_kind']}:{fold(r['claimant'])}"
    return fold(r["claimant"])


def claimant_class(r: dict) -> str:
    """Own voice, unnamed source (its kind) or named source."""
    if not r["claimant"]:
        return "own"
    return f"unnamed:{r['unnamed_kind']}" if r.get("unnamed_kind") else "named"


def relay(r: dict) -> tuple[str, ...]:
    """The relay chain, folded."""
    return tuple(fold(x) for x in r["relay"])


FIELDS = {
    "qualifier": lambda r: r["qualifier"],
    "thing": lambda r: r["thing"],
    "outcome": lambda r: r["outcome"] or "-",
    "own voice / unnamed kind / named": claimant_class,
    "claimant (folded)": claimant,
    "relay (folded)": relay,
}
KAPPA = {"qualifier", "thing", "outcome", "own voice / unnamed kind / named"}


def main(argv: list[str]) -> int:
    """Print the agreement report."""
    ref_path = Path(argv[1]) if len(argv) > 1 else HERE / "reference.jsonl"
    sec_path = Path(argv[2]) if len(argv) > 2 else HERE / "second" / "annotations-12.jsonl"
    second = read(sec_path)
    ids = list(dict.fromkeys(r["unit_id"] for r in second))
    ref = [r for r in read(ref_path) if r["unit_id"] in ids]
    pairs, only_a, only_b = match(ref, second)
    print(f"articles: {len(ids)}; claims: reference {len(ref)}, second {len(second)}")
    print(f"found by both: {len(pairs)}")
    print(f"only reference: {len(only_a)}; only second: {len(only_b)}")
    union = len(pairs) + len(only_a) + len(only_b)
    print(f"claim-level agreement (both / union): {len(pairs) / union:.3f}")
    print()
    print(f"on the {len(pairs)} claims found by both:")
    print(f"  {'field':36} {'agree':>9} {'share':>6} {'kappa':>6}")
    for name, get in FIELDS.items():
        xs = [get(a) for a, _ in pairs]
        ys = [get(b) for _, b in pairs]
        same = sum(x == y for x, y in zip(xs, ys, strict=True))
        k = kappa(xs, ys) if name in KAPPA else None
        ks = f"{k:6.3f}" if k is not None else "     -"
        print(f"  {name:36} {same:4}/{len(pairs):<4} {same / len(pairs):6.3f} {ks}")
    sourced = [(a, b) for a, b in pairs if a["claimant"] and b["claimant"]]
    same = sum(claimant(a) == claimant(b) for a, b in sourced)
    print(
        f"  {'claimant where both give a source':36} {same:4}/{len(sourced):<4}"
        f" {same / max(1, len(sourced)):6.3f}"
    )
    with_relay = [(a, b) for a, b in pairs if a["relay"] or b["relay"]]
    same = sum(relay(a) == relay(b) for a, b in with_relay)
    print(
        f"  {'relay where either gives one':36} {same:4}/{len(with_relay):<4}"
        f" {same / max(1, len(with_relay)):6.3f}"
    )
    print()
    print("disagreements (R = reference, S = second):")
    for a, b in pairs:
        diffs = [
            f"{name}: R={get(a)!r} S={get(b)!r}"
            for name, get in FIELDS.items()
            if name != "own voice / unnamed kind / named" and get(a) != get(b)
        ]
        if diffs:
            print(f"  {a['unit_id']} R#{a['n']} S#{b['n']} {a['where']} '{a['number_words']}'")
            for d in diffs:
                print(f"      {d}")
    for label, rows in (("only in reference", only_a), ("only in second", only_b)):
        print(f"{label}:")
        for r in rows:
            print(
                f"  {r['unit_id']} #{r['n']} {r['where']} '{r['number_words']}' {r['thing']}"
                f" {r['outcome']} {r['claimant']!r} | {r['sentence'][:100]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
