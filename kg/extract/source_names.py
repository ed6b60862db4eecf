"""Source names the parse cuts, coordinates, or the NER takes for a name: the source meant.

* ``cut_name`` — "… outside the capital Damascus the Syrian Observatory for Human Rights
  monitor said": where commas were lost the parse hangs the name on the words before it
  and the speaker phrase keeps only its tail ("Human Rights monitor"); "the Syrian
  Observatory for Human Rights group said" keeps the whole name with a description
  word after it.  A known name (a gazetteer entry, no place, no person) running into
  the speaker phrase, followed only by words describing a source of its sort
  ("monitor", "monitoring group", "news agency"), is that entry.
* ``common_word`` — "an NGO said", "… kill 28 in IS-held Syria town Monitor": a
  phrase that is only a common word for a source (the NER may take a capitalised
  "Monitor" or an acronym "NGO" for a name) names no one.  It stands for the source of
  that sort the article names (the guide's "names at their fullest"), nearest before,
  else first after, or a capitalised "Observatory" the article writes; when the
  article names none, it is an unnamed source (activist) labelled with its words.  So
  is "the Observatory" the NER takes for a person or glues to a place before it
  ("… the district of Midane the Observatory said", "… the nearby town of al-Bulel the
  Observatory said", where ``kg.extract.entities`` drops the glued span).
* ``definite_body`` — "The regime denied …", "The directorate said": the nearest body
  named before whose name holds the word.
* ``first_source`` — "according to the Observatory and Kurdish officials", "… a
  Britain-based monitor and a medical source said": of sources coordinated by "and",
  the first (the graph names one claimant).
* ``antecedent`` — "The monitor which earlier gave a toll of 20 …", "paramedics who told
  him that at least 22 bodies …": a relative pronoun speaking is the noun its clause
  hangs on.
* ``fuller_name`` — the name read, completed: "Russias military said" is the Russian
  military (``kg.extract.possessor_bodies``), "the hard-line militant group" the militant
  group named (``kg.extract.armed_descriptions``), "the Directorate of Health in Aleppo"
  keeps its place (``kg.extract.office_seats``), "Abdah noted" the "Anas Abdah" the
  article named before (``kg.extract.surnames``); a channel taken for the speaker
  ("… Omar Haddad via Skype") is the person named before it (``person_before_channel``).

``source_read`` runs these for ``kg.extract.speakers.speaker_ref``; the description
resolver and the fit test come from there (passed in, as ``name_before_role`` takes them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.appositive_names import name_before_description
from kg.extract.armed_descriptions import armed_group
from kg.extract.glued_names import person_before_description
from kg.extract.member_bodies import organisation_of_staff
from kg.extract.office_seats import with_seat
from kg.extract.possessive_titles import titled_person
from kg.extract.possessor_bodies import of_its_country
from kg.extract.service_names import named_service
from kg.extract.surnames import full_name_before
from kg.nlp.gazetteer import fold, load_gazetteer
from kg.nlp.sources import ACTIVIST, DESCRIPTION_HEADS, UNNAMED_HEADS, head_of
from kg.nlp.speakers import noun_phrase
from kg.rdf.iris import slug
from kg.records import PLACE_KINDS, EntityKind, EntityRef, Mention, unnamed_ref

Resolve = Callable[[str, int, Sequence[Mention]], EntityRef | None]
Fits = Callable[[EntityRef, str], bool]
Read = tuple[EntityRef | None, list[EntityRef]]
Reread = Callable[[Doc, tuple[int, int], Sequence[Mention]], Read]

# Words that may follow a source's name and describe its sort: "the Syrian Observatory
# for Human Rights monitor", "… monitoring group", "SANA news agency".
DESCRIBING_WORDS = frozenset(DESCRIPTION_HEADS) | {"monitoring", "news"}
# Common words for a source, capitalised or not, and the description each stands for
# ("an NGO said" in war news is a monitoring body, never any organisation named before).
COMMON_SOURCE_WORDS: dict[str, str] = {
    "ngo": "monitor",
    "monitor": "monitor",
    "monitors": "monitor",
    "watchdog": "watchdog",
    "observatory": "observatory",  # the short name, which the NER may take for a person
}
# Plural words for several sources, none of them named: "activists and NGOs say".
SEVERAL_SOURCES = frozenset({"ngos"})
DETERMINERS = frozenset({"a", "an", "the", "one", "another"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Bodies a definite description names by their sort: "the regime", "the directorate".
BODY_WORDS = frozenset({"government", "regime", "directorate", "administration"})
# Words a misparse may take for the speaker that are no source: the channel a source
# speaks through ("said Aleppo-based activist Ibrahim Khatib via Skype", "according to
# the Twitter account of …") and a demonstrative standing for the facts ("This indicates
# that poisoning substances were used … a local journalist reported").
NO_SPEAKERS = frozenset(
    {"skype", "twitter", "facebook", "youtube", "whatsapp", "telegram", "instagram",
     "this", "that", "these", "those"}
)  # fmt: skip
# Words before a channel the parse took for the speaker: "said … Ibrahim Khatib via Skype".
CHANNEL_PREPS = frozenset({"via", "through", "over", "on"})
# Descriptions a bare word may stand for when the article writes the short name
# "the Observatory" and never the full one.
SHORT_NAMES = {"monitor": "Observatory", "watchdog": "Observatory", "observatory": "Observatory"}


def source_read(
    span: SpacySpan, mentions: Sequence[Mention], resolve: Resolve, fits: Fits, reread: Reread
) -> Read | None:
    """The source a speaker phrase means when it coordinates sources, the parse cut a
    known name or the phrase is only a common word for a source; None otherwise."""
    if (titled := titled_person(span, mentions)) is not None:
        return titled  # "said the Observatorys head Rami Abdulrahman": the person speaks
    first = first_source(span) or antecedent(span)
    if first is not None:
        return reread(span.doc, first, mentions)
    found = cut_name(span, mentions, fits) or definite_body(span, mentions)
    found = found or name_before_description(span)  # "The Civil Defense another … group"
    found = found or named_service(span, mentions)  # "the civil defence said": White Helmets
    found = found or person_before_description(span, mentions)  # "said Tarek a police officer"
    found = found or organisation_of_staff(span, mentions)  # "U.N. investigators said"
    if found is not None:
        return found, []
    return common_word(span, mentions, resolve)


def definite_body(span: SpacySpan, mentions: Sequence[Mention]) -> EntityRef | None:
    """ "The regime denied …", "the government said", "The directorate said in a
    statement": a definite description of a body is the nearest body named before it
    whose name holds the word ("Syrian regime", "Aleppo Health Directorate")."""
    words = [t for t in span if not t.is_space]
    if len(words) != 2 or words[0].lower_ != "the" or words[1].lower_ not in BODY_WORDS:
        return None
    word = words[1].lower_
    gazetteer = load_gazetteer()
    for mention in reversed(mentions):
        entity = mention.entity
        if mention.span.end > span.start_char:
            continue
        if set(entity.kinds) & PLACE_KINDS or EntityKind.PERSON in entity.kinds:
            continue
        entry = gazetteer.get(entity.key) if entity.known else None
        labels = [entity.label, *(entry.alt_labels if entry else ())]
        if any(word in fold(label).split() for label in labels):
            return entity
    return None


def antecedent(span: SpacySpan) -> tuple[int, int] | None:
    """ "The monitor which earlier gave a toll of 20 …", "Syrian Arab Red Crescent
    paramedics who told him that at least 22 bodies …": a relative pronoun speaking
    stands for the noun its clause hangs on."""
    pronoun = span[0]
    if len(span) != 1 or pronoun.text not in RELATIVE_PRONOUNS or pronoun.tag_ not in {"WP", "WDT"}:
        return None  # "WHO said": the World Health Organization
    clause = pronoun.head
    noun = clause.head
    if clause.dep_ != "relcl" or noun.pos_ not in {"NOUN", "PROPN"} or noun.i > span.start:
        return None
    return noun_phrase(noun, stop_after=span.start)


def first_source(span: SpacySpan) -> tuple[int, int] | None:
    """ "according to the Observatory and Kurdish officials", "… on Sunday a Britain-based
    monitor and a medical source said" (the parse gives the verb only the second): of
    sources coordinated by "and" the first is the claimant (the graph names one; the
    first is the one the sentence puts forward), when it is a source itself."""
    doc = span.doc
    head = head_of(span)
    links = [t for t in span if t.lower_ == "and" and t.ent_iob_ != "I" and t.i > span.start]
    if links:  # "National Coalition for Syrian Revolution and Opposition Forces": one name
        first = doc[span.start : links[0].i]
        if not len(first) or (
            first[-1].pos_ not in {"NOUN", "PROPN"} and first[-1].ent_type_ not in {"ORG", "PERSON"}
        ):
            return None  # "Local and media sources": one source of two kinds
        if not _second_source(doc[links[0].i + 1 : span.end]):
            return None  # "Commission for International Justice and Accountability"
    elif (
        head.dep_ == "conj"
        and span.start >= 2
        and doc[span.start - 1].lower_ == "and"
        and doc[span.start - 2].pos_ in {"NOUN", "PROPN"}
    ):  # the conjunct right before "and": "… a Britain-based monitor | and | a medical source"
        first = doc[_phrase_start(doc[span.start - 2]) : span.start - 1]
    else:
        return None
    if not len(first) or not _source_like(first):
        return None
    return (first.start, first.end)


def _phrase_start(noun: Token) -> int:
    """Where a noun's own phrase starts: the words right before it that hang on it, not
    past a count, a preposition or a conjunction ("… between the militants and U.S-backed
    fighters Syrian opposition activists" → "Syrian opposition activists")."""
    doc = noun.doc
    start = noun.i
    while start > 0:
        before = doc[start - 1]
        if before.like_num or before.pos_ in {"ADP", "CCONJ", "PUNCT", "VERB", "AUX"}:
            break
        if noun not in before.ancestors:
            break
        start -= 1
    return start


def _second_source(phrase: SpacySpan) -> bool:
    """A second source after "and", not the rest of a name: one with its own determiner
    ("and the Reuters news agency"), a source noun ("and Kurdish officials") or a place or
    person ("Washington and Paris")."""
    if not len(phrase):
        return False
    if phrase[0].lower_ in {"the", "a", "an"}:
        return _source_like(phrase)
    last = phrase[-1]
    return last.ent_type_ in {"GPE", "PERSON"} or (
        _source_like(phrase) and last.ent_type_ != "ORG" and not last.is_title
    )


def _source_like(phrase: SpacySpan) -> bool:
    """A source, read from its last word (the parse of a fragment is no guide): a name,
    a description of one ("the Observatory", "a monitor") or an unnamed source ("Kurdish
    officials")."""
    if not len(phrase):
        return False
    last = phrase[-1]
    words = {last.lower_, last.lemma_.lower()}
    return last.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"} or bool(
        words & (UNNAMED_HEADS.keys() | DESCRIPTION_HEADS.keys() | COMMON_SOURCE_WORDS.keys())
    )


def cut_name(span: SpacySpan, mentions: Sequence[Mention], fits: Fits) -> EntityRef | None:
    """ "the Syrian Observatory for Human Rights monitor said", the speaker cut to
    "Human Rights monitor": the known name running into the phrase, when only words
    describing a source of its sort follow it."""
    start, end = span.start_char, span.end_char
    for mention in mentions:
        entity = mention.entity
        if not (mention.span.start < end and start < mention.span.end <= end):
            continue
        if not entity.known or set(entity.kinds) & PLACE_KINDS:
            continue
        if EntityKind.PERSON in entity.kinds:
            continue
        after = [t for t in span if t.idx >= mention.span.end and not t.is_space]
        described = _described(after)
        if described is not None and fits(entity, described):
            return entity
    return None


def _described(after: list[Token]) -> str | None:
    """The description the words after a name give ("monitor", "news agency"; "monitoring
    group" → monitor), when they are only describing words; else None (a name with
    other words after it, "the Daesh terror group", is left to the rest: a deed may be
    claimed by it)."""
    if not after or any(t.lower_ not in DESCRIBING_WORDS for t in after):
        return None
    described = after[-1].lemma_.lower()
    if described not in DESCRIPTION_HEADS:
        described = after[-1].lower_
    if "monitoring" in {t.lower_ for t in after}:
        described = "monitor"  # "… monitoring group"
    return described if described in DESCRIPTION_HEADS else None


def common_word(span: SpacySpan, mentions: Sequence[Mention], resolve: Resolve) -> Read | None:
    """ "an NGO said", "… Syria town Monitor", "the Britain-based monitor said": a phrase
    that is only a common word for a source (and words of place or kind) stands for the
    source of that sort the article names, else for an unnamed one (activist)."""
    words = [t for t in span if not (t.is_space or t.is_punct)]
    inner = [i for i, t in enumerate(words) if i and t.lower_ == "the"]
    if inner and words[inner[-1] - 1].pos_ == "PROPN":  # a place glued before the word:
        words = words[inner[-1] :]  # "… town of al-Bulel the Observatory" (not "… of the")
    while words and words[0].lower_ in DETERMINERS:
        words.pop(0)
    if not words or words[-1].lower_ not in COMMON_SOURCE_WORDS.keys() | SEVERAL_SOURCES:
        return None
    word, others = words[-1], words[:-1]
    if others and (word.tag_ in {"NNS", "NNPS"} or not all(_no_name(t) for t in others)):
        return None  # "independent monitors"; "the Syrian Observatory … monitor": a name
    if any(m.entity.known and m.span.start <= word.idx < m.span.end for m in mentions):
        return None  # a gazetteer name written as one word is a name
    described = COMMON_SOURCE_WORDS.get(word.lower_)
    found = resolve(described, span.start_char, mentions) if described else None
    if found is None and described:
        found = _short_name(span, described)
    if found is not None:
        return found, []
    tokens = [t for t in span if not t.is_space]
    return unnamed_ref(
        ACTIVIST, " ".join(span.doc[tokens[0].i : tokens[-1].i + 1].text.split())
    ), []


def _no_name(token: Token) -> bool:
    """A word that names no one: lower case ("rights"), a place or people ("Britain" in
    "Britain-based", "Syrian")."""
    return token.is_lower or token.is_punct or token.ent_type_ in {"GPE", "LOC", "NORP"}


def _short_name(span: SpacySpan, described: str) -> EntityRef | None:
    """ "The Observatory - which relies on a network of sources …": the short name the
    article writes (capitalised, not opening its sentence) for the body it never
    names in full."""
    name = SHORT_NAMES.get(described)
    if name is None:
        return None
    for token in span.doc:
        if token.text == name and token.i > 0 and not token.is_sent_start:
            return EntityRef(key=slug(name), label=name, kinds=(EntityKind.ACTOR,))
    return None


def fuller_name(
    doc: Doc, bounds: tuple[int, int], ref: EntityRef | None, mentions: Sequence[Mention]
) -> EntityRef | None:
    """The source ``speaker_ref`` read for a speaker phrase, completed by the phrase: the
    possessive's country, an armed group described, an office's place."""
    if ref is not None and fold(ref.label) in NO_SPEAKERS:
        return person_before_channel(doc, bounds, mentions)  # "via Skype", "This indicates"
    ref = armed_group(doc, bounds, of_its_country(doc, bounds, ref), mentions)
    return full_name_before(doc, bounds, with_seat(doc, bounds, ref, mentions))  # "Abdah"


def person_before_channel(
    doc: Doc, bounds: tuple[int, int], mentions: Sequence[Mention]
) -> EntityRef | None:
    """ "said Aleppo-based activist Omar Haddad via Skype", the parse giving "Skype" as
    the speaker: the person named right before "via" and the channel, else None."""
    at = bounds[0] - 1
    if at < 1 or doc[at].lower_ not in CHANNEL_PREPS:
        return None
    end = doc[at - 1].idx + len(doc[at - 1].text)
    persons = [m for m in mentions if EntityKind.PERSON in m.entity.kinds]
    return next((m.entity for m in persons if m.span.end == end), None)
