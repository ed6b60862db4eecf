"""Main-event choice: which event an article is about.

One event per article is marked ``main``: the headline's, else the lead's, preferring
violent events over captures, attacks and movements (``kinds.MAIN_PRIORITY``), and
news over background dated a month or more earlier.  A headline "attack" is made
precise by the first body sentence, else the second, unless that names only a weapon
used ("ISIS used car bombs"); a headline killing by the whole lead.  The headline's vaguer words and
the lead's "attack" of the same incident fold into the main event, one node; so does a
lead sentence that only says where the incident was ("The blast took place in al-Mashi"),
whose place becomes the main event's.  The body sentence that gives the headline's death
toll again tells the headline's incident (``headline_count``): it makes a headline
"attack" precise when the first pick's sentence does not give the toll, and places a
headline that names only the country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.dates import before_the_news
from kg.extract.events.arguments import Found
from kg.extract.events.earlier import told_as_earlier
from kg.extract.events.headline_count import headline_tolls, tells_headline_toll, toll_places
from kg.extract.events.kinds import MAIN_PRIORITY, PRECISE_KINDS
from kg.extract.events.merge import (
    actor_compatible,
    claimant_rank,
    place_compatible,
    told_apart,
    when_compatible,
)
from kg.extract.events.own_dead import dead_acted, dead_side, killer_of_the_dead
from kg.extract.events.rules import rule
from kg.extract.events.scene import is_country
from kg.extract.events.triggers import is_killing, lower_lemma
from kg.extract.events.words import INSTRUMENT_VERBS, UNNAMED_ACTOR_WORDS
from kg.extract.sides import resolve_actor, side_of
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.sentences import (
    LEAD_SENTENCES,
    ancestors,
    body_sentences,
    head,
    headline_end,
    kids,
    sentence_of,
)
from kg.records import Article, EntityRef, EventKind, Side

K = EventKind


@rule("weapon-used", '"ISIS used car bombs": a weapon used, not the headline\'s precise event')
def _instrument(trigger: Token) -> bool:
    """A weapon named as what an actor used ("used car bombs", "using drones"), not as
    an event of its own."""
    for node in [trigger, *ancestors(trigger)][:4]:
        if node.pos_ == "VERB":
            return lower_lemma(node) in INSTRUMENT_VERBS and node is not trigger
    return False


@rule("lead-killing-last", '"insurgents killed 14": the lead\'s own event words come first')
def _lead_killing(trigger: Token) -> bool:
    return is_killing(trigger)


@rule("background-not-news", '"in March 2013 the town was attacked": background, not the news')
def _background(item: Found, published: date | None) -> bool:
    return before_the_news(item.when, published)


# What is left of a sentence that copies the headline, in words, for it still to be news.
NEWS_LEFT_WORDS = 6


def _plain(text: str) -> str:
    """Lowercase words only: "Syria's Aleppo:" → "syria s aleppo"."""
    return " ".join(re.findall(r"\w+", text.lower()))


@rule("repeated-headline", '"Terrorist attacks on Aleppo" + "14 August 2016 Terrorist attacks on '
      'Aleppo SANA": a copy of the headline, not the first news sentence')  # fmt: skip
def _repeats_headline(sentence: SpacySpan, headline: str) -> bool:
    """A body sentence that is the headline again (with a date or an outlet's name)."""
    title = _plain(headline)
    words = _plain(sentence.text)
    if len(title.split()) < 3 or title not in words:
        return False
    return len(words.replace(title, " ", 1).split()) < NEWS_LEFT_WORDS


# A body "sentence" this short without a verb is a tag or a dateline, not news.
TAG_WORDS = 8


@rule("tag-not-news", '"SANA" or "BEIRUT (AFP)" alone before the lead: an outlet\'s tag or a '
      "dateline, not the first news sentence")  # fmt: skip
def _is_tag(sentence: SpacySpan) -> bool:
    """A few words with no verb: "SANA", "BEIRUT, Lebanon (AP) -", "Thu Feb 5 2015"."""
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    return len(words) < TAG_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _news(body: Sequence[SpacySpan], headline: str) -> list[SpacySpan]:
    """The body sentences that report: no copy of the headline, no tag or dateline."""
    return [s for s in body if not (_repeats_headline(s, headline) or _is_tag(s))]


@rule("another-killer", '"US-led Coalition Kills 20" + "Syrian airstrikes kill 100": '
      "another actor's strike is another event, not the killing's means")  # fmt: skip
def _another_killer(killing: Found, other: Found) -> bool:
    """The killing names its killer and ``other`` names an actor who is not that killer
    nor of its camp ("Syrian Army Kills 50" + "Syrian warplanes bombed": one camp)."""
    if killing.actor is None or actor_compatible(killing.actor, other.actor):
        return False
    camp = _camp(killing.actor)
    assert other.actor is not None  # compatible otherwise
    return camp is None or camp is not _camp(other.actor)


@rule("another-attacker", '"ISIS attacks Kurdish-held town" + "Coalition war planes carried '
      'out air strikes to repel the assault": another camp\'s strike is another event')  # fmt: skip
def _another_camp(attack: Found, other: Found) -> bool:
    """A headline attack whose attacker has a side, and a precise event whose actor has
    another: the other camp's answer, not the attack's means (as ``another-killer`` for a
    killing; "terrorists" or no actor named may still be the attacker's)."""
    if attack.actor is None or other.actor is None:
        return False
    camp, rival = _camp(attack.actor), _camp(other.actor)
    return camp is not None and rival is not None and camp is not rival


def _camp(actor: EntityRef) -> Side | None:
    """The side the gazetteer gives an event's actor, if any."""
    return side_of(resolve_actor(actor, False, load_gazetteer()))


# How many news sentences may make a headline's bare "attack" precise.
ATTACK_SCOPE = 2


@rule("attack-precise-in-second-sentence", '"Regime Commits Massacre in Aleppo" + "The regime '
      'committed a massacre in Bab Alnairab." + "The victims were hit by airstrikes.": the '
      "second news sentence says how, when the first does not", off=1)  # fmt: skip
def _attack_scope() -> int:
    """How many news sentences, in order, may make a headline "attack" precise: the
    first that names a precise kind does."""
    return ATTACK_SCOPE


def main_index(doc: Doc, article: Article, found: Sequence[Found]) -> tuple[int, int] | None:
    """Which event the headline, else the lead, reports; and the event that pick was
    made precise from (itself, or "Army Kills 10" for "… in a missile attack")."""
    if not found:
        return None
    published = article.date_published
    end = headline_end(doc, article)
    body = body_sentences(doc, article)
    lead_ranks = {}
    rank = 0
    for sentence in body:
        if any(sentence.start <= f.trigger.i < sentence.end for f in found):
            lead_ranks[sentence.start] = rank
            rank += 1
        if rank >= LEAD_SENTENCES:
            break

    def score(index: int) -> tuple[int, int, bool, int]:
        """Lower is likelier the news: headline, lead order, kind, killings, text order."""
        item = found[index]
        first = item.trigger.i
        if item.trigger.idx < end:
            place_rank = 0
        else:
            place_rank = 1 + lead_ranks.get(sentence_of(item.trigger).start, 100)
            if _lead_killing(item.trigger) or told_as_earlier(item.trigger):
                place_rank += 50  # "… a day after the reported execution of a pilot"
        if _background(item, published):
            place_rank += 100
        # "Army Frustrates Terrorist Attack, Kills 10": the headline's news is the killing.
        return (place_rank, MAIN_PRIORITY[item.kind], not is_killing(item.trigger), first)

    best = min(range(len(found)), key=score)
    # A headline that only says "attack" (or nothing) is made precise by the first body
    # sentence: "Terrorist attacks kill 10" + "… killed by rocket shells" is a shelling;
    # else by the second ("Regime Commits Massacre" + "The regime committed a massacre
    # …" + "The victims were hit by airstrikes").
    # Not by a weapon the attackers used: "ISIS Launches Offensive in Palmyra" + "ISIS
    # used a high number of car bombs" stays the offensive.  A killing ("Turkish
    # military kills 14") is made precise by the whole lead, and by the weapon of the
    # killing itself ("forces killed 1,300 people using chemical weapons").
    if found[best].kind is K.ATTACK or found[best].trigger.idx >= end:
        killing = found[best].trigger if is_killing(found[best].trigger) else None
        scope = _news(body, article.headline)[
            : LEAD_SENTENCES if killing is not None else _attack_scope()
        ]

        def precise_enough(f: Found) -> bool:
            """A precise kind of attack in the headline or scope, not a weapon used."""
            return precise_kind(f) and (
                f.trigger.idx < end or any(s.start <= f.trigger.i < s.end for s in scope)
            )

        def precise_kind(f: Found) -> bool:
            """A precise kind of attack, not a weapon used nor another camp's."""
            if f.kind not in PRECISE_KINDS or told_as_earlier(f.trigger):
                return False
            if _instrument(f.trigger) and not (
                killing is not None and killing in ancestors(f.trigger)
            ):
                return False
            if killing is not None and _another_killer(found[best], f):
                return False
            return not (found[best].trigger.idx < end and _another_camp(found[best], f))

        def sentence_rank(f: Found) -> int:
            """0 in the headline or the first news sentence, else the scope sentence's
            rank: a later sentence makes an "attack" precise only when these do not (a
            killing's whole lead counts as one)."""
            if f.trigger.idx < end or killing is not None:
                return 0
            return next(n for n, s in enumerate(scope) if s.start <= f.trigger.i < s.end)

        def order(i: int) -> tuple[int, int, int]:
            return sentence_rank(found[i]), MAIN_PRIORITY[found[i].kind], found[i].trigger.i

        precise = [i for i, f in enumerate(found) if precise_enough(f)]
        pick = min(precise, key=order) if precise else None
        if found[best].trigger.idx < end and (pick is None or found[pick].trigger.idx >= end):
            tolls = headline_tolls(doc, end)
            news = _news(body, article.headline)
            told = [i for i, f in enumerate(found) if precise_kind(f) and _tells(f, news, tolls)]
            if told and (pick is None or not _tells(found[pick], news, tolls)):
                return min(
                    told,
                    key=lambda i: (
                        sentence_of(found[i].trigger).start,
                        MAIN_PRIORITY[found[i].kind],
                        found[i].trigger.i,
                    ),
                ), best
        if pick is not None:
            return pick, best
    return best, best


def _toll_places(
    main: Found, other: Found, tolls: set[int], end: int, published: date | None
) -> bool:
    """``other``, a lead mention of the main event's kind with a place of its own, gives
    the headline's toll where none of the main event's mentions does."""
    if other.place is None or is_country(other.place) or other.place == main.place:
        return False
    return (
        actor_compatible(main.actor, other.actor)
        and when_compatible(main.when, other.when, published)
        and toll_places(_told(main, tolls, end), _told(other, tolls, end), other.kind is main.kind)
    )


def _told(item: Found, tolls: set[int], end: int) -> bool:
    """Is one of ``item``'s mentions in a body sentence that gives a headline toll?"""
    doc = item.trigger.doc
    return any(
        tells_headline_toll(sentence_of(doc[i]), tolls) for i in item.triggers if doc[i].idx >= end
    )


def _tells(item: Found, news: Sequence[SpacySpan], tolls: set[int]) -> bool:
    """Is ``item`` in a news sentence that gives one of the headline's tolls again?"""
    sentence = next((s for s in news if s.start <= item.trigger.i < s.end), None)
    return sentence is not None and tells_headline_toll(sentence, tolls)


def _generic(actor: EntityRef | None) -> bool:
    """No actor, or only words every side uses of its enemies ("terrorists", "gunmen")."""
    return actor is None or (
        not actor.known and all(word in UNNAMED_ACTOR_WORDS for word in actor.label.lower().split())
    )


@rule("generic-named-in-lead", '"Jihadists execute three rebel officers" + "Jihadists from the '
      'Islamic State have executed three officers": the headline\'s jihadists are IS')  # fmt: skip
def _generic_named(main: Found, other: Found) -> bool:
    """The main event's actor is only a word every side uses ("jihadists", "militants"),
    and a lead mention of the incident names the group in those words ("Jihadists from
    the Islamic State", "ISIS militants"): that group acted."""
    if main.actor is None or other.actor is None or not _generic(main.actor):
        return False
    if _generic(other.actor):
        return False
    stem = main.actor.label.lower().split()[-1].removesuffix("s")
    name = other.actor.label.lower()
    for span in other.evidence:
        sentence = span.text.lower()
        at = sentence.find(name)
        window = sentence[max(0, at - NAME_WINDOW) : at + len(name) + NAME_WINDOW]
        if at >= 0 and re.search(rf"\b{re.escape(stem)}s?\b", window):
            return True
    return False


# How near the group's name the generic word stands: "Jihadists from the Islamic State".
NAME_WINDOW = 30


@rule("same-incident", '"Army Kills 10" + "… in a missile attack" + "the attack": one incident')
def _same_incident(main: Found, other: Found, lead: int, published: date | None) -> bool:
    """A lead mention that can only be the main event in other words: all its words in
    the headline and lead, an "attack" (or the same kind) where the main event is a
    precise kind of attack, nothing it says contradicts the main event."""
    if not all(span.start < lead for span in other.evidence):
        return False
    if other.kind is not main.kind and not (other.kind is K.ATTACK and main.kind in PRECISE_KINDS):
        return False
    return (
        place_compatible(main.place, other.place)
        and (actor_compatible(main.actor, other.actor) or _generic_named(main, other))
        and when_compatible(main.when, other.when, published)
        and not told_apart(main.trigger, other.trigger)
    )


def _fold(main: Found, other: Found) -> None:
    """``other`` is the same event as ``main`` in vaguer words ("Army Kills 10" for
    "… in a missile attack"): its words and arguments join the main record."""
    if _generic(main.actor) and not _generic(other.actor):
        main.actor = other.actor
    if main.place is None or (is_country(main.place) and other.place is not None):
        main.place = other.place or main.place
    main.target = main.target or other.target
    main.when = main.when or other.when
    if claimant_rank(other.attribution) > claimant_rank(main.attribution):
        main.attribution = other.attribution
    main.evidence.extend(span for span in other.evidence if span not in main.evidence)
    main.triggers |= other.triggers


@rule("killer-acted", '"Syrian Army Kills 10 Terrorists in Missile Attack": the army fired '
      "the missiles, whoever else the body's mentions of missiles name", off=None)  # fmt: skip
def _headline_killer(found: Sequence[Found], main: Found, end: int) -> EntityRef | None:
    """The killer a headline killing names, when the main event is that killing's means:
    in the killing's phrase, with no other verb between, and no other actor of its own."""
    for killing in found:
        if killing is main or killing.actor is None or not is_killing(killing.trigger):
            continue
        if killing.trigger.idx >= end or main.trigger.idx >= end:
            continue
        path = ancestors(main.trigger)
        if killing.trigger not in path:
            continue
        between = path[: path.index(killing.trigger)]
        if any(t.pos_ in ("VERB", "AUX") for t in between):
            continue
        if actor_compatible(main.actor, killing.actor):
            return killing.actor
    return None


# Verbs that only say where an incident was: "the blast occurred in …", "… took place in …".
LOCATING_VERBS = frozenset({"occur", "happen"})


@rule("incident-took-place", '"A car bomb killed 17" + "The blast took place in al-Mashi": '
      "the lead says where the incident was")  # fmt: skip
def _says_where(main: Found, other: Found, lead: int) -> bool:
    """A lead sentence whose subject is the incident, named again with "the" ("the
    blast", "the attack"), and whose verb only says where it was: "The blast took place
    in al-Mashi", "The attack occurred in Qaboun"; its place is the main event's."""
    trigger = other.trigger
    if not all(span.start < lead for span in other.evidence) or trigger.idx >= lead:
        return False
    if other.place is None or is_country(other.place) or other.place == main.place:
        return False
    if other.kind is not main.kind and other.kind is not K.ATTACK:
        return False
    if trigger.dep_ != "nsubj" or not any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in kids(trigger)
    ):
        return False
    verb = head(trigger)
    return lower_lemma(verb) in LOCATING_VERBS or (
        lower_lemma(verb) == "take" and any(c.lower_ == "place" for c in kids(verb))
    )


def choose_main(
    doc: Doc, article: Article, found: Sequence[Found], merged: list[Found], lead: int
) -> Found | None:
    """The merged record of the main event, with the headline's vaguer words and the
    lead's mentions of the same incident folded in (removed from ``merged``)."""
    picked = main_index(doc, article, found)
    if picked is None:
        return None
    main_trigger, headline_trigger = (found[i].trigger.i for i in picked)
    main = next(item for item in merged if main_trigger in item.triggers)
    killer = _headline_killer(found, found[picked[0]], headline_end(doc, article))
    if killer is not None:
        main.actor = killer
    vaguer = next(item for item in merged if headline_trigger in item.triggers)
    if vaguer is not main:
        _fold(main, vaguer)
        merged.remove(vaguer)
    end = headline_end(doc, article)
    tolls = headline_tolls(doc, end)
    # The lead's mentions that give the headline's toll fold in first: "Air strikes kill
    # at least 45" + "… airstrikes on Idlib killed 24" + "45 were killed … in Aleppo".
    for other in sorted(
        (m for m in merged if m is not main), key=lambda m: not _told(m, tolls, end)
    ):
        if _same_incident(main, other, lead, article.date_published):
            _fold(main, other)
            merged.remove(other)
    news = _news(body_sentences(doc, article), article.headline)[:LEAD_SENTENCES]
    said = found[picked[1]]  # the headline's words, when they name no place but a country
    unplaced = said.trigger.idx < end and (said.place is None or is_country(said.place))
    for other in [m for m in merged if m is not main and any(m.trigger in s for s in news)]:
        if unplaced and _toll_places(main, other, tolls, end, article.date_published):
            main.place = other.place
            _fold(main, other)
            merged.remove(other)
            break
    for other in [m for m in merged if m is not main]:
        if _says_where(main, other, lead) and actor_compatible(main.actor, other.actor):
            main.place = other.place
            _fold(main, other)
            merged.remove(other)
    if dead_acted(main.actor, article.headline):  # "100 ISIL Terrorists Killed in Kobani"
        main.actor = killer_of_the_dead(found, dead_side(article.headline), lead)
    return main
