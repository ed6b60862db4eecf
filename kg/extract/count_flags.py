"""More flags on count claims, as rules of English news (``kg.extract.claims`` applies them).

* A tally since a recent day is a period total (``nkg:cumulative``), not one incident:
  "Since Saturday at least 68 civilians have been killed", "killing at least 16 people
  since Thursday", "have been killed since the weekend".
* So is a toll over several days or weeks: "killed in the past four days", "in the last
  10 days killing over 2,200 militants", "500 civilians killed in one week".  A day or
  two ("in the past 48 hours", "over the past two days") is left alone: news give the
  toll of one battle or bombardment that way.
* So is a toll told beside millions displaced: "An estimated 170000 people have been
  killed and millions displaced", "more than 10 million have been displaced": the war's.
* A count of an earlier incident the text recalls as background (``nkg:otherIncident``):
  "The latest attack comes one week after a suicide bomber … killing 29 fighters", "came
  a day after coalition forces killed 60", "Earlier this week a chemical attack … killing
  at least 87 civilians", "Last week a car bomb killed 30 people"; and a count its
  sentence dates to a day well before the main event's ("IS also claimed an October 2
  bomb attack that killed at least 17" in news of October 11).  So is a count in a
  sentence that tells another incident beside the news: "Meanwhile four civilians were
  killed when …", "Elsewhere in Syria …", "In another air strike …" (not "Meanwhile the
  coalition said the attack killed 100": the news's own attack).  So is a count its
  verb gives to an attack named as like, or before, the news: "Similar terrorist attacks
  … killed 10 people", "one man killed in earlier regime shelling".
* A part of a toll the text gives (``nkg:additional``, "a part of a total"): "The toll
  included two people killed by rocket fire" (not a breakdown of the dead: "the toll
  includes ten children"), "Another 327 civilians, including 126 children" (the 126
  are part of an added count, as the 327 are); so is a count its verb says "also" of:
  "Five civilians were also killed by regime bombs", "airstrikes also killed seven
  civilians in the town" (more dead, beside a count given before); read through a
  "killing" clause: "Rebels also fired rockets into Latakia killing one person".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from kg.extract.dates import MONTHS, WEEKDAYS
from kg.nlp.lexicon import NUMBER_WORDS, SPEECH_VERBS
from kg.nlp.sentences import LEAD_SENTENCES
from kg.records import CountClaim, Precision, TimeStamp

# After "since", these start a tally a few days old: "since Tuesday", "since the weekend".
RECENT_START_WORDS = frozenset(WEEKDAYS) | {"weekend", "yesterday"}
PERIOD_PREPS = frozenset({"in", "over", "during", "within", "throughout", "for"})
DAY_UNITS = frozenset({"day", "days"})
WEEK_UNITS = frozenset({"week", "weeks"})
LONG_UNITS = frozenset({"month", "months", "year", "years"})  # "killed in five years"
SEVERAL_DAYS = 3  # "in the past three days" totals several incidents; "two days" may be one
PERIOD_SPAN = 5  # tokens between the preposition and the unit: "in the past 10 days"


def since_recent_day(since: Token) -> bool:
    """ "since Tuesday", "since Wednesday afternoon", "since last week", "since the
    weekend": a "since" that starts a tally a few days ago (not "since dawn")."""
    if since.dep_ == "mark":
        return False  # "since they ended defence and attacked on Sunday": a clause
    words = [t.lower_ for t in since.subtree if t.i > since.i]
    words = [w for w in words if w not in {"the", "early", "late", "last", "past"}]
    return bool(words) and (words[0] in RECENT_START_WORDS or words[0] in WEEK_UNITS)


def trailing_period(number: Token) -> bool:
    """A period phrase that ends the count's sentence dates every verb in it, wherever
    the parse hung it: "545 people have been killed and hundreds more injured in the
    bombing campaign on towns and cities since Tuesday", "fire from Syria has claimed
    21 lives and wounded dozens in Kilis this year"."""
    words = [t for t in number.sent if t.i > number.i and not t.is_punct]
    if len(words) < 2:
        return False
    if [t.lower_ for t in words[-2:]] == ["this", "year"]:
        return True
    since = next((t for t in words[-4:] if t.lower_ == "since"), None)
    return since is not None and since_recent_day(since)


def _amount(token: Token) -> int | None:
    """The number a token writes: "10", "three", "a"/"one" → 1."""
    word = token.lower_
    if word.isdigit():
        return int(word)
    if word in {"a", "one"}:
        return 1
    return NUMBER_WORDS.get(word)


def several_days_period(tokens: list[Token]) -> bool:
    """ "in the past four days", "in the last 10 days", "in one week", "over the past
    two weeks", "during the past week", "280000 killed in five years", "within two
    months": a toll over several days, weeks, months or years."""
    for index, token in enumerate(tokens):
        word = token.lower_
        if word not in DAY_UNITS | WEEK_UNITS | LONG_UNITS:
            continue
        before = tokens[max(0, index - PERIOD_SPAN) : index]
        preps = [i for i, t in enumerate(before) if t.lower_ in PERIOD_PREPS]
        if not preps:
            continue
        between = before[preps[-1] + 1 :]
        if any(t.lower_ not in {"the", "past", "last", "previous"} and _amount(t) is None
               for t in between):  # fmt: skip
            continue
        amounts = [a for t in between if (a := _amount(t)) is not None]
        if word in WEEK_UNITS or word in LONG_UNITS:
            if amounts or any(t.lower_ in {"past", "last", "previous"} for t in between):
                return True
        elif amounts and amounts[-1] >= SEVERAL_DAYS:
            return True
    return False


# Nouns of a total that "include" a part of it: "the toll included two people killed …".
TOTAL_NOUNS = frozenset(
    {"toll", "tally", "count", "figure", "total", "dead", "casualties", "victims", "number"}
)
ADDING_WORDS = frozenset({"another", "further", "additional"})


def part_of_total(number: Token) -> bool:
    """ "The toll included two people killed by rocket fire on Sunday", "the dead include
    ten children", "another 327 civilians including 126 children": a count that is part
    of a total the text gives, or of a count added to another."""
    node = number
    for _ in range(3):
        parent = node.head
        if parent.i == node.i:
            return False
        if (
            parent.lemma_.lower() == "include"
            and parent.pos_ in {"VERB", "AUX"}
            and parent.dep_ != "prep"  # "including" as a preposition: below
        ):
            # the part is picked out by how or where it died ("two people killed by rocket
            # fire"), not a breakdown of the dead ("the toll includes ten children")
            picked = any(c.dep_ == "acl" for c in node.children)
            return picked and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in TOTAL_NOUNS
                for c in parent.children
            )
        if parent.lower_ in {"including", "among"} and parent.dep_ == "prep":
            whole = parent.head
            return any(
                c.lower_ in ADDING_WORDS
                or (c.dep_ == "nummod" and c.i > 0 and c.doc[c.i - 1].lower_ in ADDING_WORDS)
                for c in whole.children
            )
        node = parent
    return _where_clause_attack(number) == "part"


# "comes one week after", "came a day after", "two weeks before": the clause after these
# tells another incident than the news.
SEQUENCE_WORDS = frozenset({"after", "before"})
SPACING_UNITS = DAY_UNITS | WEEK_UNITS | frozenset({"month", "months"})
RECENT_PAST_UNITS = frozenset({"week", "month"})


def _spaced_from_the_news(marker: Token, governor: Token) -> bool:
    """ "after" in "comes one week after", "came just a day after", "less than two weeks
    after": the news comes some days after (or before) what the clause tells."""
    if governor.lemma_.lower() == "come":
        return True
    before = marker.doc[max(marker.sent.start, marker.i - 3) : marker.i]
    return any(t.lower_ in SPACING_UNITS for t in before)


def _in_recent_past(verb: Token) -> bool:
    """ "Earlier this week a chemical attack … killed", "last month's raids killed":
    a verb dated earlier this week or month, or the week or month before."""
    for child in verb.children:
        if child.lemma_.lower() not in RECENT_PAST_UNITS or child.dep_ not in {
            "npadvmod", "advmod", "nmod", "poss", "npmod",
        }:  # fmt: skip
            continue
        words = {t.lower_ for t in child.children}
        if {"earlier", "this"} <= words or words & {"last", "previous"}:
            return True
    return False


def earlier_incident(number: Token) -> bool:
    """ "The latest attack comes one week after a Daesh suicide bomber blew himself up …
    killing 29 Syrian opposition fighters", "The strike came just a day after coalition
    forces killed 60 regime fighters", "Earlier this week a suspected chemical attack hit
    the town … killing at least 87 civilians": a count of an earlier incident."""
    for node in [number, *number.ancestors]:
        prep = node.lower_ in SEQUENCE_WORDS and node.dep_ == "prep"
        if prep and _spaced_from_the_news(node, node.head):
            return True
        if node.pos_ in {"VERB", "AUX"}:
            markers = [c for c in node.children if c.dep_ == "mark" and c.lower_ in SEQUENCE_WORDS]
            if node.dep_ == "advcl" and any(_spaced_from_the_news(m, node.head) for m in markers):
                return True
            if _in_recent_past(node):
                return True
    return likened_to_the_news(number) or _where_clause_attack(number) == "other"


# "a similar attack", "earlier regime shelling": an incident named as like, or before, the news.
LIKENING_WORDS = frozenset({"similar", "previous", "earlier", "prior"})
DOING_DEPS = frozenset({"nsubj", "nsubjpass"})


def _likened_event(phrase: Token) -> bool:
    """ "similar terrorist attacks", "a previous strike", "earlier regime shelling": words
    from the phrase's start open on a likening word and name an attack within the next
    three (read off the text, as the parser may hang the attack apart: "earlier regime |
    shelling")."""
    doc = phrase.doc
    start = phrase.left_edge.i
    words = [
        t
        for t in doc[start : min(start + 6, phrase.sent.end)]
        if t.lower_ not in {"a", "an", "the"}
    ]
    if not words or words[0].lower_ not in LIKENING_WORDS:
        return False
    return any(t.lemma_.lower() in EVENT_NOUNS or t.lower_ in EVENT_NOUNS for t in words[1:4])


def _verbs_of(number: Token) -> list[Token]:
    """The verbs above the count, and one hung on its noun ("three men killed in …")."""
    verbs = [t for t in [number, *number.ancestors] if t.pos_ in {"VERB", "AUX"}]
    noun = number.head if number.dep_ == "nummod" else number
    return [*verbs, *(c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB")]


def likened_to_the_news(number: Token) -> bool:
    """ "Similar terrorist attacks that took place in the city in the past 48 hours killed
    10 people", "two other people were killed in a similar attack on another
    neighbourhood", "four children and one man killed in earlier regime shelling": a
    count its verb gives to an incident the text names as like, or before, the news."""
    for verb in _verbs_of(number):
        for child in verb.children:
            if child.dep_ in DOING_DEPS and _likened_event(child):
                return True
            by_attack = child.dep_ in {"prep", "agent"} and child.lower_ in {"in", "during", "by"}
            if by_attack and any(_likened_event(o) for o in child.children if o.dep_ == "pobj"):
                return True
    return False


# A count dated this many days or more before the main event's day is of another incident;
# a day's gap is left alone (an overnight raid reported "on Saturday", a toll "on Friday
# and Saturday").
DAYS_APART = 2


# "In early October" before news of October 29: the first ten days of the news's month.
EARLY_MONTH = re.compile(r"\b(?:early|beginning of)[- ]([a-z]+)\b", re.IGNORECASE)
EARLY_DAYS = 10


def _early_in_month(sentence: str, month: int) -> bool:
    """Whether the sentence says "early <month>" / "the beginning of <month>"."""
    return any(MONTHS.get(m.group(1).lower()) == month for m in EARLY_MONTH.finditer(sentence))


def earlier_than_the_news(
    claim: CountClaim, news: TimeStamp | None, published: date | None = None
) -> CountClaim:
    """ "IS also claimed an October 2 bomb attack … that killed at least 17 people", "A
    similar bombing in the same square on July 25 killed at least seven people" in news
    of days later: a count its sentence dates (to the day) before the main event's day
    (``news``); "In early October a double bombing at a school killed 52 people" in news
    of October 29 (the main event's day, else the publication day): the first days of a
    month the news comes late in."""
    when = claim.when
    if claim.other_incident or when is None:
        return claim
    if when.precision is Precision.DAY:
        earlier = (
            news is not None
            and news.precision is Precision.DAY
            and news.value - when.value >= timedelta(days=DAYS_APART)
        )
    else:
        day = news.value if news is not None and news.precision is Precision.DAY else published
        earlier = (
            day is not None
            and when.precision is Precision.MONTH
            and (when.value.year, when.value.month) == (day.year, day.month)
            and day.day > EARLY_DAYS
            and _early_in_month(claim.evidence[-1].text, when.value.month)
        )
    return replace(claim, other_incident=True) if earlier else claim


# Sentence openers that tell another incident beside the news.
APART_OPENERS = frozenset({"meanwhile", "elsewhere", "separately"})
APART_PHRASES = (
    ("in", "the", "same", "context"),
    ("in", "the", "meantime"),
    ("in", "other", "news"),
)
APART_ADJECTIVES = frozenset({"another", "separate", "other", "different"})
DEFINITE = frozenset({"the", "this", "that"})
# "the attack killed 100": the news's own event, named again.
EVENT_NOUNS = frozenset(
    {"attack", "strike", "airstrike", "raid", "bombing", "blast", "explosion", "shelling",
     "assault", "massacre", "bombardment", "offensive", "incident"}
)  # fmt: skip


def _opens_apart(words: list[Token]) -> bool:
    """ "Meanwhile …", "Elsewhere …", "Separately …", "In the same context …", "In the
    meantime …", "In another air strike …", "In a separate incident …"; also after a
    one-word section heading ("Homs Meanwhile two civilians were killed …")."""
    lowered = [t.lower_ for t in words]
    for start in (0, 1):
        if start == 1 and not (words[0].is_title and len(words) > 1 and words[1].is_title):
            break  # a heading is a capitalised word before a capitalised opener
        rest = lowered[start:]
        if rest and rest[0] in APART_OPENERS:
            return True
        if any(tuple(rest[: len(phrase)]) == phrase for phrase in APART_PHRASES):
            return True
        if start == 0 and rest[:1] == ["in"]:
            after = [t for t in words[1:4] if t.lower_ not in {"a", "an"}]
            if len(after) > 1 and after[0].lower_ in APART_ADJECTIVES and after[1].pos_ == "NOUN":
                return True
    return False


def told_apart(number: Token) -> bool:
    """ "Meanwhile four civilians were killed when ISIS targeted residential
    neighborhoods", "In another air strike more than 60 mercenaries were killed": a
    count in a sentence that opens on another incident, unless its verb's subject names
    the news's own event again ("Meanwhile the coalition said the attack killed 100")."""
    words = [t for t in number.sent if not t.is_punct][:6]
    if not words or not _opens_apart(words):
        return False
    for node in [number, *number.ancestors]:
        for subject in (c for c in node.children if c.dep_ == "nsubj"):
            named_again = subject.lemma_.lower() in EVENT_NOUNS and any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in subject.children
            )
            if named_again:
                return False
    return True


# How far before the count a "where" clause may open, and the verbs giving its count.
WHERE_SPAN = 14
WHERE_VERBS = frozenset({"killed", "claimed", "left"})


def _in_the_lead(sentence: Span) -> bool:
    """Whether the sentence is among the headline and the lead's first sentences."""
    return sum(1 for _ in sentence.doc[: sentence.start].sents) <= LEAD_SENTENCES


def _where_clause_attack(number: Token) -> str | None:
    """A count a "where" clause gives a place, by an attack: "Qaterji, where Russian
    raids claimed 17 lives", "Douma, where raids killed 16 civilians" tell a part of
    the toll ("part"); "Khan Sheikhoun, where a chemical weapons attack killed nearly 90
    people on April 4" brings in another attack as the place's background ("other").
    Read off the words, as the parse often hangs such a clause apart.  None otherwise."""
    before = [t for t in number.sent if t.i < number.i][-WHERE_SPAN:]
    where = next((t for t in reversed(before) if t.lower_ == "where"), None)
    if where is None or _in_the_lead(number.sent):
        return None  # the lead's "struck Ariha, where air strikes killed 12": the news
    clause = [t for t in before if t.i > where.i]
    verb = next((i for i, t in enumerate(clause) if t.lower_ in WHERE_VERBS), None)
    if verb is None or any(t.pos_ in {"NOUN", "PROPN", "VERB"} for t in clause[verb + 1 :]):
        return None  # the verb gives this count: "killed nearly 90", "claimed 17"
    if any(t.lemma_.lower() in SPEECH_VERBS or t.is_punct for t in clause[:verb]):
        return None  # "where the strike took place … said 10 people were killed"
    if not any(t.lemma_.lower() in EVENT_NOUNS or t.lower_ in EVENT_NOUNS for t in clause[:verb]):
        return None  # "where 38 civilians have been killed": the news's own toll
    return "other" if clause[0].lower_ in {"a", "an"} else "part"


DISPLACED_WORDS = frozenset({"displace", "flee", "uproot", "homeless", "refugee", "refugees"})


def beside_millions_displaced(number: Token) -> bool:
    """ "An estimated 170000 people have reportedly been killed and millions displaced due
    to the violence", "… killed and more than 10 million displaced": a toll told beside
    millions displaced is the whole war's."""
    after = [t for t in number.sent if t.i > number.i]
    for index, token in enumerate(after):
        if token.lower_ in {"millions", "million"}:
            ahead = after[index + 1 : index + 5]
            if any(t.lemma_.lower() in DISPLACED_WORDS or t.lower_ in DISPLACED_WORDS
                   for t in ahead):  # fmt: skip
                return True
    return False


def _a_verb(token: Token) -> bool:
    """A verb of the clause, not "including" that the model tags VERB as a preposition
    ("Five civilians including three children were also killed")."""
    return token.pos_ == "VERB" and token.dep_ != "prep"


def also_of_its_verb(number: Token) -> bool:
    """ "Five civilians including three children were also killed by regime bombs", "The
    air force also killed at least 10 people in rebel areas", "The Kurds also lost three
    fighters": a count that adds to one given before (not "It also said 19 were killed":
    the "also" of the report).  So is a count whose "killing"/"leaving" clause hangs on a
    verb that says "also": "Rebels also fired rockets into the city killing one person",
    "The bombers had also targeted the troops leaving over 90 dead"."""
    verb = next((t for t in [number, *number.ancestors] if _a_verb(t)), None)
    if verb is None:
        return False
    verbs = [verb]
    if verb.dep_ in {"advcl", "acl"} and verb.tag_ == "VBG":  # "fired rockets … killing one"
        done = next((t for t in verb.ancestors if _a_verb(t)), None)
        if done is not None and done.lemma_.lower() not in SPEECH_VERBS:
            verbs.append(done)  # not "SANA also reported a rocket attack killing three"
    return any(c.dep_ == "advmod" and c.lower_ == "also" for v in verbs for c in v.children)
