"""Words a misparse takes for the speaker that are no source: a demonstrative standing for
the facts ("This indicates that …"), a channel ("… via Skype"): ``NO_SPEAKERS`` of
``kg.extract.source_names``; real-model parses through ``analyse``."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_sources import analysed, claim_of, source


def test_a_demonstrative_is_no_claimant(nlp: Language) -> None:
    """ "This indicates that at least 12 people were poisoned": the reporter's inference,
    not a source's."""
    body = (
        "The gas caused choking among those affected. This indicates that at least 12 people "
        "were poisoned in the attack."
    )
    assert source(claim_of(analysed(nlp, body), "12 people")) is None


def test_a_channel_is_no_claimant(nlp: Language) -> None:
    """ "… said Aleppo-based activist Omar Haddad via Skype": the parse may give the cue
    "Skype" for its speaker; a channel the source speaks through is never the source,
    the person named before it is."""
    body = (
        '"The shelling is daily and 12 people were killed today" said Aleppo-based activist '
        'Omar Haddad via Skype. "The situation is bad."'
    )
    assert source(claim_of(analysed(nlp, body), "12 people")) == ("Omar Haddad", [])
