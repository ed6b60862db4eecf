"""Numbers in a tweet the page embeds are its author's.

"Horrible scenes from Idlib 35+ dead & 70+ wounded after Assad regime airstrike hit veg
market of Iftar shoppers pic.twitter.comgySfrHUFpY Charles Lister (CharlesLister) June 12
2016", "Work continues today recovering the bodies … 8 killed in yesterdays tragedy. The
White Helmets (SyriaCivilDef) April 30 2017": an embedded tweet ends with its author's
name, the handle in brackets and the date; the words before it, as many as a tweet holds,
are the author's report, not the article's own voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.speakers import is_unnamed, speaker_ref
from kg.nlp import text_of
from kg.nlp.attribution import sentence_units
from kg.records import Attribution, CountClaim, Mention, Span

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "Charles Lister (CharlesLister) June 12 2016": a capitalised name of up to five words,
# the handle in brackets (its "@" often lost), the date the tweet was sent.  The name
# starts at the first capital of a word ("…tragedyThe White Helmets"); a match is only
# tried from a word's start and a word is never given back, so a long run of letters
# costs its length once, not its square.
SIGNATURE = re.compile(
    r"(?<![\w.'&-])(?:(?![A-Z])[\w.'&-])*+"
    r"(?P<name>[A-Z][\w.'&-]*+(?: [A-Z0-9][\w.'&-]*+){0,4}) \(@?(?P<handle>[A-Za-z0-9_]{2,15})\)"
    rf" (?P<month>{MONTHS}) \d{{1,2}},? (?P<year>\d{{4}})"
)
# A link in the tweet's text ("pic.twitter.comXXXX", "httpst.coXXXX", punctuation lost)
# takes its length from the text a tweet may hold; tried from a word's start only.
LINK = re.compile(r"(?<!\S)\S*(?:pic\.twitter\.com|https?:?/*t\.co|httpst\.co)\S*")
# What a tweet held before and after Twitter doubled it (7 November 2017).
SHORT_TWEET, LONG_TWEET = 140, 280


def tweets(doc: Doc) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """Each embedded tweet: the char offsets its text starts and ends at (the name
    following it), and the token bounds of its author's name."""
    text = text_of(doc)
    units = sentence_units(doc)
    previous_end = 0
    for found in SIGNATURE.finditer(text):
        name_start = found.start("name")
        before = text[previous_end:name_start]
        links = LINK.findall(before[-(LONG_TWEET + 120) :])
        month = MONTHS.split("|").index(found.group("month")) + 1
        late = (int(found.group("year")), month) >= (2017, 11)
        room = (LONG_TWEET if late else SHORT_TWEET) + sum(len(link) for link in links)
        window = max(previous_end, name_start - room)
        starts = [u.start_char for u in units if window <= u.start_char < name_start]
        if previous_end and window == previous_end:  # right after another tweet's date
            starts.insert(0, previous_end)
        previous_end = found.end()
        span = doc.char_span(name_start, found.end("name"), alignment_mode="contract")
        if not starts or span is None:
            continue
        yield starts[0], name_start, (span.start, span.end)


def tweeted(doc: Doc, mentions: Sequence[Mention], claims: list[CountClaim]) -> list[CountClaim]:
    """The claims, those inside an embedded tweet attributed to its author, unless their
    own sentence names their source."""
    result = list(claims)
    for start, end, name in tweets(doc):
        author, via = speaker_ref(doc, name, mentions)
        if author is None:
            continue
        words = doc[name[0] : name[1]]
        cue = Span(words.start_char, words.end_char, words.text, "cue")
        said = Attribution(author, chain=tuple(via), cue=cue, unnamed=is_unnamed(author))
        for index, claim in enumerate(result):
            if start <= claim.evidence[0].start < end and not _said_within(claim, start, end):
                result[index] = replace(claim, attribution=said)
    return result


def _said_within(claim: CountClaim, start: int, end: int) -> bool:
    """ "Activists said 5 people were killed in Idlib. Awful day 12 dead … Jane Doran
    (JaneDoran) June 12 2016": a claim whose own source the words before the signature
    name (its cue lies there) keeps it; the tweet's short window may reach back into the
    article's own sentence."""
    found = claim.attribution
    cue = found.cue if found is not None else None
    return cue is not None and start <= cue.start < end
