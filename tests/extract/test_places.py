"""The place an article reports from, on hand-built mentions (no spaCy)."""

from __future__ import annotations

from datetime import date

from kg.extract.dates import DateMention
from kg.extract.places import focus_place
from kg.records import EntityKind, EntityRef, Mention, Precision, Span, TimeStamp

PLACE = (EntityKind.PLACE, EntityKind.SETTLEMENT)
COUNTRY = (EntityKind.PLACE, EntityKind.COUNTRY)


def mention(text: str, key: str, at: int, kinds: tuple[EntityKind, ...] = PLACE) -> Mention:
    return Mention(EntityRef(key, text, kinds, known=True, ner_label="GPE"),
                   Span(at, at + len(text), text, "mention"))  # fmt: skip


def test_the_first_located_place_of_the_lead() -> None:
    text = "Air raid kills 19 in Syria. Strikes hit Maskanah and then Raqqa."
    mentions = [mention("Syria", "syria", 21, COUNTRY), mention("Maskanah", "maskanah", 40),
                mention("Raqqa", "raqqa", 58)]  # fmt: skip
    assert focus_place(text, mentions, lead_end=len(text)).key == "maskanah"  # type: ignore[union-attr]


def test_else_the_governorate_named_most() -> None:
    text = "Headline. Lead.  Idlib x. Aleppo y. Azaz z. Manbij w."
    mentions = [mention("Idlib", "idlib", 17), mention("Aleppo", "aleppo", 26),
                mention("Azaz", "azaz", 36), mention("Manbij", "manbij", 44)]  # fmt: skip
    focus = focus_place(text, mentions, lead_end=16)
    assert focus is not None and focus.key == "aleppo"  # Aleppo, Azaz, Manbij: Aleppo province


def test_datelines_countries_and_based_are_not_candidates() -> None:
    text = "Beirut: Britain-based monitor reports clashes in Syria."
    mentions = [mention("Beirut", "beirut", 0), mention("Britain", "united-kingdom", 8, COUNTRY),
                mention("Syria", "syria", 49, COUNTRY)]  # fmt: skip
    assert focus_place(text, mentions, lead_end=len(text)) is None


def test_a_photo_caption_gives_no_place() -> None:
    """ "… in the city of Hasakeh on Monday (AFP photo) BEIRUT Thirteen civilians were
    killed … on the province of Aleppo": the caption shows another day and place."""
    headline = "13 civilians killed in air raids on northern Syria"
    caption = "A man runs near destroyed buildings in the city of Hasakeh on Monday (AFP photo)"
    lead = "BEIRUT Thirteen civilians were killed in air raids on the province of Aleppo."
    text = f"{headline}\n\n{caption} {lead}"
    hasakeh = text.index("Hasakeh")
    aleppo = text.index("Aleppo")
    mentions = [mention("Syria", "syria", text.index("Syria"), COUNTRY),
                mention("Hasakeh", "al-hasakah", hasakeh),
                mention("Aleppo", "aleppo-governorate", aleppo)]  # fmt: skip
    focus = focus_place(text, mentions, lead_end=len(text))
    assert focus is not None and focus.key == "aleppo-governorate"


def test_a_sentence_before_the_credit_is_no_caption() -> None:
    """Only the sentence ending in the credit is the caption: "Jets struck Idlib. A man
    runs in Hasakeh (AP photo/Hassan Ammar)" keeps Idlib."""
    text = "Jets struck Idlib on Sunday. A man runs in Hasakeh (AP photo/Hassan Ammar)"
    mentions = [mention("Idlib", "idlib", text.index("Idlib")),
                mention("Hasakeh", "al-hasakah", text.index("Hasakeh"))]  # fmt: skip
    focus = focus_place(text, mentions, lead_end=len(text))
    assert focus is not None and focus.key == "idlib"


def test_a_place_dated_before_the_news_is_background() -> None:
    """ "The rebels used the same weapons in Aleppo last year. … health workers in Idlib":
    Aleppo is where an earlier attack was; Idlib, today's."""
    text = "Gas attack kills 70.\n\nRebels used gas in Aleppo last year. Doctors in Idlib help."
    aleppo, idlib = text.index("Aleppo"), text.index("Idlib")
    last_year = text.index("last year")
    dates = [DateMention(last_year, last_year + 9, "last year",
                         TimeStamp(date(2016, 1, 1), Precision.YEAR))]  # fmt: skip
    mentions = [mention("Aleppo", "aleppo", aleppo), mention("Idlib", "idlib", idlib)]
    news = date(2017, 4, 5)
    focus = focus_place(text, mentions, lead_end=20, dates=dates, published=news)
    assert focus is not None and focus.key == "idlib"
    # the same sentence in that year's own news is no background
    same_year = focus_place(text, mentions, lead_end=20, dates=dates, published=date(2016, 5, 1))
    assert same_year is not None and same_year.key == "aleppo"


def test_an_agency_credit_ends_a_caption_past_its_date_line() -> None:
    """ "A man walks by a site in Qamishli. July 27 2016. (TRT World and Agencies)": the
    caption, its own date line and an agency credit, gives no place; the news does."""
    caption = "A man walks by a damaged site in Qamishli. July 27 2016. (TRT World and Agencies)"
    text = f"Blast kills 48 in Syria\n\n{caption} A bomb blast hit Hasakeh on Wednesday."
    mentions = [mention("Qamishli", "qamishli", text.index("Qamishli")),
                mention("Hasakeh", "al-hasakah", text.index("Hasakeh"))]  # fmt: skip
    focus = focus_place(text, mentions, lead_end=len(text))
    assert focus is not None and focus.key == "al-hasakah"


def test_a_dateline_credit_is_no_caption() -> None:
    """ "ALEPPO (Reuters) Jets struck …": a dateline before the news, not a caption."""
    text = "Jets strike rebel areas\n\nALEPPO (Reuters) Jets struck the city on Sunday."
    mentions = [mention("ALEPPO", "aleppo", text.index("ALEPPO"))]
    focus = focus_place(text, mentions, lead_end=len(text))
    assert focus is not None and focus.key == "aleppo"


def test_a_tag_list_gives_no_place() -> None:
    """ "… confess to spying. Tags Syria IS activists video Homs The group released a
    video of the killing in Raqqa": the page's keywords are not the scene."""
    text = ("Jihadists kill two activists\n\nThe two confessed to spying. Tags Syria IS "
            "activists video Homs The group released a video of the killing in Raqqa.")  # fmt: skip
    mentions = [mention("Syria", "syria", text.index("Syria"), COUNTRY),
                mention("Homs", "homs", text.index("Homs")),
                mention("Raqqa", "raqqa", text.index("Raqqa"))]  # fmt: skip
    focus = focus_place(text, mentions, lead_end=len(text))
    assert focus is not None and focus.key == "raqqa"
