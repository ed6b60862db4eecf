"""The attribution scorer's matching (bench/eval_attribution.py), on hand-made claims."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
LEAD = "At least 11 civilians were killed Thursday in barrel bomb attacks a monitor said."


def _scorer() -> ModuleType:  # the bench is a script, not a package: load it by path
    path = REPO / "bench" / "eval_attribution.py"
    spec = importlib.util.spec_from_file_location("eval_attribution", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_attribution"] = module
    spec.loader.exec_module(module)
    return module


def _ref(ea: ModuleType, n: int, words: str, sentence: str, value: int = 11) -> object:
    return ea.RefClaim("u", n, "body", words, value, None, "Exact", "Civilians", "Killed",
                       None, None, [], sentence)  # fmt: skip


def _claim(ea: ModuleType, phrase: str, start: int, sentence: str, count: float = 11.0) -> object:
    return ea.GraphClaim(f"c{start}", "u", count, "Exact", "Civilians", False, "Killed",
                         phrase, start, sentence, False)  # fmt: skip


def test_every_reference_claim_with_a_free_candidate_is_matched() -> None:
    """The headline's copy ("kill 11 civilians") and the lead ("At least 11 civilians")
    are both in the graph: the greedy pass gives the copy's reference the lead's claim
    (its sentence shares more words), which only the lead's reference may take; the
    augmenting path moves it to the copy, so both are found."""
    ea = _scorer()
    whole = f"Barrel bombs kill 11 civilians in Syria AFP Thursday {LEAD}"
    refs = [_ref(ea, 1, "11", whole), _ref(ea, 2, "At least 11", whole)]
    graph = [
        _claim(ea, "kill 11 civilians", 13, "Barrel bombs kill 11 civilians in Syria AFP"),
        _claim(ea, "At least 11 civilians", 60, whole),
    ]
    matched = ea.match(refs, graph)
    assert {r: claim.phrase_start for r, claim in matched.items()} == {0: 13, 1: 60}


def test_the_best_affinity_wins_where_both_can_be_matched() -> None:
    """Two claims of the same number in two sentences: each reference takes the graph
    claim read from its own sentence."""
    ea = _scorer()
    first, second = "Eleven were killed on Monday.", "Another 11 were killed on Friday in Homs."
    refs = [_ref(ea, 1, "11", second)]
    graph = [_claim(ea, "11 were killed", 0, first), _claim(ea, "11 were killed", 40, second)]
    assert ea.match(refs, graph)[0].phrase_start == 40


def test_crossed_pairs_are_put_back_in_text_order() -> None:
    """The headline's copy ("Thirty Killed") and the lead ("Thirty civilians were killed")
    in one sentence: the reference lists the copy first, so it takes the earlier claim."""
    ea = _scorer()
    whole = "Thirty Killed in Strikes on Suburb Town Thirty civilians were killed on Saturday."
    refs = [_ref(ea, 1, "Thirty", whole, 30), _ref(ea, 2, "Thirty", whole, 30)]
    graph = [
        _claim(ea, "Thirty Killed", 0, "Thirty Killed in Strikes on Suburb Town", 30.0),
        _claim(ea, "Thirty civilians were killed", 40, whole, 30.0),
    ]
    matched = ea.match(refs, graph)
    assert [matched[r].phrase_start for r in (0, 1)] == [0, 40]


def test_three_crossed_pairs_stay_one_to_one() -> None:
    """Three reports of the same 11 dead in one article, each reference sentence closest
    to a different graph sentence, so the affinity pass pairs them out of text order:
    putting them back in order keeps each graph claim on one reference only."""
    ea = _scorer()
    early, middle, late = (
        "Eleven were killed in Homs on Monday morning.",
        "Activists said the 11 killed in Homs were civilians.",
        "State media put the toll at 11 killed in the city.",
    )
    refs = [_ref(ea, 1, "11", late), _ref(ea, 2, "11", early), _ref(ea, 3, "11", middle)]
    graph = [
        _claim(ea, "11 killed", 10, early),
        _claim(ea, "11 killed", 20, middle),
        _claim(ea, "11 killed", 30, late),
    ]
    matched = ea.match(refs, graph)
    assert [matched[r].phrase_start for r in (0, 1, 2)] == [10, 20, 30]
