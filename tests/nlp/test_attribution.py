"""The ``newskg_attribution`` component: cues, speakers, relays, scopes and quotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kg.nlp.attribution import frames_of, paragraphs, quotations


def frames(nlp: Language, text: str) -> list[tuple[str, str | None, list[str]]]:
    doc = nlp(text)
    result = []
    for frame in frames_of(doc):
        speaker = doc[frame.speaker[0] : frame.speaker[1]].text if frame.speaker else None
        relays = [doc[s:e].text for s, e in frame.relays]
        result.append((doc[frame.cue[0] : frame.cue[1]].text, speaker, relays))
    return result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the health ministry, 12 people died in the blast.",
            [("According to the health ministry", "the health ministry", [])],
        ),
        (
            "Rebels shelled the airport overnight, the army said.",
            [("the army said", "the army", [])],
        ),
        (
            "Reports suggest that the convoy was ambushed.",
            [("Reports suggest", "Reports", [])],
        ),
        (
            "The rebels reportedly withdrew from the hill.",
            [("reportedly", None, [])],
        ),
        (
            "According to Reuters, citing a local monitoring group, the town fell.",
            [
                (
                    "According to Reuters, citing a local monitoring group",
                    "a local monitoring group",
                    ["Reuters"],
                )
            ],
        ),
        (
            "Local sources speaking to Anadolu Agency confirmed the withdrawal.",
            [
                (
                    "Local sources speaking to Anadolu Agency confirmed",
                    "Local sources",
                    ["Anadolu Agency"],
                )
            ],
        ),
    ],
)
def test_frames(nlp: Language, text: str, expected: list) -> None:
    assert frames(nlp, text) == expected


def test_component_writes_spans(nlp: Language) -> None:
    doc = nlp("The ministry said 20 fighters were killed.")
    labels = [span.label_ for span in doc.spans["attributions"]]
    assert labels == ["scope", "cue", "speaker"]
    assert {span.id_ for span in doc.spans["attributions"]} == {"0"}


def test_quoted_paragraphs_continue_the_speaker(nlp: Language) -> None:
    text = (
        "The agency published the following statement:\n\n"
        '"Militants attacked the base at dawn."\n\n'
        '"The attack was repelled."\n\n'
        "Fighting resumed later."
    )
    doc = nlp(text)
    [frame] = [f for f in frames_of(doc) if f.speaker]
    scope = doc[frame.scope[0] : frame.scope[1]]
    assert "The attack was repelled" in scope.text
    assert "Fighting resumed" not in scope.text


def test_paragraphs_and_quotes_on_blank() -> None:
    nlp = spacy.blank("en")
    doc = nlp('He said: "We will stay."\n\nNo more.\n\n“Curly quote” ends.')
    assert [doc[s:e].text for s, e in paragraphs(doc)] == [
        'He said: "We will stay."',
        "No more.",
        "“Curly quote” ends.",
    ]
    assert [doc[s:e].text for s, e in quotations(doc)] == ['"We will stay."', "“Curly quote”"]
