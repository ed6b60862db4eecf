"""The gazetteer file, its loader and the ``newskg_gazetteer`` entity ruler."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
import spacy
from spacy.language import Language

from kg.nlp.gazetteer import GAZETTEER_PATH, fold, is_acronym, load_gazetteer
from kg.records import EntityKind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOVERNORATES = {
    "aleppo-governorate",
    "damascus-governorate",
    "rif-dimashq-governorate",
    "daraa-governorate",
    "deir-ez-zor-governorate",
    "hama-governorate",
    "al-hasakah-governorate",
    "homs-governorate",
    "idlib-governorate",
    "latakia-governorate",
    "quneitra-governorate",
    "raqqa-governorate",
    "as-suwayda-governorate",
    "tartus-governorate",
}


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    import kg.nlp.gazetteer  # noqa: F401  (registers the factory)

    nlp.add_pipe("newskg_gazetteer")
    return nlp


def ents(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


# ---------------------------------------------------------------- the file


def test_gazetteer_parses_against_any_base() -> None:
    base = "http://example.org/kg/"
    quads = list(
        pyoxigraph.parse(
            path=str(GAZETTEER_PATH), format=pyoxigraph.RdfFormat.TURTLE, base_iri=base
        )
    )
    subjects = {q.subject.value for q in quads}
    assert f"{base}entity/islamic-state" in subjects
    assert all(s.startswith(base + "entity/") for s in subjects)


def test_loader_resolves_against_other_base() -> None:
    gazetteer = load_gazetteer(GAZETTEER_PATH, "http://example.org/other/")
    assert gazetteer.get("palmyra") is not None
    assert gazetteer.iri("palmyra") == "http://example.org/other/entity/palmyra"


def test_every_place_has_a_point_and_a_governorate_or_country() -> None:
    gazetteer = load_gazetteer()
    places = [entry for entry in gazetteer if entry.is_place]
    assert len(places) > 300
    for entry in places:
        assert entry.point is not None, entry.key
        lon, lat = entry.point
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert entry.governorate or entry.country, entry.key


def test_all_fourteen_governorates_are_regions_of_syria() -> None:
    gazetteer = load_gazetteer()
    regions = {e.key for e in gazetteer if EntityKind.REGION in e.kinds}
    assert regions == GOVERNORATES
    for key in GOVERNORATES:
        assert gazetteer.country_of(key).key == "syria"
        assert gazetteer.governorate_of(key).key == key


def test_only_verified_wikidata_ids() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.get("islamic-state").wikidata == "Q2429253"


@pytest.mark.parametrize(
    ("name", "key", "governorate"),
    [
        ("Palmyra", "palmyra", "homs-governorate"),
        ("Tadmur", "palmyra", "homs-governorate"),
        ("Aleppo", "aleppo", "aleppo-governorate"),
        ("Aleppo province", "aleppo-governorate", "aleppo-governorate"),
        ("Douma", "douma", "rif-dimashq-governorate"),
        ("Eastern Ghouta", "eastern-ghouta", "rif-dimashq-governorate"),
        ("Khan Sheikhoun", "khan-sheikhoun", "idlib-governorate"),
        ("Kobani", "kobani", "aleppo-governorate"),
        ("Ain al-Arab", "kobani", "aleppo-governorate"),
        ("Sheikh Maqsoud", "sheikh-maqsoud", "aleppo-governorate"),
        ("Hasakeh", "al-hasakah", "al-hasakah-governorate"),
        ("Lattakia", "latakia", "latakia-governorate"),
        ("Idleb", "idlib", "idlib-governorate"),
        ("Deraa", "daraa", "daraa-governorate"),
        ("Raqqah", "raqqa", "raqqa-governorate"),
        ("Jazal gas field", "jazal-gas-field", "homs-governorate"),
        ("al-Shaer", "shaer-gas-field", "homs-governorate"),
        ("Citadel of Palmyra", "palmyra-citadel", "homs-governorate"),
        ("Yarmouk camp", "yarmouk", "damascus-governorate"),
        # villages, quarters and sites named in FA-KES leads
        ("Tel Hamis", "tal-hamis", "al-hasakah-governorate"),
        ("Tibni", "tibni", "deir-ez-zor-governorate"),
        ("al-Quria", "al-quriyah", "deir-ez-zor-governorate"),
        ("al-Sheitaat", "al-shaitat-area", "deir-ez-zor-governorate"),
        ("Da'el", "dael", "daraa-governorate"),
        ("Busr al-Harir", "busr-al-harir", "daraa-governorate"),
        ("Urum al-Joz", "urum-al-joz", "idlib-governorate"),
        ("Babeska", "babisqa", "idlib-governorate"),
        ("Khatab town", "khattab", "hama-governorate"),
        ("Akrameh", "akrama", "homs-governorate"),
        ("Hassia", "hisyah", "homs-governorate"),
        ("Wadi al-Zahab", "wadi-al-dhahab", "homs-governorate"),
        ("al-Athamiyeh", "al-aazamiyeh", "aleppo-governorate"),
        ("Qasr el-Breij", "qasr-al-buraij", "aleppo-governorate"),
        ("Umayyad Square", "umayyad-square", "damascus-governorate"),
        ("Filita", "flitah", "rif-dimashq-governorate"),
        ("Kanasba", "kinsabba", "latakia-governorate"),
        ("al-Daatour", "al-daatour", "latakia-governorate"),
    ],
)
def test_lookup_and_governorate(name: str, key: str, governorate: str) -> None:
    gazetteer = load_gazetteer()
    entry = gazetteer.lookup(name)
    assert entry is not None and entry.key == key
    assert gazetteer.governorate_of(key).key == governorate
    assert gazetteer.country_of(key).key == "syria"


def test_foreign_city_has_country_only() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.country_of("mosul").key == "iraq"
    assert gazetteer.governorate_of("mosul") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dier Ezzor", "Deir Ezzor"),
        ("Deyr ez Zor", "Deir ez-Zor"),
        ("ISIS", "Islamic State"),
        ("ISIL", "ISIS-Daesh"),
        ("Russian defence ministry", "Russian Defense Ministry"),
        ("Salamyieh", "Salamiyah"),
        ("Orum al-Kubra", "Urum al-Kubra"),
        ("Jabal al-Torkman", "Jabal al-Turkman"),
        ("Khan Shaykhun", "Khan Sheikhoun"),
        ("Maaret al-Numan", "Maarat al-Numan"),
        ("National Coalition for Syrian Revolution and Opposition Forces", "Syrian Coalition"),
        ("National Coalition of Syrian Revolution and Opposition Forces", "Etilaf"),
    ],
)
def test_aliases_share_one_entry(a: str, b: str) -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup(a) is not None
    assert gazetteer.lookup(a) == gazetteer.lookup(b)


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("the Syrian Observatory", "syrian observatory"),
        ("Syrian Observatory's", "syrian observatory"),
        ("Syrian Observatory’s", "syrian observatory"),
        ("Deir ez-Zor", "deir ez zor"),
        ("  Ma'arrat   al-Nu'man ", "maarrat al numan"),
        ("Türkiye", "turkiye"),
    ],
)
def test_fold(name: str, folded: str) -> None:
    assert fold(name) == folded


def test_acronyms() -> None:
    assert is_acronym("IS") and is_acronym("SAA") and is_acronym("U.S.")
    assert not is_acronym("Islamic State") and not is_acronym("Tass")


# ---------------------------------------------------------------- the ruler (blank model)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ISIS seized Palmyra.", [("ISIS", "ORG", "islamic-state"), ("Palmyra", "GPE", "palmyra")]),
        (
            "Over 4,000 Islamic State (IS, formerly ISIS/ISIL) terrorists attacked.",
            [
                ("Islamic State", "ORG", "islamic-state"),
                ("IS", "ORG", "islamic-state"),
                ("ISIS", "ORG", "islamic-state"),
                ("ISIL", "ORG", "islamic-state"),
            ],
        ),
        (
            "large numbers from Raqqa and Dier Ezzor.",
            [("Raqqa", "GPE", "raqqa"), ("Dier Ezzor", "GPE", "deir-ez-zor")],
        ),
        (
            "from the areas of Raqqa and Deyr ez Zor",
            [("Raqqa", "GPE", "raqqa"), ("Deyr ez Zor", "GPE", "deir-ez-zor")],
        ),
        ("heavy hardware from Deir ez-Zor.", [("Deir ez-Zor", "GPE", "deir-ez-zor")]),
        ("some of Palmyra's districts", [("Palmyra", "GPE", "palmyra")]),
        ("ISIS-Daesh terrorists", [("ISIS-Daesh", "ORG", "islamic-state")]),
        ("It is clear that this is not over.", []),
        ("Is there a coordination?", []),
        ("in the eastern part of Homs province", [("Homs province", "GPE", "homs-governorate")]),
        (
            "According to AP, citing the Palmyra Coordination network",
            [
                ("AP", "ORG", "associated-press"),
                ("Palmyra Coordination network", "ORG", "palmyra-coordination"),
            ],
        ),
        (
            "the Russian Defense Ministry said",
            [("Russian Defense Ministry", "ORG", "russian-ministry-of-defence")],
        ),
        ("Sergey Lavrov warned", [("Sergey Lavrov", "PERSON", "sergey-lavrov")]),
        ("the Citadel of Palmyra", [("Citadel of Palmyra", "FAC", "palmyra-citadel")]),
        ("they ap plied sana tion", []),
        ("US-led coalition jets", [("US-led coalition", "ORG", "us-led-coalition")]),
        ("let us go", []),
        ("Civilians fled EASTERN GHOUTA", [("EASTERN GHOUTA", "LOC", "eastern-ghouta")]),
    ],
)
def test_ruler_on_blank(blank: Language, text: str, expected: list) -> None:
    assert ents(blank, text) == expected


# ---------------------------------------------------------------- the real pipeline


def seed_docs(nlp: Language) -> list:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"no seed articles in {SEEDS}")
    return list(nlp.pipe(p.read_text(encoding="utf-8") for p in paths))


@pytest.fixture(scope="module")
def seeds(nlp: Language) -> list:
    return seed_docs(nlp)


def test_ruler_runs_before_ner(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("newskg_gazetteer") < names.index("ner")


def test_islamic_state_aliases_are_one_key_in_seeds(seeds: list) -> None:
    found = {
        e.text: e.ent_id_
        for doc in seeds
        for e in doc.ents
        if e.text in {"ISIS", "IS", "ISIL", "Islamic State", "ISIS-Daesh"}
    }
    assert set(found) == {"ISIS", "IS", "ISIL", "Islamic State", "ISIS-Daesh"}
    assert set(found.values()) == {"islamic-state"}


def test_deir_ez_zor_spellings_are_one_key_in_seeds(seeds: list) -> None:
    spellings = {"Dier Ezzor", "Deir Ezzor", "Deyr ez Zor", "Deir ez-Zor"}
    found = {e.text: e.ent_id_ for doc in seeds for e in doc.ents if e.text in spellings}
    assert set(found) == spellings
    assert set(found.values()) == {"deir-ez-zor"}


def test_palmyra_is_a_place_in_seeds(seeds: list) -> None:
    palmyra = [e for doc in seeds for e in doc.ents if e.text == "Palmyra"]
    assert len(palmyra) >= 10
    assert {e.label_ for e in palmyra} == {"GPE"}
    assert {e.ent_id_ for e in palmyra} == {"palmyra"}
    gazetteer = load_gazetteer()
    assert gazetteer.governorate_of("palmyra").key == "homs-governorate"
    assert gazetteer.get("palmyra").point is not None


def test_raqqa_and_dier_ezzor_are_two_places(nlp: Language) -> None:
    doc = nlp(
        "Thousands of fighters are involved in fighting, along with large numbers "
        "from Raqqa and Dier Ezzor."
    )
    assert [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "GPE"] == [
        ("Raqqa", "raqqa"),
        ("Dier Ezzor", "deir-ez-zor"),
    ]


def test_is_as_a_verb_is_not_isis(seeds: list) -> None:
    for doc in seeds:
        for token in doc:
            if token.lower_ == "is" and token.text != "IS":
                assert token.ent_id_ != "islamic-state", token.sent.text


@pytest.mark.parametrize(
    ("spelling", "listed"),
    [
        ("Khan Shaikhoun", "Khan Sheikhoun"),  # Sheikh/Shaikh, beginning a longer word
        ("Khan-Shaikhoun", "Khan Sheikhoun"),
        ("Ayn al-Dananir", "Ain al-Dananeer"),  # Ain/Ayn
        ("Ain el-Dananeer", "Ain al-Dananeer"),  # al/el
    ],
)
def test_other_spellings_of_a_syrian_name(spelling: str, listed: str) -> None:
    """English news spell Levantine place-name words several ways; each Syrian place
    answers to the other spellings of its name's words, in its own governorate."""
    gazetteer = load_gazetteer()
    entry = gazetteer.lookup(spelling)
    assert entry is not None and entry == gazetteer.lookup(listed)


def test_respellings_take_no_name_and_make_no_english_word() -> None:
    """A respelling never takes another entry's name, nor stands alone as one word an
    English text uses ("Tell" for a town "Tal")."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ontology"))
    from build_gazetteer import Entry, Registry, add_spelling_variants, spelling_variants

    assert "Khan Shaikhoun" in spelling_variants("Khan Sheikhoun")
    assert "Tell Abyad" in spelling_variants("Tal Abyad")
    registry = Registry()
    registry.add(Entry("syria", "Syria", ("Place", "Country")))
    registry.add(Entry("idlib-governorate", "Idlib Governorate", ("Place", "Region"),
                       parent="syria"))  # fmt: skip
    registry.add(Entry("tal", "Tal", ("Place", "Settlement"), parent="idlib-governorate"))
    registry.add(Entry("ain-x", "Ain Issa", ("Place", "Settlement"), parent="idlib-governorate"))
    registry.add(Entry("ayn-x", "Ayn Issa", ("Place", "Settlement"), ["Ayn Isa"],
                       parent="idlib-governorate"))  # fmt: skip
    add_spelling_variants(registry)
    assert registry.entries["tal"].alts == []  # no "Tell", "Tel"
    assert registry.owner[fold("Ayn Issa")] == "ayn-x"  # kept by its own entry
    assert registry.owner[fold("Ein Issa")] == "ain-x"
