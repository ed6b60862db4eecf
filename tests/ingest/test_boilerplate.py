"""Each cleaner on (text, expected) pairs, including wordings no seed uses."""

from __future__ import annotations

import pytest

from kg.ingest import boilerplate as bp

BODY = "The army said 40 fighters were killed near the town on Sunday."

CASES = [
    # (cleaner, text, expected)
    (bp.drop_header_block,
     "By Jane Doe and John Roe\nThe Daily Planet, 3 March 2017\nTags: Syria, Aleppo\n\n" + BODY,
     BODY),
    (bp.drop_header_block,
     "Kicker words here\n\nBy AFP\n\n" + BODY,
     "Kicker words here\n\n" + BODY),
    (bp.drop_header_block,  # a body sentence that starts with "By" is no byline
     "By Sunday, the army had retaken the city of Aleppo after weeks of heavy fighting there.",
     "By Sunday, the army had retaken the city of Aleppo after weeks of heavy fighting there."),
    (bp.drop_header_block,  # header-like lines deep in the body stay
     BODY + "\n\nBy John Smith",
     BODY + "\n\nBy John Smith"),
    (bp.drop_original_source,
     BODY + "\n\nThis article was originally published on Al-Monitor.",
     BODY),
    (bp.drop_original_source,
     BODY + "\n\nThe original source of this article is Reuters",
     BODY),
    (bp.drop_copyright, BODY + "\n\n© 2017 Reuters. All rights reserved.", BODY),
    (bp.drop_copyright, BODY + "\n\nCopyright 2016 The Associated Press", BODY),
    (bp.drop_copyright,
     "Copyright law in Syria was not discussed at the talks.",
     "Copyright law in Syria was not discussed at the talks."),
    (bp.drop_social_prompts,
     BODY + "\n\nFollow us on Twitter\n\nShare this article\n\nBecome a Patron of our site",
     BODY),
    (bp.drop_social_prompts, "Get short URL 0 13\n" + BODY, BODY),
    (bp.drop_articles_by, BODY + "\n\nArticles by: Jane Doe and\nJohn Roe", BODY),
    (bp.drop_about_author,
     BODY + "\n\nAbout the Authors:\n\nJane Doe writes for us.\n\nShe lives in Paris.",
     BODY),
    (bp.drop_disclaimer,
     BODY + "\n\nThe views expressed in this article are solely those of the author and do not"
     " necessarily reflect the position of this site.",
     BODY),
    (bp.drop_disclaimer,
     "not be held liable for any errors in this text. " + BODY,
     BODY),
    (bp.drop_disclaimer,
     "The ministry said it was not responsible for the attack.",
     "The ministry said it was not responsible for the attack."),
    (bp.drop_fair_use,
     "This site contains copyrighted material whose use has not always been authorised. "
     "We use it under the fair use doctrine.\n\n" + BODY,
     BODY),
    (bp.drop_contact_lines,
     BODY + " She can be contacted at jane@example.org.",
     BODY),
    (bp.drop_contact_lines, BODY + "\n\nFor press enquiries: press@example.org", BODY),
    (bp.drop_contact_lines,
     "The town can be reached at dawn by the old road.",
     "The town can be reached at dawn by the old road."),
    (bp.drop_image_credits, BODY + "\n\nFeatured image is from Wikimedia Commons", BODY),
    (bp.drop_url_lines, BODY + "\n\nhttps://example.org/a/b.html\n\n<www.example.org>", BODY),
    (bp.drop_author_blurbs,
     BODY + "\n\nJane Doe is an independent journalist and analyst based in Beirut.\n\n"
     "Her latest book is out in May.\n\nRead her articles at the site.",
     BODY),
    (bp.drop_author_blurbs,  # only at the end: the same kind of sentence inside the body stays
     "Omar Khaled lives in Aleppo. " + BODY + "\n\n" + BODY,
     "Omar Khaled lives in Aleppo. " + BODY + "\n\n" + BODY),
    (bp.drop_author_blurbs,  # a last paragraph about someone else stays
     BODY + "\n\nThe victim is a journalist who worked for local radio.",
     BODY + "\n\nThe victim is a journalist who worked for local radio."),
]  # fmt: skip


@pytest.mark.parametrize(("cleaner", "text", "expected"), CASES)
def test_cleaner(cleaner: bp.Cleaner, text: str, expected: str) -> None:
    assert cleaner(text) == expected


@pytest.mark.parametrize("cleaner", bp.CLEANERS)
def test_cleaners_leave_plain_news_alone(cleaner: bp.Cleaner) -> None:
    text = (
        "Syrian troops withdrew from the city on Sunday, the Russian Defense Ministry said.\n\n"
        "“The terrorists seek to come as close as possible,” the statement reads.\n\n"
        "Up to 300 fighters were killed, according to the monitor."
    )
    assert cleaner(text) == text


def test_clean_applies_every_cleaner() -> None:
    text = (
        "By Jane Doe\nGlobal News, May 3, 2017\n\n" + BODY + "\n\nCopyright © Global News"
        "\n\nComment on Global News Articles on our Facebook page\n\nDisclaimer: The contents"
        " of this article are of sole responsibility of the author(s)."
    )
    assert bp.clean(text) == BODY
