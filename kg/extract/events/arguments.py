"""Argument readers: who did it, to whom, when, in which words, who says so.

* actor — the ``nsubj`` of an active verb, the ``agent`` of a passive one ("by X"),
  the subject of a governing verb ("X managed to seize"), the possessor or a
  compound/amod modifier of a noun ("ISIS offensive", "regime shelling"), or the
  subject of a support verb ("X launched an offensive");
* target — the direct object or "against/on X" when X is not a place;
* place and origins — ``scene.Scene.places_of``;
* when — the date expression governing the trigger (``kg.extract.dates``);
* attribution — ``kg.extract.attribution.attribute`` over the trigger's clause.

A killing verb with a named killer ("the army killed 20", "20 killed by the army") is
an attack by that killer; an attack whose attacker is aircraft is an air strike, by
artillery or tanks shelling.  "A bombing blamed on Daesh" and "shelling by ISIS" name
the actor.  The country of the scene used as a noun modifier ("Syria rebels") locates
the actor and is not one.  Parses that cross a paragraph break are patched locally: a
subject the parse hung on the previous paragraph is read off the trigger's own line;
a title-case headline trigger takes the actor named right before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.attribution import attribute
from kg.extract.entities import is_actor, is_place
from kg.extract.events.air_powers import kind_of_air_power
from kg.extract.events.kinds import NOUN_TRIGGERS, SPEC
from kg.extract.events.relatives import passive_relative
from kg.extract.events.repelled import FOILED_DEVICES, repeller
from kg.extract.events.rules import rule
from kg.extract.events.scene import Scene, governing_verb, is_country, post_modifier_end
from kg.extract.events.shared_subject import shared_subject
from kg.extract.events.triggers import (
    CHEMICAL_WEAPON_WORDS,
    TITLE_USE_WORDS,
    is_killing,
    killed_in_clashes,
    kind_of_attacker,
    kind_of_killer,
    kind_of_striker,
    lower_lemma,
    prep_objects,
    triggers,
)
from kg.extract.events.words import (
    ACTOR_NOUNS,
    BLAME_VERBS,
    FIRE_NOUNS,
    FORCE_NOUNS,
    INSTRUMENT_PREPS,
    SUPPORT_VERBS,
)
from kg.nlp import text_of
from kg.nlp.lexicon import REPORT_DATING_VERBS, SELF_REPORT_VERBS
from kg.nlp.sentences import ancestors, head, kids, line_start, sentence_of, subtree, trimmed
from kg.rdf.iris import slug
from kg.records import Attribution, EntityKind, EntityRef, EventKind, Mention, Span, TimeStamp

K = EventKind


@dataclass(slots=True)
class Found:
    """One trigger occurrence with its arguments, before merging."""

    kind: EventKind
    trigger: Token
    actor: EntityRef | None = None
    target: EntityRef | None = None
    place: EntityRef | None = None
    origins: tuple[EntityRef, ...] = ()
    when: TimeStamp | None = None
    evidence: list[Span] = field(default_factory=list)
    triggers: set[int] = field(default_factory=set)  # token indices merged into this one
    attribution: Attribution | None = None


@rule(
    "headline-passive", '"47 Leaders Killed in Idleb Blast": a headline passive, no active subject'
)
def bare_participle(verb: Token) -> bool:
    """A headline passive without its auxiliary: "47 Leaders Killed in Idleb Blast"."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ == "aux" and lower_lemma(c) == "have" for c in kids(verb)
    )


def has_subject(verb: Token) -> bool:
    """Whether the verb has a subject or an agent of its own."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") for c in kids(verb))


@rule("participle-not-agent", '"forces backed by X attacked": X did not attack')
def _participle_of_noun(node: Token) -> bool:
    return node.dep_ == "acl" and node.tag_ == "VBN"


def subject_of(verb: Token) -> Token | None:
    """The grammatical agent of ``verb``, climbing xcomp/conj/advcl chains."""
    node = verb
    for _ in range(4):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(node))
        for child in kids(node):
            if child.dep_ == "agent":
                objects = [c for c in kids(child) if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if not passive:
            for child in kids(node):
                if child.dep_ in ("nsubj", "csubj"):
                    return child
        if _participle_of_noun(node):
            return None  # "forces backed by X": X did not do what the head did
        if node.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl") and head(node) is not node:
            if node.dep_ == "relcl":  # "a helicopter that was shot down": not who shot
                return None if passive_relative(node) else head(node)
            node = head(node)
            continue
        return None
    return None


# "ISIS said it …", "the rebels claimed they …": the speaker reports its own deed.
SELF_PRONOUNS = frozenset({"it", "they"})


@rule("means-of", '"the army killed 18 commanders in air raids": the killer raided')
def _means_of(trigger: Token, prep: Token, means_of: Token) -> bool:
    return (
        trigger.dep_ == "pobj"
        and prep.lower_ in INSTRUMENT_PREPS
        and means_of.pos_ == "VERB"
        and means_of is not prep
        and not bare_participle(means_of)
    )


@rule("support-verb-subject", '"ISIS launched an offensive": the offensive is ISIS\'s')
def _carried_out(trigger: Token, verb: Token) -> bool:
    return trigger.dep_ in ("dobj", "nsubjpass") and lower_lemma(verb) in SUPPORT_VERBS


@rule("nationality-actor", '"Russian air strikes", "Syrian shelling": the nationality acted')
def _nationality(token: Token) -> bool:
    return token.ent_type_ == "NORP" and token.pos_ == "ADJ" and token.dep_ in ("amod", "compound")


@rule("shared-date", '"On December 8 they advanced and captured Morek": both on December 8')
def _shares_modifiers(node: Token) -> bool:
    return node.dep_ in ("conj", "xcomp") and head(node) is not node


@rule("report-date", '"On Sunday, X reported that …": the date dates the report, not the event')
def _dates_the_report(root: Token) -> bool:
    return lower_lemma(root) in REPORT_DATING_VERBS


@rule("used-chemical-subject", '"Assad Used Chemical Weapons": Assad, past "Used Chemical"')
def _used_chemical(token: Token) -> bool:
    return token.lower_ in TITLE_USE_WORDS or token.lower_ in CHEMICAL_WEAPON_WORDS


@rule("killing-needs-killer", '"it killed 20": nobody to say the attack was theirs')
def _nobody_killed(trigger: Token, actor: EntityRef | None) -> bool:
    return actor is None and is_killing(trigger)


class Reader(Scene):
    """Reads events off one parsed article."""

    def actor_of(self, trigger: Token, kind: EventKind | None = None) -> EntityRef | None:
        """Who did it: subject, agent, possessor, modifier, a support verb's subject, or
        the actor named right before a headline trigger."""
        candidates: list[Token] = []
        candidates.extend(self._blamed_on(trigger))
        agent = self._done_by(trigger)
        if agent is not None:
            return agent
        candidates.extend(self._held_responsible(trigger))
        if trigger.pos_ == "VERB":
            subject = subject_of(trigger)
            partner = killed_in_clashes(trigger) if subject is None else None
            if partner is not None:  # "killed in clashes with Daish": Daish, or nobody named
                return self._actor_phrase(partner)
            if subject is not None:
                candidates.append(subject)
            elif trigger.tag_ == "VBG":
                candidates.extend(prep_objects(trigger, ("by",)))  # "shelling by ISIS"
        else:
            candidates.extend(c for c in kids(trigger) if c.dep_ == "poss")
            candidates.extend(o for o in prep_objects(trigger, ("by",)))
            if kind is not None and SPEC[kind].origins:
                mover = self._mover(trigger)
                if mover is not None:
                    return mover
            candidates.extend(
                c
                for c in kids(trigger)
                if c.dep_ in ("compound", "amod", "nmod") and self._direct_modifier(c, trigger)
            )
            verb = head(trigger)
            prep = verb
            means_of = head(prep)
            if means_of.dep_ == "dobj" and means_of.pos_ in ("NOUN", "PROPN"):
                means_of = head(means_of)  # "killed 18 commanders in air raids"
            if _means_of(trigger, prep, means_of):
                subject = subject_of(means_of)
                if subject is not None:
                    candidates.append(subject)
            if _carried_out(trigger, verb):
                subject = subject_of(verb)
                if subject is not None:
                    candidates.append(subject)
                elif not has_subject(verb):
                    candidates.extend(self._left_subject(verb))
        for candidate in candidates:
            entity = self._actor_phrase(candidate)
            if entity is not None:
                return entity
        if trigger.pos_ == "VERB" and not has_subject(trigger):
            for candidate in self._left_subject(trigger):
                entity = self._actor_phrase(candidate)
                if entity is not None:
                    return entity
        if trigger.idx < self.headline_end:
            return self._headline_subject(trigger)
        return None

    @rule("mover-of", '"a transfer of 5,000 IS militants": who moved', off=None)
    def _mover(self, trigger: Token) -> EntityRef | None:
        for moved in prep_objects(trigger, ("of",)):
            entity = self._own_actor(moved)
            if entity is not None:
                return entity
        return None

    @rule("blamed-on", '"a car bombing blamed on Daesh", "strikes attributed to Russia"', off=())
    def _blamed_on(self, trigger: Token) -> list[Token]:
        """ "a car bombing blamed on Daesh", "strikes attributed to Russia"."""
        found = []
        for child in kids(trigger):
            if child.dep_ == "acl" and lower_lemma(child) in BLAME_VERBS:
                found.extend(prep_objects(child, ("on", "to")))
        return found

    @rule("fired-by", '"a missile fired by Syrian forces", "barrel bombs dropped by regime '
          'helicopters", "an attack carried out by a suicide bomber"', off=None)  # fmt: skip
    def _done_by(self, trigger: Token) -> EntityRef | None:
        """The agent of a participle that carries out the event noun it modifies: "a
        missile fired by Syrian forces" (not "strikes condemned by the UN"), read from the
        agent's own phrase ("shells fired by terrorists on the Public Park": terrorists)."""
        for child in kids(trigger):
            if child.dep_ != "acl" or child.tag_ != "VBN":
                continue
            if lower_lemma(child) not in SUPPORT_VERBS:
                continue
            for agent in prep_objects(child, ("by",)):
                last = post_modifier_end(agent)
                if not any(self.mentions.at(t) for t in agent.subtree if t.i > last.i):
                    return self._actor_phrase(agent)
                phrase = list(self.doc[agent.left_edge.i : last.i + 1])
                for candidate in self.mentions.in_tokens(reversed(phrase)):
                    if is_actor(candidate) and not self._locator(candidate):
                        return candidate.entity
                entity = self._generic_actor(agent)
                if entity is not None:
                    return entity
        return None

    @rule(
        "held-responsible",
        '"the Syrian government was responsible for that attack", "Assad regime responsible '
        'for chemical attack"',
        off=(),
    )
    def _held_responsible(self, trigger: Token) -> list[Token]:
        """Who is said to be responsible for the event: the subject of "X was responsible
        for the attack", or the noun "responsible" modifies ("Assad regime responsible for
        awful chemical attack")."""
        prep = head(trigger)
        if trigger.dep_ != "pobj" or prep.lower_ != "for" or prep is trigger:
            return []
        adjective = head(prep)
        if adjective.lower_ != "responsible":
            return []
        if adjective.dep_ == "amod":
            return [head(adjective)]
        if adjective.dep_ == "acomp":
            return [c for c in kids(head(adjective)) if c.dep_ == "nsubj"]
        return []

    @rule("said-it-did", '"DAESH said that it killed 50 fighters in a suicide bombing", "the '
          'coalition said it had carried out strikes": "it" is who says so', off=None)  # fmt: skip
    def _said_it_did(self, pronoun: Token) -> EntityRef | None:
        """The actor a subject "it" or "they" stands for when the actor itself reports the
        deed: the subject of "said", "announced", "claimed" … whose reported clause the
        pronoun is the subject of ("the group said they were responsible for the bombing")."""
        if pronoun.lower_ not in SELF_PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = head(pronoun)
        report = head(clause)
        if clause.dep_ != "ccomp" or lower_lemma(report) not in SELF_REPORT_VERBS:
            return None
        if any(c.dep_ == "neg" for c in (*kids(clause), *kids(report))):
            return None  # "officials said they would never use poison gas": a denial
        reporter = subject_of(report)
        if reporter is None or reporter.pos_ == "PRON":
            return None
        return self._actor_phrase(reporter)

    def _own_actor(self, token: Token) -> EntityRef | None:
        """The actor a noun phrase itself names, without its prepositional phrases."""
        phrase = self.doc[token.left_edge.i : token.i + 1]
        for candidate in self.mentions.in_tokens(reversed(list(phrase))):
            if is_actor(candidate) and not self._is_supporter(candidate):
                return candidate.entity
        if lower_lemma(token) in ACTOR_NOUNS:
            return self._actor_phrase(token) if self.mentions.at(token) is None else None
        return None

    @rule(
        "left-subject",
        '"… Aleppo\\n\\nOn December 8 ISIS launched": the subject before the verb on its line',
        off=(),
    )
    def _left_subject(self, verb: Token) -> Iterator[Token]:
        """The subject a parse missed: the actor named just before the verb on its line.

        The parser sometimes hangs a paragraph's first words on the previous paragraph
        ("… on Aleppo\n\nOn December 8 ISIS terrorists launched") or tags a subject as
        an auxiliary ('"IS has dispatched'); the words right before the verb still say who.
        """
        line = line_start(verb)
        index = verb.i - 1
        while index >= 0 and line_start(self.doc[index]) == line:
            token = self.doc[index]
            mention = self.mentions.at(token)
            if mention is not None:
                if is_actor(mention):
                    yield token
                return
            if token.pos_ in ("AUX", "ADV", "PART"):
                index -= 1
                continue
            if token.text == ",":  # "terrorists, reinforced by tanks, have started"
                opening = next(
                    (j for j in range(index - 1, max(index - 12, -1), -1)
                     if self.doc[j].text == "," and line_start(self.doc[j]) == line),
                    None,
                )  # fmt: skip
                if opening is None:
                    return
                index = opening - 1
                continue
            if token.pos_ in ("NOUN", "PROPN") and (
                head(token) is token or token.dep_ in ("nsubj", "nsubjpass")
            ):
                yield token  # "ISIS terrorists" whose head the parser put on another line
            return

    @rule("headline-subject", '"Islamic State Forces (ISIS-Daesh) Retake Palmyra"', off=None)
    def _headline_subject(self, trigger: Token) -> EntityRef | None:
        """A headline's subject: "Islamic State Forces (ISIS-Daesh) Retake Palmyra".

        Title-case headlines parse badly; the actor named right before the trigger,
        past force words and brackets only, is its subject.
        """
        index = trigger.i - 1
        while index >= 0 and self.doc[index].idx < self.headline_end:
            token = self.doc[index]
            mention = self.mentions.at(token)
            if mention is not None:
                return mention.entity if is_actor(mention) and not self._locator(mention) else None
            skippable = (
                (token.is_punct and token.text not in (":", "|", "–", "—"))
                or _used_chemical(token)
                or lower_lemma(token) in FORCE_NOUNS
                or token.lower_.removesuffix("s") in FORCE_NOUNS
            )
            if not skippable:
                return None
            index -= 1
        return None

    @rule(
        "scene-country-modifies-the-event",
        '"Syria car bombings", "Syria rebel rocket kills five": where, not who',
    )
    def _locates_the_event(self, token: Token) -> bool:
        """The country the article's places lie in, as a name modifying the event word
        ("Syria car bombings", "Syria rebel rocket kills five children", "a Syria clinic
        bombing"), says where the event was, not who did it; unlike "US strikes on Syria",
        whose target says the modifier is the striker."""
        mention = self.mentions.at(token)
        if mention is None or not self._others_lie_in(mention):
            return False  # "US strikes kill 50 Qaeda fighters in Syria": the others are Syria's
        if not is_country(mention.entity) or token.pos_ != "PROPN":
            return False
        if token.dep_ not in ("compound", "nmod"):
            return False
        return not prep_objects(head(token), ("on", "against"))

    def _others_lie_in(self, mention: Mention) -> bool:
        """Do more of the article's other places lie in the country ``mention`` names
        than in any other country?"""
        countries = Counter(
            country.key
            for other in self.all_mentions
            if other.span != mention.span
            and is_place(other)
            and (country := self.gazetteer.country_of(other.entity.key)) is not None
        )
        ranked = countries.most_common(2)
        if not ranked or ranked[0][0] != mention.entity.key:
            return False
        return len(ranked) == 1 or ranked[0][1] > ranked[1][1]

    def _actor_phrase(self, token: Token) -> EntityRef | None:
        """An actor for the phrase headed by ``token``: a mention, else a generic armed noun."""
        if token.pos_ == "PRON":
            return self._said_it_did(token)
        if self._locates_the_event(token):
            return None
        if self.first_conjunct(token):  # "by regime aircraft and warplanes of the coalition"
            entity = self.own_words_actor(token) or self._generic_actor(token)
            if entity is not None:
                return entity
        entity = self.entity_at(token, want_place=False)
        if entity is not None:
            return entity
        lemma = lower_lemma(token)
        if lemma in NOUN_TRIGGERS or lemma in FIRE_NOUNS:
            # "Russian air strikes killed": the strikes' own modifiers name the actor.
            for mod in kids(token):
                if mod.dep_ in ("compound", "amod", "poss", "nmod"):
                    entity = self._actor_phrase(mod)
                    if entity is not None:
                        return entity
            return None
        if _nationality(token):
            label = token.text
            return EntityRef(key=slug(label), label=label, kinds=(EntityKind.ACTOR,),
                             known=False, ner_label="NORP")  # fmt: skip
        return self._generic_actor(token)

    def _generic_actor(self, token: Token) -> EntityRef | None:
        """A generic armed noun as a new actor: "regime forces", "forces loyal to Assad"."""
        if lower_lemma(token) in ACTOR_NOUNS:
            tokens = [
                t
                for t in self.doc[token.left_edge.i : token.i + 1]
                if (t.dep_ in ("compound", "amod", "nmod") and not self._locates(t))
                or t.i == token.i
            ]
            if not tokens or tokens[0].pos_ in ("DET", "NUM"):
                tokens = [token]
            last = post_modifier_end(token)
            start, end = tokens[0].idx, last.idx + len(last.text)
            label = text_of(self.doc)[start:end]
            return EntityRef(
                key=slug(label),
                label=label,
                kinds=(EntityKind.ACTOR, EntityKind.ARMED_GROUP),
                known=False,
            )
        return None

    def target_of(self, trigger: Token) -> EntityRef | None:
        """Whom it was done to: the object, or "against/on/at X", when not a place."""
        objects = [c for c in kids(trigger) if c.dep_ in ("dobj", "nsubjpass")]
        if trigger.pos_ != "VERB":
            objects = []
        objects += prep_objects(trigger, ("against", "on", "at"))
        for obj in objects:
            mention = self.mentions.at(obj)
            entity = self.entity_at(obj, want_place=False)
            if entity is not None and (mention is None or not is_place(mention)):
                return entity
        return None

    def when_of(self, trigger: Token) -> TimeStamp | None:
        """The date expression governing the trigger, else one governing its sentence."""
        sentence = sentence_of(trigger)
        in_sentence = [
            (span, stamp)
            for span, stamp in self.dates
            if span.start >= sentence.start and span.end <= sentence.end
        ]
        if not in_sentence:
            return None
        chain = [trigger, *ancestors(trigger)]
        clause_heads = {
            t.i for t in chain[: 1 + next((n for n, t in enumerate(chain) if t.pos_ == "VERB"), 0)]
        }
        # Modifiers shared along conjunctions and control verbs: "On December 11, they
        # pushed … and took control"; "in March, forces managed to liberate the city".
        node = next((t for t in chain if t.pos_ == "VERB"), trigger)
        for _ in range(3):
            if not _shares_modifiers(node):
                break
            node = head(node)
            clause_heads.add(node.i)
        line_root = sentence.root
        best: tuple[int, TimeStamp] | None = None
        for span, stamp in in_sentence:
            # Of the dates attached to the trigger's clause, the nearest in the text:
            # the parser often hangs a later clause's date on the first verb.
            distance = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
            chain = ancestors(span.root)
            for ancestor in chain:
                if ancestor.i in clause_heads:
                    if best is None or distance < best[0]:
                        best = (distance, stamp)
                    break
                if ancestor.pos_ == "VERB":
                    break  # the date belongs to another clause
            else:
                # The parse hung the date on the previous paragraph ("… Aleppo\n\nOn
                # December 8 ISIS launched"): it dates its own line's main clause.
                top = chain[-1] if chain else span.root
                floating = top.head.i != top.i and head(top) is top
                if (
                    floating
                    and line_root.i in clause_heads
                    and (best is None or distance < best[0])
                ):
                    best = (distance, stamp)
        if best is not None:
            return best[1]
        root = sentence.root
        if _dates_the_report(root):
            return None
        governing = [stamp for span, stamp in in_sentence if head(span.root).i == root.i]
        if len(governing) == 1 and (trigger.i == root.i or root in ancestors(trigger)):
            return governing[0]
        return None

    def evidence_of(self, trigger: Token) -> list[Span]:
        """The trigger's clause (phrase) and its sentence."""
        sentence = sentence_of(trigger)
        top = trigger if trigger.pos_ == "VERB" else governing_verb(trigger)
        if sentence_of(top) != sentence:
            top = trigger
        tokens = [t for t in subtree(top) if sentence.start <= t.i < sentence.end]
        spans: list[Span] = []
        phrase = trimmed(self.doc, tokens[0].i, tokens[-1].i + 1) if tokens else None
        whole = trimmed(self.doc, sentence.start, sentence.end)
        if (
            phrase is not None
            and whole is not None
            and (phrase.start, phrase.end) != (whole.start, whole.end)
        ):
            spans.append(Span(phrase.start, phrase.end, phrase.text, "phrase"))
        if whole is not None:
            spans.append(Span(whole.start, whole.end, whole.text, "sentence"))
        return spans

    def read(self) -> Iterator[Found]:
        """Every trigger of the article with its arguments, in text order."""
        before: EntityRef | None = None  # the actor of the headline's last event
        for trigger, kind in triggers(self.doc):
            place, origins = self.places_of(trigger, kind)
            self.scene_country = self._country_of(place)
            repelled = None if kind in FOILED_DEVICES else repeller(self, trigger)
            actor = repelled or self.actor_of(trigger, kind)
            actor = actor or shared_subject(trigger, before, self.headline_end)
            before = actor if trigger.idx < self.headline_end else None
            if _nobody_killed(trigger, actor):
                continue
            if kind is K.ATTACK and actor is not None:
                kind = (
                    kind_of_attacker(actor)
                    or kind_of_killer(trigger)
                    or kind_of_striker(trigger, actor)
                    or kind_of_air_power(actor, (self.scene_country, self.story_country))
                    or kind
                )
            evidence = self.evidence_of(trigger)
            phrase = next((s for s in evidence if s.kind == "phrase"), None) or (
                evidence[0] if evidence else None
            )
            yield Found(
                kind=kind,
                trigger=trigger,
                actor=actor,
                target=self.target_of(trigger),
                place=place,
                origins=origins,
                when=self.when_of(trigger),
                evidence=evidence,
                attribution=(
                    attribute(self.doc, phrase.start, phrase.end, self.all_mentions)
                    if phrase is not None
                    else None
                ),
            )
