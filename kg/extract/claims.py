"""Count claims: the numbers of ``doc.spans["quantities"]`` that count people or things.

For each amount the extractor finds what is counted, then what happened to it:

* counted — the noun the number modifies ("300 ISIS fighters", "5,000 IS-militants",
  "dozens of civilians", "80% of Palmyra residents"); the noun of a "number of X" /
  "death toll" the number is given for ("the total number of fighters exceeded 4,000",
  "the death toll rose to 15" → People); a bare number that an outcome verb takes
  ("killing at least 100", "15 were killed") → People.  No counted thing, no claim.
* outcome — through the parse: the verb taking the counted noun as object or passive
  subject ("killed 16 civilians", "residents had been evacuated"), an outcome noun
  the noun hangs on ("the killing of 300 fighters", "a transfer of 5,000"), a
  participle or adjective on the noun ("six people killed", "24 dead"), the number
  it is included in ("killed 22, including six civilians"); then the words right
  before or after the phrase when the parse gave nothing.
* of — an actor mention inside the noun phrase ("300 ISIS fighters") or hanging on it
  ("fighters of the Islamic State").

Evidence is the phrase (qualifier through counted noun, extended to an adjacent
outcome word) and the sentence; ``attribute`` gives who says so.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.attribution import attribute, carry_claims, headline_claims
from kg.extract.count_flags import (
    also_of_its_verb,
    beside_millions_displaced,
    earlier_incident,
    earlier_than_the_news,
    part_of_total,
    several_days_period,
    since_recent_day,
    told_apart,
    trailing_period,
)
from kg.extract.counted import (
    AUXILIARIES,
    PEOPLE_LIKE,
    bare_outcome,
    included_in,
    outcome_word,
)
from kg.extract.counted import counted as counted_of_amount
from kg.extract.dates import DateMention, doc_dates
from kg.extract.lone_victims import lone_claim, lone_victims
from kg.extract.photo_captions import under_a_photo_credit
from kg.extract.title_bodies import titled_bodies
from kg.extract.told_relays import told_back, told_onward, told_relays
from kg.extract.tweets import tweeted
from kg.nlp import text_of
from kg.nlp.attribution import sentence_units
from kg.nlp.lexicon import (
    CAMPAIGN_NOUNS,
    INTRANSITIVE_OUTCOMES,
    LONG_PERIOD_UNITS,
    NUMBER_OF_NOUNS,
    PERIOD_START_WORDS,
    RUNNING_TOTAL_PHRASES,
    RUNNING_TOTAL_WORDS,
    TOLL_VERBS,
    WAR_NOUNS,
)
from kg.nlp.quantities import MONTHS, QUANTITIES, Quantity, find_quantities, parse_quantity
from kg.nlp.sentences import headline_end, lead_end
from kg.records import (
    PLACE_KINDS,
    Article,
    CountClaim,
    Counted,
    EntityRef,
    Event,
    Mention,
    Outcome,
    Span,
    TimeStamp,
)

INCLUDING = frozenset({"including", "among", "of", "besides"})
HAVE = frozenset({"have", "has", "had"})


def count_claims(
    doc: Doc, article: Article, mentions: Sequence[Mention], events: Sequence[Event]
) -> Iterator[CountClaim]:
    """Every number about people or things of the conflict, with evidence and source."""
    spans = doc.spans[QUANTITIES] if QUANTITIES in doc.spans else list(find_quantities(doc))
    units = sentence_units(doc)
    main = next((i for i, event in enumerate(events) if event.main), None)
    lead = lead_end(doc, article)
    dates = doc_dates(doc, article.date_published)
    found: list[CountClaim] = []
    for span in spans:
        quantity = parse_quantity(span)
        if quantity is None:
            continue
        claim = _claim(doc, span, quantity, units, mentions, events)
        if (
            claim is not None
            and claim.event is None
            and main is not None
            and (claim.evidence[0].start < lead)
        ):
            claim = replace(claim, event=main)  # "Thirty Killed": the headline's news
        if claim is not None:
            found.append(_dated(claim, dates, events, main, article))
    for victims in lone_victims(doc, lead, headline_end(doc, article)):
        claim = lone_claim(doc, victims, attribute(doc, *victims.chars, mentions), main)
        found.append(_dated(claim, dates, events, main, article))  # in the lead: the news
    found.sort(key=lambda claim: claim.evidence[0].start)
    # who says so, beyond the frame holding each number: reports carried on, headlines
    found = tweeted(doc, mentions, carry_claims(doc, article.date_published, mentions, found))
    found = told_back(doc, mentions, told_relays(found))  # "… The source told SANA that …"
    found = told_onward(doc, mentions, found)  # "… Kirkuki told Rudaw. … said Kirkuki"
    found = titled_bodies(doc, mentions, found)  # "Member of the Syrian Coalition X …"
    yield from headline_claims(doc, article.headline, mentions, found)


def _dated(
    claim: CountClaim,
    dates: Sequence[DateMention],
    events: Sequence[Event],
    main: int | None,
    article: Article,
) -> CountClaim:
    """The claim with its sentence's date, flagged when that is before the news."""
    claim = replace(claim, when=_date_near(claim, dates))
    news = events[main].when if main is not None else None
    return earlier_than_the_news(claim, news, article.date_published)


def _claim(
    doc: Doc,
    span: SpacySpan,
    quantity: Quantity,
    units: Sequence[SpacySpan],
    mentions: Sequence[Mention],
    events: Sequence[Event],
) -> CountClaim | None:
    sentence = _sentence_of(doc, units, span)
    if sentence is None:
        return None
    if _after_related_links(doc, sentence.start, span.start):
        return None
    number = doc[quantity.number_end - 1]
    found = counted_of_amount(doc, span, quantity, sentence)
    if found is None:
        return None
    counted, noun, outcome = found
    following = _following_outcome(doc, number.i + 1, sentence)
    if following is not None:  # "48 dead over 100 injured", "the toll included 55 injured"
        outcome, outcome_token = outcome_word(following), following
    elif outcome is None:
        outcome, outcome_token = _outcome(doc, noun or number, number, span, sentence)
    else:
        outcome_token = None
    if outcome is Outcome.DESTROYED and counted in PEOPLE_LIKE:
        outcome = Outcome.KILLED  # "destroyed over 60 terrorists"
    if outcome is Outcome.DISPLACED and counted is Counted.PEOPLE:
        counted = Counted.REFUGEES  # "6.36 million people have been displaced"
    start, end = span.start, span.end
    if noun is not None:
        start, end = min(start, noun.i), max(end, noun.i + 1)
    if outcome_token is not None and _adjacent(doc, outcome_token, start, end):
        start, end = min(start, outcome_token.i), max(end, outcome_token.i + 1)
    phrase = _span(doc, start, end, "phrase")
    whole = _span(doc, sentence.start, sentence.end, "sentence")
    owner = _owner(doc, span, noun, mentions) if noun is not None else None
    return CountClaim(
        count=quantity.value,
        qualifier=quantity.qualifier,
        counted=counted,
        evidence=(phrase, whole),
        outcome=outcome,
        unit=quantity.unit,
        of=owner,
        event=_event(phrase, whole, events),
        attribution=attribute(doc, phrase.start, phrase.end, mentions),
        cumulative=_cumulative(number, noun, outcome_token),
        vague=quantity.vague,
        superseded=_superseded(number),
        additional=_additional(doc, quantity),
        other_incident=earlier_incident(number) or told_apart(number),
    )


def _sentence_of(doc: Doc, units: Sequence[SpacySpan], span: SpacySpan) -> SpacySpan | None:
    """The sentence unit holding the number, joined to the next when the parser cut it
    right after the number with no stop and no line break ("Seven | civilians were
    martyred …"): the number's noun is in the next unit."""
    index = next((i for i, u in enumerate(units) if u.start <= span.start < u.end), None)
    if index is None:
        return None
    unit = units[index]
    last = doc[unit.end - 1]
    if (
        index + 1 < len(units)
        and unit.end - span.end <= 1
        and units[index + 1].start == unit.end
        and last.text not in {".", "!", "?", ":", ";"}
        and "\n" not in last.whitespace_
    ):
        return doc[unit.start : units[index + 1].end]
    return unit


def _date_near(claim: CountClaim, dates: Sequence[DateMention]) -> TimeStamp | None:
    """The date its sentence gives, the nearest to the number: "In May more than 60
    civilians were killed" (a past incident, told as background)."""
    phrase, sentence = claim.evidence[0], claim.evidence[-1]
    inside = [d for d in dates if sentence.start <= d.start and d.end <= sentence.end]
    if not inside:
        return None
    return min(inside, key=lambda d: abs(d.start - phrase.start)).stamp


def _after_related_links(doc: Doc, start: int, end: int) -> bool:
    """Whether "Related News" precedes the number in its sentence: the headlines of other
    articles that a page lists after its text ("Related News Car bomb kills 54 …",
    "Related Coverage …", and "Related" right before a capitalised headline: "… Rises
    (1881) Related Kobani in Ruins After Anti-IS Airstrikes … Kill 36 Civilians"), or a
    photo credit does ("AP Photo Hussein Malla Over 20 … Killed": kg.extract.photo_captions)."""
    return any(
        doc[i].lower_ == "related"
        and (
            doc[i + 1].lower_ in {"news", "articles", "stories", "coverage"}
            or (doc[i].text == "Related" and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN")
        )
        for i in range(start, end - 1)
    ) or under_a_photo_credit(doc, end)  # "AP Photo Hussein Malla Over 20 … Killed"


# --- what happened ------------------------------------------------------------------------------


def _outcome(
    doc: Doc, noun: Token, number: Token, span: SpacySpan, sentence: SpacySpan
) -> tuple[Outcome | None, Token | None]:
    """The outcome of the counted thing when no participle follows the number (the
    caller looks there first): one right after its noun ("48 people dead, 100 people
    injured"; the parse often hangs both numbers on the first), then the parse, then
    the words around it.  A bare number takes the outcome word right beside it first
    ("kill 21 hundreds flee": 21 were killed, whatever the parse hangs it on)."""
    if noun is number:
        beside = bare_outcome(doc, span, sentence)
        if beside is not None:
            return outcome_word(beside), beside
    else:
        following = _following_outcome(doc, noun.i + 1, sentence)
        if following is not None:
            return outcome_word(following), following
    included = included_in(noun)
    if included is not None:
        return outcome_word(included), included
    for token in (noun, number) if noun is not number else (noun,):
        found = _outcome_by_parse(token, sentence, depth=0, near=number.i)
        if found is not None:
            return outcome_word(found), found
    adjacent = bare_outcome(doc, span, sentence)
    if adjacent is None and noun is not number:
        end = noun.i + 1
        i = end
        while i < sentence.end and i < end + 3 and doc[i].lower_ in AUXILIARIES:
            i += 1
        if i < sentence.end and doc[i].tag_ in {"VBN", "JJ", "VBD"} and outcome_word(doc[i]):
            adjacent = doc[i]
    if adjacent is not None:
        return outcome_word(adjacent), adjacent
    return None, None


def _following_outcome(doc: Doc, start: int, sentence: SpacySpan) -> Token | None:
    """An outcome participle at ``start``, past auxiliaries and "others": "were injured"."""
    i = start
    while (
        i < sentence.end
        and i < start + 3
        and (doc[i].lower_ in AUXILIARIES or doc[i].lower_ in ("others", "other", "more"))
    ):
        i += 1
    if (
        i < sentence.end
        and doc[i].tag_ in {"VBN", "JJ", "VBD"}
        and outcome_word(doc[i]) in {Outcome.KILLED, Outcome.WOUNDED}
    ):
        return doc[i]
    return None


def _outcome_by_parse(token: Token, sentence: SpacySpan, depth: int, near: int) -> Token | None:
    """The outcome verb, noun or participle governing a counted token; of its participles,
    the nearest to the number ``near``, the one after it on a tie ("dead 20 wounded")."""
    if depth > 3:
        return None
    for child in sorted(token.children, key=lambda c: (abs(c.i - near), c.i < near)):
        if (
            child.dep_ in {"acl", "relcl", "amod"}
            and outcome_word(child)
            and (child.tag_ in {"VBN", "JJ", "VBD"})
        ):
            return child
    head = token.head
    if head.i == token.i or not (sentence.start <= head.i < sentence.end):
        return None
    dep = token.dep_
    if dep == "pobj" and head.lower_ in {"of"}:
        owner = head.head
        if outcome_word(owner) and owner.pos_ in {"NOUN", "VERB"} and owner.tag_ != "VBN":
            return owner
        return _outcome_by_parse(owner, sentence, depth + 1, near)
    if dep == "pobj" and head.lower_ in INCLUDING:
        return _outcome_by_parse(head.head, sentence, depth + 1, near)
    if dep in {"prep"} and token.lower_ in INCLUDING:
        return _outcome_by_parse(head, sentence, depth + 1, near)
    if head.pos_ in {"VERB", "AUX", "ADJ"} and outcome_word(head):
        lemma = head.lemma_.lower()
        if dep in {"dobj", "nsubjpass", "attr", "oprd", "npadvmod"}:
            return head
        if dep == "nsubj" and (
            lemma in INTRANSITIVE_OUTCOMES
            or (head.tag_ == "VBN" and not any(c.lower_ in HAVE for c in head.children))
        ):
            return head
    if dep == "appos" and head.pos_ == "NOUN" and outcome_word(head):
        return head  # "wounds 25"
    if (
        dep == "nummod"
        and head.pos_ == "NOUN"
        and token.i > head.i
        and outcome_word(head) in {Outcome.KILLED, Outcome.WOUNDED}
    ):
        return head  # "kill 5 injure 50": the headline verb parsed as the noun it counts
    if dep in {"conj", "appos", "nummod", "quantmod", "compound"}:
        return _outcome_by_parse(head, sentence, depth + 1, near)
    return None


def _adjacent(doc: Doc, token: Token, start: int, end: int) -> bool:
    """At most three plain words between the outcome word and the phrase."""
    if start <= token.i < end:
        return True
    gap = doc[token.i + 1 : start] if token.i < start else doc[end : token.i]
    return len(gap) <= 3 and not any(t.is_punct and t.text not in {"-"} for t in gap)


# --- one incident or a running total --------------------------------------------------------

CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "conj", "advcl", "relcl", "xcomp", "acl"})


def _clause_head(token: Token) -> Token:
    """The nearest verb governing the token (itself when it is one), else the root."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _clause(head: Token, keep: Token) -> list[Token]:
    """The head's subtree without other clauses hanging on it (those not holding ``keep``),
    but with a "since …" clause, which dates the head's own verb."""
    cut: set[int] = set()
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS or child.pos_ not in {"VERB", "AUX"}:
            continue
        sub = list(child.subtree)
        if any(t.i == keep.i for t in sub) or any(t.lower_ == "since" for t in child.children):
            continue
        cut.update(t.i for t in sub)
    return [t for t in head.subtree if t.i not in cut]


def _since_dates(since: Token, head: Token, heads: set[int]) -> bool:
    """Whether "since" dates the count's own clause: not "since X killed 20" (that dates
    the 20 from an earlier moment) nor a "since" inside a noun ("a town besieged since 2013")."""
    if since.dep_ == "mark":
        return since.head.i != head.i and since.head.head.i in heads
    return since.head.i in heads


def _long_since(since: Token) -> bool:
    """ "since 2011", "since March", "since the start of the war", "since Russia intervened";
    "since then" after a sentence about the war's start ("… protests which erupted as part
    of the Arab Spring uprisings. Since then more than 250,000 people have been killed")."""
    scope = list(since.head.subtree) if since.dep_ == "mark" else list(since.subtree)
    if [t.lower_ for t in scope] == ["since", "then"] and since.sent.start > 0:
        scope = list(since.doc[since.sent.start - 1].sent)  # what "then" points back to
    for token in scope:
        word, lemma = token.lower_, token.lemma_.lower()
        if token.like_num and token.text.isdigit() and 1900 <= int(token.text) <= 2100:
            return True
        if word in MONTHS or word in WAR_NOUNS or word in LONG_PERIOD_UNITS:
            return True
        if lemma in PERIOD_START_WORDS or lemma in WAR_NOUNS:
            return True
    return False


def _past_long_period(tokens: Sequence[Token]) -> bool:
    """ "in the past two years", "over the last year", "in the past months"."""
    for index, token in enumerate(tokens):
        if (
            token.lower_ in {"past", "last"}
            and index > 0
            and (tokens[index - 1].lower_ in {"the", "over", "in", "during", "throughout"})
        ):
            ahead = tokens[index + 1 : index + 4]
            if any(t.lower_ in LONG_PERIOD_UNITS for t in ahead):
                return True
    return False


def _war_attached(token: Token, anchors: set[int]) -> bool:
    """A war noun that is the subject of the clause, or that the count, its noun,
    its outcome word or a toll is "in"/"during"/"of": "the war has killed",
    "died in the Syrian conflict", "the conflict, which has killed"."""
    lemma = token.lemma_.lower()
    if lemma in LONG_PERIOD_UNITS and token.dep_ == "nsubj" and token.head.i in anchors:
        return True  # "a month of infighting has killed 300 fighters"
    if lemma not in CAMPAIGN_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.i in anchors:
        return True
    if lemma not in WAR_NOUNS:
        return False
    if token.dep_ == "pobj" and token.head.lower_ in {"in", "during", "throughout", "of", "from"}:
        owner = token.head.head
        return owner.i in anchors or owner.lemma_.lower() in NUMBER_OF_NOUNS | LONG_PERIOD_UNITS | {
            "toll"
        }  # "killed in three years of conflict"
    return False


def _cumulative(number: Token, noun: Token | None, outcome: Token | None) -> bool:
    """Whether the count totals a period or the whole war rather than one incident."""
    head = _clause_head(outcome or number)
    top = head
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head  # "the conflict that began in 2011 and has since killed …"
    if top.dep_ == "relcl" and top.head.lemma_.lower() in WAR_NOUNS:
        return True  # "the conflict, which has killed more than 280,000 people"
    tokens = _clause(head, number)
    anchors = {head.i, number.i, number.head.i}
    anchors.update(t.i for t in (noun, outcome) if t is not None)
    heads = {head.i} | anchors
    for conj in (c for c in head.children if c.dep_ == "conj"):  # "… killed and millions
        heads.add(conj.i)  # displaced since 2011"
        heads.update(c.i for c in conj.children if c.dep_ == "acl")
    for index, token in enumerate(tokens):
        if (
            token.lower_ == "since"
            and _since_dates(token, head, heads)
            and (_long_since(token) or since_recent_day(token))
        ):
            return True
        pair = (token.lower_, tokens[index + 1].lower_) if index + 1 < len(tokens) else None
        if pair in RUNNING_TOTAL_PHRASES or token.lower_ in RUNNING_TOTAL_WORDS:
            return True
        if _war_attached(token, anchors):
            return True
    if any(_across_the_war_country(token) for token in number.sent):
        return True  # also said of a conjunct: "… killed and 10 million displaced across …"
    if beside_millions_displaced(number):
        return True  # "170000 have been killed and millions displaced"
    return _past_long_period(tokens) or several_days_period(tokens) or trailing_period(number)


def _across_the_war_country(token: Token) -> bool:
    """ "killed … across the war-battered country", "throughout the war-torn country": the
    whole country at war, a total of the war."""
    if token.lower_ not in {"across", "throughout"}:
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return any(t.lemma_.lower() in WAR_NOUNS for o in objects for t in o.subtree)


# "an initial death toll of 47", "had earlier reported 12 dead": a figure since updated.
TOLL_NOUNS = frozenset({"toll", "count", "figure", "tally", "estimate"})
EARLIER_WORDS = frozenset(
    {"initial", "earlier", "previous", "preliminary", "first", "old", "initially", "previously"}
)


def _superseded(number: Token) -> bool:
    """Whether the count is an earlier figure the text gives as since updated: "an
    initial death toll of 47", "had earlier reported 12 dead", "an earlier toll
    reported 15 were killed", "updating an earlier toll on Sunday of 15"."""

    def earlier_toll(token: Token) -> bool:
        return token.lemma_.lower() in TOLL_NOUNS and _said_earlier(token)

    for node in [number, *number.ancestors]:
        if earlier_toll(node):
            return True
        if (
            node.pos_ == "VERB"
            and node.lemma_.lower() in TOLL_VERBS
            and (
                _said_earlier(node)
                or any(c.dep_ == "nsubj" and earlier_toll(c) for c in node.children)
            )
        ):
            return True
    doc = number.doc
    if number.i > 0 and doc[number.i - 1].lower_ == "of":
        window = doc[max(number.sent.start, number.i - 8) : number.i]
        return any(earlier_toll(token) for token in window)
    return False


ADDING_BEFORE = frozenset({"another", "further", "additional", "other"})
ADDING_AFTER = frozenset({"more", "others", "other"})


def _additional(doc: Doc, quantity: Quantity) -> bool:
    """Whether the count adds to one given elsewhere: "another 27 people", "a further
    nine", "five more civilians", "21 others died" (not "more than 50")."""
    start, end = quantity.number_start, quantity.number_end
    if part_of_total(doc[end - 1]) or also_of_its_verb(doc[end - 1]):
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in ADDING_BEFORE:
        return True
    after = doc[end].lower_ if end < len(doc) else ""
    following = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    return after in ADDING_AFTER and following not in {"than", "or"}


def _said_earlier(token: Token) -> bool:
    return any(c.lower_ in EARLIER_WORDS and c.dep_ in {"amod", "advmod"} for c in token.children)


# --- whose, which event, evidence ---------------------------------------------------------------


def _owner(doc: Doc, span: SpacySpan, noun: Token, mentions: Sequence[Mention]) -> EntityRef | None:
    """An actor mention inside the counted noun phrase, or attached to its noun."""
    start = span[0].idx
    end = noun.idx + len(noun.text)
    ranges = [(start, end)]
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in {"of", "loyal"}):
            sub = list(child.subtree)
            ranges.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    candidates = [
        m
        for m in mentions
        if any(s <= m.span.start and m.span.end <= e for s, e in ranges)
        and not (set(m.entity.kinds) & PLACE_KINDS)
        and m.entity.ner_label not in {"GPE", "LOC", "FAC", "DATE", "CARDINAL"}
    ]
    if not candidates:
        return None
    known = [m for m in candidates if m.entity.known]
    return (known or candidates)[0].entity


def _event(phrase: Span, sentence: Span, events: Sequence[Event]) -> int | None:
    """The event whose evidence overlaps the phrase, else the sentence (nearest first)."""
    best: tuple[int, int] | None = None
    for index, event in enumerate(events):
        for evidence in event.evidence:
            if evidence.kind == "sentence" and not (
                evidence.start <= phrase.start and phrase.end <= evidence.end
            ):
                continue
            if evidence.start < phrase.end and phrase.start < evidence.end:
                rank = 0
            elif evidence.start < sentence.end and sentence.start < evidence.end:
                rank = 1 + abs(evidence.start - phrase.start)
            else:
                continue
            if best is None or rank < best[0]:
                best = (rank, index)
    return best[1] if best else None


def _span(doc: Doc, start: int, end: int, kind: str) -> Span:
    tokens = doc[start:end]
    start_char, end_char = tokens.start_char, tokens.end_char
    return Span(start_char, end_char, text_of(doc)[start_char:end_char], kind)
