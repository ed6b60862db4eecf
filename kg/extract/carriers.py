"""A report passed on by the outlet that closes its sentence.

* ``carried_on`` — "Health director for Aleppo Mohammad Hazouri said five people died …
  on Tuesday the official SANA news agency reported.", "Activists … reported at least
  30 bodies had been brought to one field hospital … according to Reuters.": a speaker
  earlier in the sentence gives the count and the outlet (or state media) whose cue
  closes the sentence passes it on.  The speaker is the claimant and the outlet the
  relay hop, as the reference guide reads "an activist told AFP"; both frames scope
  over the whole sentence, so neither encloses the other without this rule.
* ``closing_source`` — "… in a barrage that killed 12 people and wounded 50 state media
  reported.": where commas were lost the count glues to the source that closes the
  sentence and the parse reads "50 state media" as a counted thing, so no frame names
  it; the source phrase after the last number, before the closing verb, is the
  claimant when it is an outlet, state media or an unnamed source.

``kg.extract.attribution`` calls both (``_encloses`` and ``sentence_tail``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kg.extract.speakers import is_unnamed, speaker_ref
from kg.nlp import text_of
from kg.nlp.attribution import Frame, sentence_units
from kg.nlp.gazetteer import fold, load_gazetteer
from kg.nlp.lexicon import CLOSING_VERBS
from kg.nlp.sources import head_of, unnamed_kind
from kg.records import Attribution, EntityKind, Span

# Head nouns of an outlet or of state media: "the official SANA news agency", "state
# media", "Syrian state television", "the broadcaster".
CARRIER_NOUNS = frozenset(
    {"agency", "television", "tv", "channel", "newspaper", "daily", "radio", "station",
     "broadcaster", "media", "outlet", "website"}
)  # fmt: skip
# Words of a monitor's name: a monitor the gazetteer lists as an outlet gives its own
# counts ("According to local media 20 were killed, the Syrian Observatory … said").
MONITOR_WORDS = frozenset({"observatory", "monitor", "monitoring", "rights", "documentation"})
# Words that may stand between a closing cue and the sentence's end ("… reported on Tuesday").
AFTER_CUE = frozenset({"on", "in", "late", "early", "earlier", "later"})
# Words a source phrase before a closing verb is made of.
PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART"})
LONGEST_PHRASE = 7


def is_carrier(speaker: SpacySpan) -> bool:
    """An outlet or state media: a head noun of one ("the official SANA news agency",
    "state media") or a name the gazetteer knows as an outlet ("Reuters"), not a
    monitor."""
    if head_of(speaker).lower_ in CARRIER_NOUNS:
        return True
    gazetteer = load_gazetteer()
    for token in speaker:
        entry = gazetteer.get(token.ent_id_) if token.ent_id_ else None
        if entry is not None and EntityKind.OUTLET in entry.kinds:
            words = {w for label in (entry.label, *entry.alt_labels) for w in fold(label).split()}
            return not words & MONITOR_WORDS  # the Observatory reports its own counts
    return False


def carried_on(doc: Doc, outer: Frame, inner: Frame) -> bool:
    """Whether ``outer`` is the outlet that passes on ``inner``'s report: a cue closing
    the sentence after ``inner``'s cue, naming an outlet, in the same sentence."""
    if outer is inner or outer.speaker is None or inner.speaker is None:
        return False
    if inner.cue[1] > outer.cue[0] or not outer.scope[0] <= inner.cue[0]:
        return False
    sentence = _unit_at(doc, outer.cue[0])
    if sentence is None or not sentence.start <= inner.cue[0] < sentence.end:
        return False
    return _closes(doc, outer.cue[1], sentence.end) and is_carrier(
        doc[outer.speaker[0] : outer.speaker[1]]
    )


def closing_source(doc: Doc, sentence: SpacySpan, mentions: Sequence) -> Attribution | None:
    """ "… killed 12 people and wounded 50 state media reported.": the source phrase
    after the last number and before the verb that closes the sentence."""
    tokens = [t for t in sentence if not (t.is_punct or t.is_space)]
    if len(tokens) < 4 or tokens[-1].lemma_ not in CLOSING_VERBS:
        return None
    verb = tokens[-1]
    end = verb.i
    while end > sentence.start and doc[end - 1].lower_ in {"has", "have", "had", "also"}:
        end -= 1
    start = end
    while (
        start > sentence.start
        and end - start < LONGEST_PHRASE
        and (doc[start - 1].pos_ in PHRASE_POS or doc[start - 1].text == "-")
        and not doc[start - 1].like_num
    ):
        start -= 1
    if start == end or start == sentence.start or not doc[start - 1].like_num:
        return None  # a count glued to the source: what the parse could not split
    while start < end and doc[start].text == "-":
        start += 1
    phrase = doc[start:end]
    if not len(phrase) or not (is_carrier(phrase) or unnamed_kind(phrase) is not None):
        return None
    claimant, via = speaker_ref(doc, (phrase.start, phrase.end), mentions)
    if claimant is None:
        return None
    cue_words = doc[phrase.start : verb.i + 1]
    begin, finish = cue_words.start_char, cue_words.end_char
    cue = Span(begin, finish, text_of(doc)[begin:finish], "cue")
    return Attribution(claimant=claimant, chain=tuple(via), cue=cue, unnamed=is_unnamed(claimant))


def _closes(doc: Doc, cue_end: int, sentence_end: int) -> bool:
    """Only punctuation, a date or "on Tuesday" follow the cue in its sentence."""
    return all(
        t.is_punct or t.is_space or t.ent_type_ in {"DATE", "TIME"} or t.lower_ in AFTER_CUE
        for t in doc[cue_end:sentence_end]
    )


def _unit_at(doc: Doc, token: int) -> SpacySpan | None:
    for unit in sentence_units(doc):
        if unit.start <= token < unit.end:
            return unit
    return None
