"""Time the SERVICE/LOAD safety check (``kg.serve.policy.vet``) in the server process.

    .venv/bin/python bench/policy.py            # queries/*.rq, a 100 KB query, SERVICE forms
    .venv/bin/python bench/policy.py --quick    # fewer repetitions

Prints the median time per check for each query: the example queries (no SERVICE: only
the one-pass lexer), a 100 KB VALUES query without and with a SERVICE (the latter pays
the full rdflib parse), and a small federated query. Compare with the endpoint's latency
printed by bench/serve.py.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kg.serve import policy

ROOT = Path(__file__).resolve().parents[1]
ALLOW = ("http://127.0.0.1:9999/sparql",)


def timed(text: str, repeat: int) -> float:
    """Median milliseconds of one check."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        policy.vet(text, ALLOW)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeat = 5 if args.quick else 50
    cases = {
        path.name: path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("queries/*.rq"))
    }
    values = " ".join(f"<http://example.org/item/{i}>" for i in range(3500))
    big = f"SELECT * WHERE {{ VALUES ?x {{ {values} }} ?x ?p ?o }}"
    cases[f"values, {len(big) // 1024} KB"] = big
    service = "SERVICE <http://127.0.0.1:9999/sparql> { ?x ?p ?o }"
    mid = " ".join(f"<http://example.org/item/{i}>" for i in range(200))
    mid_query = f"SELECT * WHERE {{ VALUES ?x {{ {mid} }} {service} }}"
    cases[f"values + SERVICE, {len(mid_query) // 1024} KB"] = mid_query
    cases["small SERVICE query"] = f"SELECT * WHERE {{ ?s ?p ?o {service} }} LIMIT 10"
    for name, text in cases.items():
        runs = max(1, repeat if len(text) < 50_000 else repeat // 10)
        print(f"{name:32} {len(text):>7} chars  {timed(text, runs):8.2f} ms")


if __name__ == "__main__":
    main()
