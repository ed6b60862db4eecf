"""What a number counts: the noun it modifies, a "number of X", or an outcome word
that takes a bare number ("killing at least 100", "15 were killed", "Kills Two").

``count_claims`` (:mod:`kg.extract.claims`) asks :func:`counted` for each amount; no
counted thing, no claim.  A number with no noun of its own takes the thing of the
count it is paired with in its sentence ("20 civilians were killed and scores were
injured" → Civilians), else People; people a bare number says fled or were
displaced are Refugees ("hundreds fled").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.nlp.lexicon import (
    CIVIL_GROUP_WORDS,
    COUNTED_NOUNS,
    NUMBER_OF_NOUNS,
    OUTCOME_WORDS,
    REPORTED_PARTICIPLES,
)
from kg.nlp.quantities import QUANTITIES, Quantity, find_quantities, parse_quantity
from kg.records import Counted, Outcome

NP_GLUE = frozenset({"-", "(", ")", "[", "]", "/", "'s", "’s", "of", "the", "more", "other"})
# Capitals the model reads as a verb between a number and its noun: "9 IS fighters".
CAPITALS_READ_AS_VERBS = frozenset({"IS"})
AUXILIARIES = frozenset(
    {"were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly",
     "also", "later", "all", "who", "got", "allegedly", "people", "others", "estimated",
     "believed", "thought", "feared", "to"}
) | REPORTED_PARTICIPLES  # fmt: skip
PEOPLE_LIKE = frozenset(
    {Counted.FIGHTERS, Counted.SOLDIERS, Counted.CIVILIANS, Counted.PEOPLE, Counted.CHILDREN,
     Counted.WOMEN, Counted.RESIDENTS, Counted.REFUGEES}
)  # fmt: skip
KILLED_WORDS = frozenset({"dead", "killed", "died", "deaths", "dying"})
# "the toll has risen to 21", "bringing to 45 the number killed"
RISE_VERBS = frozenset({"rise", "climb", "jump", "increase", "reach", "mount", "soar", "bring"})
# What a bare number may be said to have suffered ("15 were killed", "hundreds fled",
# "12 were arrested"): the fates of people, not of things.
PEOPLE_OUTCOMES = frozenset(
    {Outcome.KILLED, Outcome.WOUNDED, Outcome.CAPTURED, Outcome.ARRESTED, Outcome.EVACUATED,
     Outcome.DISPLACED, Outcome.MISSING}
)  # fmt: skip
# "the two were arrested", "both were killed": a number naming a set already known.
KNOWN_SET_WORDS = frozenset({"the", "these", "those", "both", "its", "their", "his", "her"})
# Verbs whose object, a bare number, can only be people: "displaced millions".
VERB_BEFORE_OUTCOMES = frozenset({Outcome.DISPLACED, Outcome.EVACUATED, Outcome.ARRESTED})
# A bare number after these counts part of, or more of, an earlier count.
PART_WORDS = frozenset({"including", "another", "among"})
SUBGROUP_WORDS = frozenset({"including", "among", "besides"})
PARTICIPLE_TAGS = frozenset({"VBN", "VBD", "JJ"})
OTHERS = frozenset({"others", "other"})


def outcome_word(token: Token) -> Outcome | None:
    """The outcome a word names; a capitalised headline word ("Kills", "Injures",
    "Martyred", "Execute"), whose lemma the model often leaves as written, by its
    stem."""
    found = OUTCOME_WORDS.get(token.lemma_.lower()) or OUTCOME_WORDS.get(token.lower_)
    if found is not None or token.is_lower:
        return found
    word = token.lower_
    for ending in ("s", "d", "es", "ed"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            found = OUTCOME_WORDS.get(word[: -len(ending)])
            if found is not None:
                return found
    return None


# What makes fighters a state's own: "government fighters", "regime fighters".
STATE_FORCES_WORDS = frozenset({"government", "regime", "army"})


def counted_of(token: Token) -> Counted | None:
    """The Counted a noun names (lemma, form, or a naive singular of a capitalised
    plural); a plural of nationality or faith ("Syrians", "Muslims") counts People."""
    if token.pos_ not in {"NOUN", "PROPN", "ADJ", "VERB"} and token.lower_ not in COUNTED_NOUNS:
        return None
    word = token.lower_
    if token.lemma_.lower() == "member" and any(
        t.lower_ in CIVIL_GROUP_WORDS for t in token.doc[max(0, token.i - 2) : token.i]
    ):
        return Counted.PEOPLE  # "a staff member", "family members"
    found = (
        COUNTED_NOUNS.get(word)
        or COUNTED_NOUNS.get(token.lemma_.lower())
        or (COUNTED_NOUNS.get(word[:-1]) if word.endswith("s") else None)
    )
    if found is None and _nationality_plural(token):
        return Counted.PEOPLE
    if found is Counted.FIGHTERS and _of_the_state(token):
        return Counted.SOLDIERS
    return found


def _of_the_state(token: Token) -> bool:
    """ "About 30 Syrian government fighters", "60 regime fighters": the fighters of a
    state's forces are its soldiers, as "government forces" are ("pro-government
    fighters", the militias, stay fighters)."""
    doc = token.doc
    return any(
        t.lower_ in STATE_FORCES_WORDS and not (t.i > 0 and doc[t.i - 1].text in {"-", "pro"})
        for t in token.lefts
    )


def _nationality_plural(token: Token) -> bool:
    """ "100000 Syrians", "tens of thousands of Muslims": a plural noun the model tags
    as a nationality, religious or political group (not its adjective, "Syrian")."""
    return (
        token.ent_type_ == "NORP"
        and token.tag_ in {"NNS", "NNPS"}
        and token.lower_.endswith("s")
        and token.pos_ in {"NOUN", "PROPN"}
    )


def counted(
    doc: Doc, span: SpacySpan, quantity: Quantity, sentence: SpacySpan
) -> tuple[Counted, Token | None, Outcome | None] | None:
    """What the amount counts: (counted, the counted noun or None, an outcome it implies)."""
    noun = noun_after(doc, span.end, sentence.end, allow_of=True)
    if noun is not None:
        found = counted_of(noun)
        if found is not None:
            if noun.lower_ in {"dead", "deaths", "fatalities", "bodies"}:
                return found, noun, Outcome.KILLED
            if noun.lower_ in {"injuries", "injured", "wounded"}:
                return found, noun, Outcome.WOUNDED  # "four deaths and 55 injuries"
            if noun.lower_ in OTHERS:  # "two civilians were killed and 4 others"
                return paired_thing(doc, span, sentence) or found, noun, None
            return found, noun, None
    if quantity.unit is not None:
        return None
    number = doc[quantity.number_end - 1]
    if (
        number.dep_ in {"nummod", "quantmod"}
        and counted_of(number.head)
        and (number.head.i > number.i)
    ):
        return counted_of(number.head), number.head, None  # type: ignore[return-value]
    toll = (
        _number_of(doc, span.start, sentence.start)
        or _toll_after(doc, span, sentence)
        or _toll_put_at(number)
    )
    if toll is not None:
        return toll
    part = _part_of(doc, span, sentence)
    if part is not None:
        return part
    bare = bare_outcome(doc, span, sentence)
    if bare is not None:
        if outcome_word(bare) is Outcome.DISPLACED:
            return Counted.REFUGEES, None, None  # "hundreds fled", "millions displaced"
        return paired_thing(doc, span, sentence) or Counted.PEOPLE, None, None
    return None


def _part_of(
    doc: Doc, span: SpacySpan, sentence: SpacySpan
) -> tuple[Counted, Token | None, Outcome | None] | None:
    """A bare number that counts part of, or more of, a count given before it in the
    sentence: "killed 25 civilians, six of them children" (what they are said to be),
    "15 of the wounded", "234 of them were children", "31 civilians including 10 when
    their bus was hit", "wounded another 250" (the earlier count's thing)."""
    before = doc[span.start - 1].lower_ if span.start > sentence.start else ""
    after = [t.lower_ for t in doc[span.end : min(sentence.end, span.end + 2)]]
    if after[:1] == ["of"] and len(after) > 1 and after[1] in {"them", "whom", "the", "those"}:
        i = span.end + 2
        while i < sentence.end and i < span.end + 5 and doc[i].lower_ in {"were", "are", "being"}:
            i += 1
        said = counted_of(doc[i]) if i < sentence.end and doc[i].lower_ not in OTHERS else None
        if said is not None and after[1] != "the":
            return said, doc[i], None  # "six of them children"
        fate = outcome_word(doc[i]) if i < sentence.end and after[1] == "the" else None
        if fate in {Outcome.KILLED, Outcome.WOUNDED}:
            return Counted.PEOPLE, None, fate  # "15 of the wounded", "35 of the slain"
        thing = _earlier_people(doc, span, sentence)
        return (thing, None, None) if thing is not None else None
    if after[:1] in (["were"], ["are"]) and span.end + 1 < sentence.end:
        said = doc[span.end + 1]
        if said.tag_ in {"NNS", "NNPS"} and counted_of(said) in PEOPLE_LIKE:
            return counted_of(said), said, None  # "of which at least 96 were children"
    if before in PART_WORDS:
        thing = _earlier_people(doc, span, sentence)
        return (thing, None, None) if thing is not None else None
    return None


def _earlier_people(doc: Doc, span: SpacySpan, sentence: SpacySpan) -> Counted | None:
    """The thing of the nearest people-like count before the span in its sentence."""
    spans = doc.spans[QUANTITIES] if QUANTITIES in doc.spans else list(find_quantities(doc))
    for other in reversed([s for s in spans if sentence.start <= s.start and s.end <= span.start]):
        if _in_subgroup(doc, other.start, sentence.start):
            continue  # "killed 40 civilians including 14 children and wounded another 250"
        noun = noun_after(doc, other.end, span.start, allow_of=True)
        thing = counted_of(noun) if noun is not None else None
        if thing is not None:
            return thing if thing in PEOPLE_LIKE else None
    return None


SUBGROUP_LIST_WORDS = frozenset({"and", ",", "a", "an", "one", "them", "whom"})


def _in_subgroup(doc: Doc, start: int, sentence_start: int) -> bool:
    """Whether the count at ``start`` names a sub-group, alone or later in its list:
    "including two women", "including a woman and two children", "among them a child
    and two women", "including 25 children and 15 women"."""
    i = start - 1
    while i >= sentence_start and i >= start - 8:
        token = doc[i]
        if token.lower_ in SUBGROUP_WORDS:
            return True
        listed = token.lower_ in SUBGROUP_LIST_WORDS or token.like_num
        if not (listed or (token.pos_ == "NOUN" and counted_of(token) in PEOPLE_LIKE)):
            return False
        i -= 1
    return False


def paired_thing(doc: Doc, span: SpacySpan, sentence: SpacySpan) -> Counted | None:
    """The people-like thing of the count before it in its sentence, which a number
    with no noun of its own continues after that count's fate: "20 Civilians Killed
    Scores Injured", "at least 135 civilians have been killed and hundreds more
    injured" (None: no such count, as in "a child and two women … nine others")."""
    spans = doc.spans[QUANTITIES] if QUANTITIES in doc.spans else list(find_quantities(doc))
    earlier = [s for s in spans if sentence.start <= s.start and s.end <= span.start]
    for other in reversed(earlier):
        quantity = parse_quantity(other)
        if quantity is None or quantity.unit is not None:
            continue
        if _in_subgroup(doc, other.start, sentence.start):
            continue  # a sub-group ("including two women") is not what the next count continues
        noun = noun_after(doc, other.end, span.start, allow_of=True)
        thing = counted_of(noun) if noun is not None and noun.lower_ not in OTHERS else None
        if thing is not None:
            between = doc[noun.i + 1 : span.start]
            told_fate = any(outcome_word(t) in PEOPLE_OUTCOMES for t in between)
            return thing if thing in PEOPLE_LIKE and told_fate else None
    return None


def noun_after(doc: Doc, start: int, limit: int, allow_of: bool) -> Token | None:
    """The head noun right after the number: "300 ISIS fighters", "dozens of civilians",
    "three of its fighters"."""
    i = start
    steps = 0
    candidate: Token | None = None
    while i < limit and steps < 6:
        token = doc[i]
        if token.text == "(":  # skip a parenthesis: "4,000 Islamic State (IS, ISIL) terrorists"
            close = next((t.i for t in doc[i : min(limit, i + 15)] if t.text == ")"), None)
            if close is None:
                break
            i = close + 1
            continue
        if counted_of(token) is not None and token.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}:
            candidate = token
            nxt = doc[i + 1] if i + 1 < limit else None
            if nxt is not None and nxt.text in {"'s", "’s", "'"}:
                i += 2  # a possessor: "the town's residents"
                steps += 1
                continue
            # follow a compound to its head ("car bombs", "army soldiers")
            if nxt is not None and nxt.pos_ == "NOUN" and token.dep_ == "compound":
                return nxt if counted_of(nxt) is not None else None
            if _title_case_head(token, nxt):
                return nxt  # "Three Terrorist Attacks Target …": the attacks
            if _modifies_counted_plural(token):
                return token.head  # "three terrorist explosions": the explosions
            return candidate
        if token.lower_ == "of" and not allow_of:
            return None
        if (
            token.pos_ in {"ADJ", "PROPN", "NOUN", "DET", "NUM", "ADV"}
            or token.text in NP_GLUE
            or token.tag_ == "PRP$"  # "three of its fighters"
            or token.text in CAPITALS_READ_AS_VERBS  # "35 IS jihadists killed in clashes"
        ):
            if (
                token.pos_ == "NOUN"
                and token.is_lower
                and token.dep_ != "compound"
                and token.lower_ not in NP_GLUE
                and not (i + 1 < limit and doc[i + 1].text == "-")
            ):
                joined = _joined_modifier(doc, i, limit)
                if joined is None:
                    return None  # another head noun: "220 km", "five years"
                return joined
            i += 1
            steps += 1
            continue
        break
    return candidate


def _modifies_counted_plural(token: Token) -> bool:
    """A counted word used as a modifier of a plural counted noun just after it: "two
    terrorist attacks", "three terrorist explosions" (not fighters), "12 other civilians"
    (not "other")."""
    head = token.head
    return (
        token.dep_ in {"amod", "compound"}
        and token.tag_ in {"JJ", "NN"}
        and token.i < head.i <= token.i + 2
        and head.tag_ in {"NNS", "NNPS"}
        and counted_of(head) is not None
    )


def _joined_modifier(doc: Doc, i: int, limit: int) -> Token | None:
    """The counted noun a lowercase noun modifies although the parse did not join them:
    "70 regime and rebel fighters" (a conjunct), "three regime airstrikes" (the next
    word)."""
    token = doc[i]
    joined = i + 2 < limit and doc[i + 1].lower_ in {"and", "or"}
    for child in token.children:
        if joined and child.dep_ == "conj" and child.i <= i + 3 and counted_of(child) is not None:
            return child
    nxt = doc[i + 1] if i + 1 < limit else None
    if nxt is not None and nxt.lower_.endswith("s") and counted_of(nxt) is not None:
        return nxt
    return None


def _number_of(
    doc: Doc, start: int, sentence_start: int
) -> tuple[Counted, Token | None, Outcome | None] | None:
    """ "the number of fighters exceeded 4,000", "the death toll rose to 15", "the death
    toll from the strikes on the market area of the village has risen to 21" (a toll
    that rose: anywhere before it in the sentence), "a population of 700000"."""
    window = 10
    before = [t.lemma_.lower() for t in doc[max(sentence_start, start - 2) : start]]
    if len(before) == 2 and before[1] in {"to", "at"} and before[0] in RISE_VERBS:
        window = start - sentence_start
    for i in range(start - 1, max(sentence_start, start - window) - 1, -1):
        token = doc[i]
        if token.like_num:
            return None
        if token.lemma_.lower() == "population" and start - i <= 3:
            return Counted.PEOPLE, None, None
        if token.lemma_.lower() in NUMBER_OF_NOUNS:
            if token.lower_ == "toll" or (i > 0 and doc[i - 1].lower_ in {"death", "casualty"}):
                return Counted.PEOPLE, None, Outcome.KILLED
            if i + 1 < start and doc[i + 1].lower_ == "of":
                noun = noun_after(doc, i + 2, start, allow_of=False)
                if noun is not None:
                    outcome = Outcome.KILLED if noun.lower_ in KILLED_WORDS else None
                    return counted_of(noun), noun, outcome  # type: ignore[return-value]
    return None


# "put the death toll at 58", "placed the toll … at 12": verbs that set a toll at a number.
TOLL_SETTING_VERBS = frozenset({"put", "place", "set", "estimate"})


def _toll_put_at(number: Token) -> tuple[Counted, Token | None, Outcome | None] | None:
    """ "has put the death toll from the five-year conflict at as high as 470000", "put
    the total death toll from conflict - now in its sixth year - at more than 470000":
    the number hangs on "at" of a verb whose object is a (death) toll, however long the
    phrase between them."""
    node = number
    for _ in range(4):  # 470000 → as → high → at
        if node.dep_ not in {"pobj", "prep", "pcomp", "advmod"} or node.head.i == node.i:
            return None
        node = node.head
        if node.lower_ == "at" and node.dep_ == "prep":
            verb = node.head
            if verb.lemma_.lower() not in TOLL_SETTING_VERBS:
                return None
            for obj in verb.children:
                if obj.dep_ == "dobj" and (
                    obj.lower_ == "toll"
                    or any(c.lower_ in {"death", "casualty"} for c in obj.lefts)
                ):
                    return Counted.PEOPLE, None, Outcome.KILLED
            return None
    return None


def _toll_after(
    doc: Doc, span: SpacySpan, sentence: SpacySpan
) -> tuple[Counted, Token | None, Outcome | None] | None:
    """ "bringing to 45 the number killed", "raising to 30 the death toll"."""
    words = [t.lower_ for t in doc[span.end : min(sentence.end, span.end + 4)]]
    if span.start == 0 or doc[span.start - 1].lower_ != "to" or words[:1] != ["the"]:
        return None
    rest = words[1:]
    if rest[:1] == ["death"] or (
        rest[:1] and rest[0] in NUMBER_OF_NOUNS and (rest[0] == "toll" or KILLED_WORDS & set(rest))
    ):
        return Counted.PEOPLE, None, Outcome.KILLED
    return None


def bare_outcome(doc: Doc, span: SpacySpan, sentence: SpacySpan) -> Token | None:
    """An outcome word right before a bare number ("killing at least 100", "kills 16",
    "Kills Two Injures Three") or right after it ("15 were killed", "24 dead", "50 hurt",
    "hundreds fled", "thousands more injured", "scores of them were injured")."""
    before = span.start - 1
    if before > sentence.start and doc[before].lower_ == "of":  # "the death of eight"
        before -= 1
    if before >= sentence.start:
        token = doc[before]
        outcome = outcome_word(token)
        if (
            token.pos_ in {"VERB", "NOUN"} or (token.pos_ == "PROPN" and not token.is_lower)
        ) and outcome in {Outcome.KILLED, Outcome.WOUNDED}:
            return token
        if token.pos_ == "VERB" and outcome in VERB_BEFORE_OUTCOMES:
            return token  # "displaced millions", "arrested 12"
    i = span.end
    if i + 1 < sentence.end and doc[i].lower_ == "of" and doc[i + 1].lower_ in {"them", "those"}:
        i += 2  # "scores of them were injured"
    start = i
    while (
        i < sentence.end
        and i < start + 5  # "more than 1400 are estimated to have been killed"
        and (doc[i].lower_ in AUXILIARIES or doc[i].lower_ in {"more", "left"})
    ):
        i += 1
    if i >= sentence.end:
        return None
    token = doc[i]
    if token.lower_ in KILLED_WORDS | {"wounded", "injured", "hurt", "missing"}:
        return token  # "50 hurt" (the model often tags it a noun), "9000 are missing"
    if span.start > sentence.start and doc[span.start - 1].lower_ in KNOWN_SET_WORDS:
        return None  # "the two were arrested"
    if outcome_word(token) in PEOPLE_OUTCOMES and (
        token.tag_ in PARTICIPLE_TAGS
        or (token.tag_ in {"VBP", "VB", "NN"} and i == span.end)  # "hundreds flee"
        or (token.pos_ == "PROPN" and not token.is_lower)  # "Scores Injured"
    ):
        return token
    return None


def included_in(noun: Token) -> Token | None:
    """ "Twelve people were killed including 4 children", "Three killed including 2 women
    29 injured": those a count includes share the fate of the count that holds them, the
    harm word "including" hangs on."""
    including = noun.head
    if noun.dep_ != "pobj" or including.lower_ != "including":
        return None
    harm = including.head
    return harm if outcome_word(harm) in {Outcome.KILLED, Outcome.WOUNDED} else None


def _title_case_head(token: Token, nxt: Token | None) -> bool:
    """ "Three Terrorist Attacks Target …", "Two Car Bombs Kill 12": in a headline's title
    case the parse leaves the words after the number as names; the counted word ends the
    run, a word that counts something itself ("Civilians Killed" is no run)."""
    return (
        nxt is not None
        and token.is_title
        and nxt.is_title
        and nxt.pos_ == "PROPN"
        and nxt.lower_.endswith("s")
        and counted_of(nxt) is not None
    )
