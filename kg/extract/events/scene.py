"""Where an event happened: the place of a trigger's phrase and clause, and origins.

Places in "in/near/on/against/to/at/into/…" phrases, else the nearest place in the
trigger's clause; troop movements: place = destination, origins = "from X".  A place
more specific than a country wins over the country ("Russia air strikes kill 39 in
Idlib"); places named as backers ("with US support") or sources ("fighters from
Raqqa"), "-based" qualifiers, possessors ("Iraq's Mosul") and datelines ("BEIRUT A
coalition air strike …") are not where the event happened; "the city" is the last city
or town named before it; a place the gazetteer lacks gives way to the province its
phrase names ("the village of Khatab in central Hama province").  ``Scene`` also holds
what the argument readers share: the article's mentions, dates and countries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.dates import doc_dates
from kg.extract.entities import is_actor, is_based, is_place
from kg.extract.events.kinds import OBJECT_PLACE_KINDS, SPEC
from kg.extract.events.rules import rule
from kg.extract.events.shared_subject import own_place
from kg.extract.events.triggers import lower_lemma, prep_objects, trigger_kind
from kg.extract.events.words import (
    ACTOR_NOUNS,
    ALLEGIANCE_WORDS,
    BACKING_VERBS,
    LOCATIVE_PREPS,
    PLACE_PREPS,
    POST_MODIFIERS,
    SEQUENCE_MARKERS,
    SETTLEMENT_NOUNS,
    SUPPORT_NOUNS,
)
from kg.nlp import text_of
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.lexicon import REPORTING_VERBS
from kg.nlp.sentences import ancestors, head, headline_end, kids, sentence_of, subtree
from kg.records import Article, EntityKind, EntityRef, EventKind, Mention, TimeStamp

K = EventKind


# A dateline's place has at least this many letters ("BEIRUT"; not "US" opening a lead).
DATELINE_LETTERS = 3


def is_country(place: EntityRef) -> bool:
    """A place that is a whole country."""
    return EntityKind.COUNTRY in place.kinds


class MentionIndex:
    """Mentions looked up by token: which mention covers a token."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)

    def at(self, token: Token) -> Mention | None:
        """The mention covering ``token``, if any."""
        return self.by_token.get(token.i)

    def in_tokens(self, tokens: Iterable[Token]) -> Iterator[Mention]:
        """The mentions covering ``tokens``, each once, in the tokens' order."""
        seen: set[int] = set()
        for token in tokens:
            mention = self.by_token.get(token.i)
            if mention is not None and id(mention) not in seen:
                seen.add(id(mention))
                yield mention


def mention_token(doc: Doc, mention: Mention) -> int:
    """The index of a mention's last token."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span[-1].i if span is not None and len(span) else 0


def governing_verb(token: Token) -> Token:
    """The verb a noun trigger hangs from ("launched" for "launched an offensive")."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = head(node)
    return node


def post_modifier_end(noun: Token, most: int = 5) -> Token:
    """The last token of what follows a generic actor noun and says whose it is:
    "forces loyal to the regime", "fighters of the Islamic State" (at most ``most`` tokens);
    not past a conjunct ("aircraft and warplanes of the coalition": the warplanes')."""
    conjunct = min((c.i for c in kids(noun) if c.dep_ == "conj" and c.i > noun.i), default=None)
    for child in kids(noun):
        if conjunct is not None and child.i > conjunct:
            continue
        if child.i > noun.i and (
            (child.dep_ in ("amod", "acl") and child.lower_ in POST_MODIFIERS)
            or (child.dep_ == "prep" and child.lower_ == "of")
        ):
            end = max(t.i for t in child.subtree)
            if end - noun.i <= most:
                return noun.doc[end]
    return noun


@rule("the-city", '"the city": the last city or town named before it')
def is_definite_settlement(token: Token) -> bool:
    """ "the city", "the town" (an anaphor), not "a city", "the city of X" or "the
    villages" (several places, not the last one named)."""
    return (
        lower_lemma(token) in SETTLEMENT_NOUNS
        and token.tag_ != "NNS"
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in kids(token))
        and not any(c.dep_ in ("prep", "compound", "appos") for c in kids(token))
    )


@rule(
    "other-event-clause", '"two weeks after IS killed 270 guards in Homs": Homs is the killing\'s'
)
def in_other_event_clause(token: Token, trigger: Token) -> bool:
    """``token`` sits in a clause about another event — one a trigger heads, or one set
    before or after it in time: "the assault comes two weeks after IS killed 270 guards
    in Homs" (Homs is where the killing was, not the assault)."""
    stop = {trigger.i, governing_verb(trigger).i}
    for node in ancestors(token):
        if node.i in stop:
            return False
        if (
            node.pos_ == "VERB"
            and node.dep_ in ("advcl", "relcl", "ccomp", "conj", "pcomp")
            and (
                trigger_kind(node) is not None
                or any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKERS for c in kids(node))
            )
        ):
            return True
    return False


@rule("country-beside-place", '"fighters from Mosul, Iraq": from Mosul')
def _place_beside_country(places: list[EntityRef]) -> bool:
    return any(not is_country(p) for p in places)


class Scene:
    """What one article gives every argument reader: its mentions, dates and countries."""

    def __init__(self, doc: Doc, article: Article, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.article = article
        self.mentions = MentionIndex(doc, mentions)
        self.all_mentions = mentions
        self.headline_end = headline_end(doc, article)
        self.dates = self._date_tokens()
        self.gazetteer = load_gazetteer()
        self.story_country = self._story_country()
        self.scene_country: str | None = None  # the country of the event being read

    def _date_tokens(self) -> list[tuple[SpacySpan, TimeStamp]]:
        """The article's date expressions as token spans, with their time stamps."""
        spans = []
        for mention in doc_dates(self.doc, self.article.date_published):
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                spans.append((span, mention.stamp))
        return spans

    def entity_at(self, token: Token, want_place: bool) -> EntityRef | None:
        """The mention in ``token``'s phrase: itself, its compounds, then its subtree.

        Places are looked for only in the noun phrase proper ("the village of Asheh",
        "Aleppo city"), actors also among its modifiers ("Syrian government forces").
        """
        check = is_place if want_place else is_actor
        mention = self.mentions.at(token)
        if mention is not None and check(mention):
            return self._first_listed(token, mention) if want_place else mention.entity
        if want_place:
            place = self._place_in_phrase(token)
            if place is None and is_definite_settlement(token):
                return self._antecedent_settlement(token)
            return place
        left = self.doc[token.left_edge.i : token.i]
        for candidate in self.mentions.in_tokens(reversed(list(left))):
            if check(candidate) and not self._is_based(candidate) and not self._locator(candidate):
                return candidate.entity
        for candidate in self.mentions.in_tokens(
            self._subtree_without_clauses(token, skip_preps=LOCATIVE_PREPS)
        ):
            if check(candidate) and not self._is_based(candidate) and not self._locator(candidate):
                return candidate.entity
        return None

    def _first_listed(self, token: Token, mention: Mention) -> EntityRef:
        """The first of several places named as a list the parser glued into one noun
        phrase ("in Aleppo Deir ez-Zor Hasakeh Idlib and Raqqa": Idlib heads, Aleppo and
        the rest are its compounds)."""
        if is_country(mention.entity):
            return mention.entity  # "a street in Aleppo Syria": a place and its country
        first = mention
        glued: list[Token] = []
        stack = [self.doc[mention_token(self.doc, mention)]]
        while stack:
            node = stack.pop()
            compounds = [c for c in kids(node) if c.dep_ == "compound" and c.i < node.i]
            glued.extend(compounds)
            stack.extend(compounds)
        for child in glued:
            other = self.mentions.at(child)
            if (
                child.i < token.i
                and other is not None
                and other.span.start < first.span.start
                and self._listed_before(other, mention)
            ):
                first = other
        return first.entity

    @rule("first-listed-place", '"attacks in Aleppo, Daraa and Idlib": Aleppo, named first')
    def _listed_before(self, other: Mention, mention: Mention) -> bool:
        """Another place named before the phrase's head in the same list: news name the
        main scene first ("terrorist attacks in Aleppo Daraa": Aleppo)."""
        return is_place(other) and other.entity != mention.entity and not is_country(other.entity)

    def _locates(self, token: Token) -> bool:
        """Whether ``token`` is the country of the scene used as a modifier."""
        mention = self.mentions.at(token)
        return mention is not None and self._locator(mention)

    def _country_of(self, place: EntityRef | None) -> str | None:
        """The country a place lies in; for a place the gazetteer lacks (or none), the
        country the article's places mostly lie in."""
        if place is not None and is_country(place):
            return place.key
        country = self.gazetteer.country_of(place.key) if place is not None else None
        return country.key if country is not None else self.story_country

    def _story_country(self) -> str | None:
        """The country most of the article's places lie in."""
        countries = Counter(
            country.key
            for mention in self.all_mentions
            if is_place(mention)
            and (country := self.gazetteer.country_of(mention.entity.key)) is not None
        )
        return countries.most_common(1)[0][0] if countries else None

    @rule("scene-country-modifier", '"Syria rebels": the country of the scene locates the actor')
    def _locator(self, mention: Mention) -> bool:
        """The country of the scene as a noun modifier: "Syria rebels", "Syria car
        bombings" (rebels in Syria), unlike "US strikes" on Syria or "Syrian troops"."""
        if self.scene_country is None or mention.entity.key != self.scene_country:
            return False
        token = self.doc[mention_token(self.doc, mention)]
        return token.pos_ == "PROPN" and token.dep_ in ("compound", "nmod")

    def _place_in_phrase(self, token: Token) -> EntityRef | None:
        """A place heading or naming a noun phrase: compounds, "of X", appositions, conjuncts."""
        queue = [token]
        seen = 0
        country: EntityRef | None = None
        while queue and seen < 12:
            node = queue.pop(0)
            seen += 1
            mention = self.mentions.at(node)
            if (
                mention is not None
                and is_place(mention)
                and not self._is_based(mention)
                and not self._possessor_place(mention)
            ):
                if not is_country(mention.entity):
                    return mention.entity
                country = country or mention.entity  # "areas of Syria's Aleppo": Aleppo
            for child in kids(node):
                if child.dep_ in ("compound", "appos", "conj", "poss", "nmod"):
                    queue.append(child)
                elif child.dep_ == "prep" and child.lower_ in ("of", "in", "near"):
                    queue.extend(c for c in kids(child) if c.dep_ == "pobj")
        return country

    def _subtree_without_clauses(
        self, token: Token, skip_preps: frozenset[str] = frozenset()
    ) -> Iterator[Token]:
        """``token``'s subtree, without relative clauses and participles hanging off it
        (nor phrases of ``skip_preps``: "a jihadist group in Syria" is not Syria)."""
        stack = [token]
        while stack:
            node = stack.pop(0)
            yield node
            for child in kids(node):
                if child.dep_ in ("relcl", "acl", "advcl", "appos", "punct", "cc"):
                    continue
                if child.dep_ == "prep" and child.lower_ in skip_preps:
                    continue
                stack.append(child)

    @rule("first-conjunct-acted", '"air raids by regime aircraft and warplanes of the US-led '
          'coalition": the first named acted, not the one in its conjunct')  # fmt: skip
    def first_conjunct(self, token: Token) -> bool:
        """Is ``token`` a generic force noun ("aircraft", "forces") with conjuncts, whose
        own words, not its conjuncts', say who acted?"""
        return (
            lower_lemma(token) in ACTOR_NOUNS
            and self.mentions.at(token) is None
            and any(c.dep_ == "conj" for c in kids(token))
        )

    def own_words_actor(self, token: Token) -> EntityRef | None:
        """The actor named in ``token``'s phrase without its conjuncts ("regime aircraft
        and warplanes of the coalition": none; "jets of the regime and …": the regime)."""
        # The words before the first "and": the parse hangs the conjunct's own "of the
        # coalition" on the first noun ("regime aircraft and warplanes of the coalition").
        end = min(c.i for c in kids(token) if c.dep_ in ("cc", "conj"))
        own = list(self.doc[token.left_edge.i : end])
        for candidate in self.mentions.in_tokens(own):
            if is_actor(candidate) and not (self._is_based(candidate) or self._locator(candidate)):
                return candidate.entity
        return None

    @rule("possessor-place", '"Iraq\'s Mosul": Iraq qualifies the place')
    def _possessor_place(self, mention: Mention) -> bool:
        """ "Iraq" in "Iraq's Mosul", "Syria" in "Syria's Quneitra": a qualifier, not the place."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ in ("poss", "compound") and head(root).i >= span.end:
            other = self.mentions.at(head(root))
            return other is not None and is_place(other)
        return False

    @rule("based-qualifier", '"the Britain-based monitor": Britain is no scene, no actor')
    def _is_based(self, mention: Mention) -> bool:
        return is_based(text_of(self.doc), mention)

    @rule(
        "headline-verb-between",
        '"US Facilitates Transfer": no modifier across a title-case verb',
        off=True,
    )
    def _direct_modifier(self, modifier: Token, trigger: Token) -> bool:
        """False when a title-case word no mention covers stands between a modifier and
        its headline trigger: a verb the parser took for a name ("US Facilitates Transfer")."""
        if trigger.idx >= self.headline_end or modifier.i > trigger.i:
            return True
        return not any(
            t.pos_ == "PROPN" and t.is_title and self.mentions.at(t) is None
            for t in self.doc[modifier.i + 1 : trigger.i]
        )

    @rule("backer-not-scene", '"with US support", "backed by Turkey": a backer, not a scene')
    def _is_supporter(self, mention: Mention) -> bool:
        """A place named as a backer, not a scene: "with US support", "backed by the US"."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return False
        for node in [span.root, *ancestors(span.root)][:5]:
            lemma = lower_lemma(node)
            if lemma in SUPPORT_NOUNS | ALLEGIANCE_WORDS and node is not span.root:
                return True
            if lemma in BACKING_VERBS and node.tag_ == "VBN":
                return True
            if node.pos_ in ("VERB", "AUX"):
                return False
        return False

    def places_of(
        self, trigger: Token, kind: EventKind
    ) -> tuple[EntityRef | None, tuple[EntityRef, ...]]:
        """The event's place and, for troop movements, where they came from."""
        own = own_place(trigger, self.headline_end, self._place_at)
        if own is not None:  # "Foils Attack in Daraa Kills 50 Gunmen in Lattakia"
            return own, ()
        heads = [trigger]
        verb = governing_verb(trigger)
        if verb is not trigger and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            heads.append(verb)
        origins: list[EntityRef] = []
        if SPEC[kind].origins:
            origins = self._origins(heads)
        # Every place the trigger's phrase and clause give, in order of trust; the first
        # one more specific than a country wins ("Russia air strikes kill 39 in Idlib":
        # Idlib, not Russia, which is the actor; "strikes on Syria … in Shadadi": Shadadi).
        candidates: list[EntityRef] = []
        for node in heads:
            for obj in prep_objects(node, PLACE_PREPS - {"from"}):
                candidates.append(self._within(obj, self.entity_at(obj, want_place=True)))
            # "the Aleppo offensive", "Palmyra's fall"
            if node.pos_ != "VERB":
                for child in kids(node):
                    if child.dep_ in ("compound", "poss", "nmod") and self._direct_modifier(
                        child, node
                    ):
                        mention = self.mentions.at(child)
                        if (
                            mention is not None
                            and is_place(mention)
                            and not self._dateline(mention)
                        ):
                            candidates.append(mention.entity)
            for obj in (c for c in kids(node) if c.dep_ in ("dobj", "nsubjpass")):
                if kind in OBJECT_PLACE_KINDS or node.pos_ == "VERB":
                    candidates.append(self._within(obj, self.entity_at(obj, want_place=True)))
        places = [c for c in candidates if c is not None and c not in origins]
        specific = next((c for c in places if not is_country(c)), None)
        if specific is not None:
            return specific, tuple(origins)
        nearest = self._nearest_place(trigger, origins)
        if nearest is not None and not is_country(nearest):
            return nearest, tuple(origins)
        return (places[0] if places else nearest), tuple(origins)

    def _within(self, phrase: Token, place: EntityRef | None) -> EntityRef | None:
        """``place``, read off ``phrase``; a new place (one the gazetteer lacks) gives way
        to the known place the phrase says it lies in."""
        if place is None or place.known or is_country(place):
            return place
        return self._named_container(phrase) or place

    @rule("unlisted-place-within", '"in the town of Deir Jamal in rural Aleppo": a place the '
          "gazetteer lacks is placed by the province its phrase names", off=None)  # fmt: skip
    def _named_container(self, phrase: Token) -> EntityRef | None:
        """Where a place the phrase names lies, as the phrase says: "the village of Khatab
        in central Hama province", "the town of Deir Jamal in rural Aleppo" (the "in"
        phrase may hang on the place, on "village" or on the verb right after the phrase),
        "the Midan neighbourhood of Damascus": a known place the graph can place in a
        governorate."""
        doc = self.doc
        preps = [t for t in subtree(phrase) if t.dep_ == "prep" and t.lower_ in ("in", "of")]
        after = phrase.right_edge.i + 1
        if after < len(doc) and doc[after].dep_ == "prep" and doc[after].lower_ == "in":
            preps.append(doc[after])  # "… in the town of Deir Jamal | in rural Aleppo"
        for prep in preps:
            for obj in (c for c in kids(prep) if c.dep_ == "pobj"):
                container = self._place_in_phrase(obj)
                if (
                    container is not None
                    and container.known
                    and self.gazetteer.governorate_of(container.key) is not None
                ):
                    return container
        return None

    def _place_at(self, token: Token) -> EntityRef | None:
        """The place a mention starting at ``token`` names, if any."""
        mention = self.mentions.at(token)
        return mention.entity if mention is not None and is_place(mention) else None

    def _origins(self, heads: Sequence[Token]) -> list[EntityRef]:
        """Where troops came from: places in "from X" phrases anywhere in the trigger's
        phrase ("to the areas of Raqqa … from Mosul", "hardware from the regions of
        Raqqa"); a country is dropped beside a place in it ("from Mosul, Iraq")."""
        origins: list[EntityRef] = []
        for node in heads:
            for token in self._subtree_without_clauses(node):
                if not (token.dep_ == "prep" and token.lower_ == "from"):
                    continue
                for obj in (c for c in kids(token) if c.dep_ == "pobj"):
                    for mention in self.mentions.in_tokens(subtree(obj)):
                        if (
                            is_place(mention)
                            and not self._possessor_place(mention)
                            and mention.entity not in origins
                        ):
                            origins.append(mention.entity)
        if _place_beside_country(origins):
            origins = [o for o in origins if not is_country(o)]
        return origins

    @rule("source-place", '"large numbers of fighters from Raqqa": where they came from')
    def _is_source_place(self, mention: Mention) -> bool:
        """A place things come from ("large numbers from Raqqa"), not where it happened."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return False
        for node in ancestors(span.root)[:4]:
            if node.dep_ == "prep" and node.lower_ == "from":
                return True
            if node.pos_ in ("VERB", "AUX"):
                return False
        return False

    @rule("speaking-place", '"Washington and Paris say …": a capital speaking, not a scene')
    def _speaking_place(self, mention: Mention) -> bool:
        """A place that is the subject of a verb of saying ("Washington and Paris say
        forces loyal to Assad were behind the attack"): its government speaks."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            return False
        node = span.root
        while node.dep_ == "conj" and head(node).i != node.i:
            node = head(node)
        return node.dep_ == "nsubj" and lower_lemma(head(node)) in REPORTING_VERBS

    @rule("dateline-place", '"BEIRUT A US-led coalition air strike killed 18 civilians in '
          'Raqqa": where the reporter files from, not the scene')  # fmt: skip
    def _dateline(self, mention: Mention) -> bool:
        """A place written in capitals opening a sentence, before more words: a dateline
        ("BEIRUT At least 70 fighters have been killed", "BEIRUT (Sputnik) Clashes …"),
        which the parse hangs on the sentence's verb or first noun."""
        span = self.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None or mention.span.start < self.headline_end or span.end >= len(self.doc):
            return False
        letters = [ch for ch in span.text if ch.isalpha()]
        after = self.doc[span.end]
        return (
            span[0].is_sent_start
            and len(letters) >= DATELINE_LETTERS
            and all(ch.isupper() for ch in letters)
            and (after.text == "(" or not (after.is_punct or after.is_space))
        )

    def _antecedent_settlement(self, token: Token) -> EntityRef | None:
        """ "the city", "the town": the last city or town named before it in the article."""
        best: Mention | None = None
        for mention in self.all_mentions:
            if mention.span.start >= token.idx:
                break
            if (
                EntityKind.SETTLEMENT in mention.entity.kinds
                and not self._is_based(mention)
                and not self._is_supporter(mention)
            ):
                best = mention
        return best.entity if best is not None else None

    def _nearest_place(self, trigger: Token, origins: list[EntityRef]) -> EntityRef | None:
        """The place nearest the trigger within its clause (then its sentence)."""
        clause = governing_verb(trigger)
        sentence = sentence_of(trigger)
        for scope in (list(subtree(clause)), list(sentence)):
            best: tuple[bool, int, EntityRef] | None = None
            for mention in self.mentions.in_tokens(scope):
                if not is_place(mention) or mention.entity in origins:
                    continue
                if (
                    self._is_based(mention)
                    or self._possessor_place(mention)
                    or self._is_supporter(mention)
                    or self._is_source_place(mention)
                    or self._speaking_place(mention)
                    or self._dateline(mention)
                    or in_other_event_clause(self.doc[mention_token(self.doc, mention)], trigger)
                    or not self._direct_modifier(
                        self.doc[mention_token(self.doc, mention)], trigger
                    )
                ):
                    continue
                # the nearest place more specific than a country, else the nearest country
                rank = (is_country(mention.entity), abs(mention.span.start - trigger.idx))
                if best is None or rank < best[:2]:
                    last = self.doc[mention_token(self.doc, mention)]
                    best = (*rank, self._first_listed(last, mention))
            if best is not None:
                return best[2]
        return None
