"""Reading other languages without a parser: language, numbers, figures, dates, names.

Texts are the invented Kharzan coverage (examples/multilingual) or written here.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from newsprism.clean import clean_document
from newsprism.clean.langid import identify
from newsprism.errors import OptionsError
from newsprism.language.rules.dates import read_dates
from newsprism.language.rules.figures import read_figures
from newsprism.language.rules.names import find_names, skeleton
from newsprism.language.rules.numbers import find_numbers
from newsprism.language.rules.reader import annotate_foreign, annotation_version, is_foreign
from newsprism.language.rules.sentences import split_sentences
from newsprism.language.rules.words import language_words, read_word_file, tokens
from newsprism.model import Article, Metadata, RawDocument, Source, sha256_hex
from tests.conftest import ROOT

PAGES = ROOT / "examples" / "multilingual"


def clean_page(name: str, language: str | None = None) -> Article:
    path = PAGES / name
    data = path.read_bytes()
    raw = RawDocument(
        Source(str(path), "text"),
        sha256_hex(data),
        text=data.decode("utf-8"),
        size=len(data),
        meta=Metadata(language=language),
    )
    articles = clean_document(raw)
    assert len(articles) == 1, [a.title for a in articles]
    return articles[0]


def numbers(text: str, language: str) -> list[float]:
    return [n.value for n in find_numbers(text, tokens(text), language_words(language))]


def figures(text: str, language: str) -> list[tuple[str, float | None, str, str | None, str]]:
    """(number words, value, kind, outcome, outcome words) of every figure."""
    return [
        (
            q.text,
            q.value,
            q.kind,
            q.outcome,
            text[q.outcome_span[0] : q.outcome_span[1]] if q.outcome_span else "",
        )
        for q in read_figures(text, split_sentences(text), language_words(language))
    ]


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("page", "language"),
    [
        ("tarsana-herald_kharzan-market-blasts.txt", "en"),
        ("diario-del-sur_explosiones-kharzan.txt", "es"),
        ("folha-do-atlantico_ataque-kharzan.txt", "pt"),
        ("le-courrier-international_kharzan.txt", "fr"),
        ("rundschau-am-abend_anschlag-kharzan.txt", "de"),
        ("kabar-nusantara_ledakan-kharzan.txt", "id"),
        ("warta-dunia_korban-kharzan-direvisi.txt", "id"),
        ("al-yawm-al-akhbari_kharzan.txt", "ar"),
    ],
)
def test_each_page_gets_its_language(page: str, language: str) -> None:
    assert clean_page(page).language == language


def test_given_language_wins_over_detection() -> None:
    assert clean_page("diario-del-sur_explosiones-kharzan.txt", language="pt").language == "pt"


def test_indonesian_is_taken_over_malay_when_second() -> None:
    guess = identify("Sedikitnya 103 orang tewas dalam dua ledakan di pasar pusat Kharzan.")
    assert guess is not None and guess.code == "id"
    assert identify("84") is None  # too little text to tell


def test_arabic_page_keeps_its_lead_and_date_line() -> None:
    art = clean_page("al-yawm-al-akhbari_kharzan.txt")
    assert "قُتل 84 شخصاً على الأقل" in art.text  # the lead with the toll is body, not chrome
    assert art.published == datetime(2027, 1, 6)


@pytest.mark.parametrize(
    ("page", "published"),
    [
        ("diario-del-sur_explosiones-kharzan.txt", datetime(2027, 1, 6, 10, 20)),
        ("le-courrier-international_kharzan.txt", datetime(2027, 1, 6, 11, 5)),
        ("rundschau-am-abend_anschlag-kharzan.txt", datetime(2027, 1, 6, 12, 30)),
        ("kabar-nusantara_ledakan-kharzan.txt", datetime(2027, 1, 5, 23, 15)),
    ],
)
def test_date_lines_in_other_languages_date_the_article(page: str, published: datetime) -> None:
    art = clean_page(page)
    assert art.published == published and art.published_source == "page:date-line"


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("murieron ochenta y cuatro personas", "es", 84),
        ("doscientos ochenta y cuatro heridos", "es", 284),
        ("cento e três mortos", "pt", 103),
        ("quatre-vingt-quatre morts", "fr", 84),
        ("vierundachtzig Tote", "de", 84),
        ("delapan puluh empat orang", "id", 84),
        ("dua ratus delapan puluh empat orang", "id", 284),
        ("tiga belas orang", "id", 13),
        ("أربعة وثمانين قتيلا", "ar", 84),
        ("ثلاث مئة قتيل", "ar", 300),
        ("٨٤ قتيلا", "ar", 84),
        ("1.200 desplazados", "es", 1200),
        ("1,5 millones", "es", 1_500_000),
        ("1 200 personnes", "fr", 1200),
    ],
)
def test_numbers_in_words_and_digits(text: str, language: str, value: float) -> None:
    assert numbers(text, language)[0] == value


def test_an_article_is_not_the_number_one() -> None:
    assert numbers("Una explosión en una fábrica", "es") == []


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Murieron 2 mil 946 personas y mil 300 resultaron heridas.", "es", [2946, 1300]),
        ("Hay 3 mil desplazados y 2,5 millones de hogares sin luz.", "es", [3000, 2_500_000]),
        ("Mais de 2 mil mortos e 300 desalojados.", "pt", [2000, 300]),
        ("Plus de 2,5 millions de sinistrés.", "fr", [2_500_000]),
        ("Mehr als 3 Tausend Tote.", "de", [3000]),
        # a comma between them: two numbers, not one
        ("En 2023 murieron mil, 300 de ellos en la capital.", "es", [2023, 1000, 300]),
    ],
)
def test_digits_and_a_scale_word_are_one_number(
    text: str, language: str, values: list[float]
) -> None:
    """Read apart, "2 mil 946 muertos" gave three figures and a toll of 946."""
    assert numbers(text, language) == values


def test_a_thousand_and_its_hundreds_give_the_toll() -> None:
    killed = [f for f in figures("El sismo dejó 2 mil 946 muertos.", "es") if f[3] == "killed"]
    assert [(f[0], f[1]) for f in killed] == [("2 mil 946", 2946)]


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("page", "language", "expected"),
    [
        ("diario-del-sur_explosiones-kharzan.txt", "es",
         [("Al menos 84", 84, "killed", "murieron"), ("284", 284, "injured", "heridas"),
          ("103", 103, "killed", "muertos")]),
        ("folha-do-atlantico_ataque-kharzan.txt", "pt",
         [("Pelo menos 103", 103, "killed", "morreram")]),
        ("le-courrier-international_kharzan.txt", "fr",
         [("Au moins 84", 84, "killed", "tuées"), ("284", 284, "injured", "blessées"),
          ("103", 103, "killed", "morts")]),
        ("rundschau-am-abend_anschlag-kharzan.txt", "de",
         [("mindestens 84", 84, "killed", "getötet"), ("284", 284, "injured", "verletzt"),
          ("103", 103, "killed", "Toten")]),
        ("kabar-nusantara_ledakan-kharzan.txt", "id",
         [("Sedikitnya 103", 103, "killed", "tewas")]),
        ("warta-dunia_korban-kharzan-direvisi.txt", "id",
         [("103", 103, "killed", "tewas"), ("84", 84, "killed", "tewas"),
          ("284", 284, "injured", "luka-luka")]),
        ("al-yawm-al-akhbari_kharzan.txt", "ar",
         [("84", 84, "killed", "قُتل"), ("284", 284, "injured", "وأصيب"),
          ("103", 103, "killed", "قتلى")]),
    ],
)  # fmt: skip
def test_each_language_gives_its_tolls_with_outcome_and_words(
    page: str, language: str, expected: list[tuple[str, float, str, str]]
) -> None:
    art = clean_page(page)
    ann = annotate_foreign(art)
    found = [
        (
            q.text,
            q.value,
            q.outcome,
            art.text[q.outcome_span[0] : q.outcome_span[1]] if q.outcome_span else "",
        )
        for q in ann.quantities
        if q.outcome
    ]
    for want in expected:
        assert want in found, found
    for q in ann.quantities:
        assert art.text[q.span[0] : q.span[1]] == q.text  # traceable to the words


def test_a_distance_is_not_a_toll_and_things_are_not_people() -> None:
    text = "Al menos 84 personas murieron y 284 resultaron heridas en dos explosiones a 84 kilómetros de Kharzan."  # noqa: E501
    found = figures(text, "es")
    assert ("84", 84, "measure", None, "") in found
    assert ("dos", 2, "count", None, "") in found  # "heridas" belongs to the 284
    assert ("284", 284, "count", "injured", "heridas") in found


def test_hedges_map_to_the_english_qualifier() -> None:
    cases = {
        "es": "Más de 40 personas murieron.",
        "pt": "Cerca de 40 pessoas morreram.",
        "fr": "Plus de 40 personnes sont mortes.",
        "de": "Mehr als 40 Menschen starben.",
        "id": "Lebih dari 40 orang tewas.",
        "ar": "قتل أكثر من 40 شخصا.",
    }
    want = {"es": "more than", "pt": "about", "fr": "more than", "de": "more than",
            "id": "more than", "ar": "more than"}  # fmt: skip
    for language, text in cases.items():
        qs = read_figures(text, split_sentences(text), language_words(language))
        assert [(q.value, q.qualifier, q.outcome) for q in qs] == [
            (40, want[language], "killed")
        ], language


def test_a_user_word_file_teaches_an_outcome(tmp_path: Path) -> None:
    text = "Sebanyak 12 prajurit gugur dalam serangan itu."
    assert [q.outcome for q in read_figures(text, split_sentences(text), language_words("id"))] == [
        None
    ]
    words = tmp_path / "words.tsv"
    words.write_text("# mine\nid\toutcome\tgugur\tkilled\n", encoding="utf-8")
    table = language_words("id", str(words))
    assert [
        (q.value, q.outcome, q.counted) for q in read_figures(text, split_sentences(text), table)
    ] == [(12, "killed", "prajurit")]


def test_a_bad_word_file_names_the_line(tmp_path: Path) -> None:
    words = tmp_path / "words.tsv"
    words.write_text("id\toutcome\tgugur\tfallen\n", encoding="utf-8")
    with pytest.raises(OptionsError, match=r"words.tsv:1: unknown outcome 'fallen'"):
        read_word_file(str(words))


# --------------------------------------------------------------------------- dates


def test_a_bare_number_after_a_is_not_a_year() -> None:
    text = "La explosión ocurrió el martes a 84 kilómetros de la capital."
    times = read_dates(text, split_sentences(text), "es", date(2027, 1, 6))
    assert [(t.text, t.start, t.rule) for t in times] == [
        ("martes", date(2027, 1, 5), "weekday-before-anchor")
    ]


@pytest.mark.parametrize(
    ("text", "language", "words", "day"),
    [
        ("Las bombas estallaron el martes.", "es", "martes", date(2027, 1, 5)),
        ("As bombas explodiram na terça-feira.", "pt", "terça-feira", date(2027, 1, 5)),
        ("Les bombes ont explosé mardi dans deux quartiers.", "fr", "mardi", date(2027, 1, 5)),
        ("Die Bomben explodierten am Dienstag.", "de", "Dienstag", date(2027, 1, 5)),
        ("Bom meledak pada hari Selasa.", "id", "Selasa", date(2027, 1, 5)),
        ("وقع الانفجار يوم الثلاثاء، وفق ما أعلن", "ar", "الثلاثاء", date(2027, 1, 5)),
        ("Ayer murieron seis personas.", "es", "Ayer", date(2027, 1, 5)),
        ("Die Bomben explodierten am 5. Januar 2027.", "de", "5. Januar 2027", date(2027, 1, 5)),
        (
            "El 5 de enero de 2027 murieron 84 personas.",
            "es",
            "5 de enero de 2027",
            date(2027, 1, 5),
        ),
    ],
)
def test_dates_in_each_language(text: str, language: str, words: str, day: date) -> None:
    times = read_dates(text, split_sentences(text), language, date(2027, 1, 6))
    assert [(t.text, t.start) for t in times] == [(words, day)]
    assert text[times[0].span[0] : times[0].span[1]] == words


def test_words_dateparser_misreads_are_not_dates() -> None:
    text = "Una persona murió. Die Polizei kam a las 10 de la mañana. Il a décrété trois jours."
    for language in ("es", "de", "fr"):
        assert read_dates(text, split_sentences(text), language, date(2027, 1, 6)) == []


def test_a_weekday_without_a_publication_date_stays_unresolved() -> None:
    text = "Las bombas estallaron el martes."
    (t,) = read_dates(text, split_sentences(text), "es", None)
    assert t.start is None and t.rule == "unresolved" and t.reason


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("Murió también el jefe de la oración del viernes de Velmora; cayó el martes.", "es",
         ["martes"]),
        ("Le chef de la prière du vendredi de Velmora est mort mardi dans la nuit.", "fr",
         ["mardi"]),
        ("O imã da oração de sexta morreu na terça-feira.", "pt", ["terça-feira"]),
        ("Há mais mil pessoas numa segunda lista de desaparecidos desde a segunda-feira.", "pt",
         ["segunda-feira"]),
        ("Khatib salat Jumat itu tewas pada hari Selasa.", "id", ["Selasa"]),
        ("L'incendie a commencé dans la nuit du vendredi au samedi.", "fr",
         ["vendredi", "samedi"]),
    ],
)  # fmt: skip
def test_a_weekday_naming_a_weekly_custom_is_no_date(
    text: str, language: str, kept: list[str]
) -> None:
    """ "La prière du vendredi", "la oración del viernes", "salat Jumat": a weekly
    observance (or a title made of one) named after its day is no date; neither is the
    Portuguese ordinal "segunda" ("a second list"). "La nuit du vendredi" stays a date."""
    times = read_dates(text, split_sentences(text), language, date(2027, 1, 6))
    assert [t.text for t in times if t.rule.startswith("weekday")] == kept


@pytest.mark.parametrize(
    ("text", "language", "month"),
    [
        ("Il succédera en octobre au président sortant.", "fr", date(2027, 10, 1)),
        ("Er wird sein Amt voraussichtlich am 20. Oktober antreten.", "de", date(2027, 10, 20)),
        ("Asumirá el cargo en octubre.", "es", date(2027, 10, 1)),
        ("Il a été élu en octobre.", "fr", date(2026, 10, 1)),
    ],
)
def test_a_yearless_month_in_a_sentence_about_the_future_is_the_next_one(
    text: str, language: str, month: date
) -> None:
    """Without a parse, the sentence's own words tell a coming October ("succédera",
    "wird ... voraussichtlich", "asumirá") from a past one ("a été élu")."""
    anchor = date(2027, 3, 20)
    (t,) = read_dates(text, split_sentences(text), language, anchor)
    assert t.start == month, t


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("Tras la votación del 14 de febrero, el rival reconoció su derrota un día después.",
         "es", date(2027, 2, 15)),
        ("Le ferry a coulé le 3 mars et l'épave a été retrouvée le lendemain.", "fr",
         date(2027, 3, 4)),
        ("Die Fähre sank am 3. März, zwei Tage später fand man das Wrack.", "de",
         date(2027, 3, 5)),
    ],
)  # fmt: skip
def test_a_day_counted_from_an_earlier_date_of_the_sentence(
    text: str, language: str, day: date
) -> None:
    """ "un día después", "le lendemain", "zwei Tage später": counted from the date the
    sentence gave before, never from publication, as "the day after" is in English."""
    times = read_dates(text, split_sentences(text), language, date(2027, 3, 20))
    (later,) = [t for t in times if t.rule == "day-after-date-in-text"]
    assert (later.start, later.anchor_source) == (day, "text")


# --------------------------------------------------------------------------- names, sentences


def test_names_match_across_scripts_by_skeleton() -> None:
    assert skeleton("Kharzan") == skeleton("خرزان") == skeleton("Kharzán")
    assert skeleton("Kamran Sadeghi") == skeleton("كامران صادقي")
    assert skeleton("Kharzan") != skeleton("Kerman")


def test_names_by_capitals_leave_out_sentence_openers() -> None:
    text = "El ministro del Interior, Kamran Sadeghi, habló en Kharzan. La Media Luna Roja ayudó."
    assert [m.text for m in find_names(text, split_sentences(text), "es")] == [
        "Interior", "Kamran Sadeghi", "Kharzan", "Media Luna Roja"
    ]  # fmt: skip


def test_sentences_keep_abbreviations_and_ordinal_dates() -> None:
    text = "Sr. Pérez habló el 6. Januar. Dijo: «Basta». ¿Quién fue?\n\nNueva línea"
    spans = [text[s.span[0] : s.span[1]] for s in split_sentences(text)]
    assert spans == ["Sr. Pérez habló el 6. Januar.", "Dijo: «Basta».", "¿Quién fue?",
                     "Nueva línea"]  # fmt: skip


# --------------------------------------------------------------------------- the stage


def test_foreign_annotations_have_claims_and_no_parse() -> None:
    art = clean_page("diario-del-sur_explosiones-kharzan.txt")
    assert is_foreign(art.language) and not is_foreign("en") and not is_foreign(None)
    ann = annotate_foreign(art)
    assert ann.parse is None and ann.version == annotation_version("es") != annotation_version("en")
    assert ann.clauses and all(c.kind == "sentence" for c in ann.clauses)
    assert {c.span for c in ann.clauses} <= {s.span for s in ann.sentences}
    assert any(t.text == "martes" and t.start == date(2027, 1, 5) for t in ann.times)
    assert any(m.text == "Kamran Sadeghi" for m in ann.mentions)
    with pytest.raises(ValueError, match="not read here"):
        annotate_foreign(clean_page("tarsana-herald_kharzan-market-blasts.txt"))


def test_an_undated_article_borrows_its_story_day_for_its_weekdays() -> None:
    from newsprism.language.rules.reader import reanchor_foreign

    art = clean_page("diario-del-sur_explosiones-kharzan.txt")
    art.published = None
    ann = annotate_foreign(art)
    assert all(t.start is None for t in ann.times if t.text == "martes")
    again = reanchor_foreign(art, ann, date(2027, 1, 6), "story")
    (martes,) = [t for t in again.times if t.text == "martes"]
    assert (martes.start, martes.anchor, martes.anchor_source) == (
        date(2027, 1, 5),
        date(2027, 1, 6),
        "story",
    )


def test_a_short_english_line_is_not_read_as_spanish() -> None:
    from newsprism.clean.language import detect_language

    # fastText alone says Spanish (0.55) for this sign-in line from a real page's chrome
    assert detect_language("Or, use your facebook account:\n\nfacebook") is None
    assert detect_language("Al menos 84 personas murieron el martes en Kharzan.") == "es"


def test_a_weekday_set_off_by_commas_is_the_day_not_a_count() -> None:
    """ "أعلنت الوكالة، الإثنين، وفاة ..." (the agency announced, on Monday, the death of
    ...): "الإثنين" is Monday and "the two"; between commas it was read as two dead."""
    assert figures("أعلنت الوكالة، الإثنين، وفاة الرئيس وجميع ركاب الطائرة.", "ar") == []
    # the number itself, before what it counts, is still read
    killed = figures("قتل اثنين من الجنود في الهجوم.", "ar")
    assert [(f[1], f[3]) for f in killed] == [(2, "killed")]
