"""A cell supports a claim only with the same value for the same thing (issue 23).

On real coverage the fact-checker found outlets credited with claims they did not make:
"majority in 38 provinces" backed by "36 of 38"; "four days before the convention"
by "4 years in prison"; "the 12-member jury" by "almost 12 hours"; "state TV said
Monday" by the Sunday "hard landing"; a quick count by the official result; "X will
be interim president" by a sentence about another vice president. Invented sentences
(names, places and figures made up here), real word tables.
"""

from __future__ import annotations

from datetime import date

from newsprism.compare.anchors import agree, carries, conflicting_figures, sentence_anchors
from newsprism.compare.digest import told_by
from newsprism.compare.records import Cell, Cite, FactRow
from newsprism.compare.slots import (
    dated_apart,
    figure_conflict,
    published_before,
    read_figures,
    read_stage,
    read_when,
    share_figure,
)


def _a(text: str, language: str = "en"):  # type: ignore[no-untyped-def]
    return sentence_anchors(text, language)


# --------------------------------------------------------------------------- roles


def test_a_number_matches_only_what_it_counts() -> None:
    topic = _a("Varn").names  # the name every article of the story carries
    claim = _a("Sentencing of Varn is set for June 3, four days before the party congress.")
    years = _a("Varn se enfrenta a una pena máxima de 4 años de prisión.", "es")
    charges = _a("C'est la première des quatre inculpations visant Varn.", "fr")
    days = _a("La peine de Varn sera connue le 3 juin, quatre jours avant le congrès.", "fr")
    assert not agree(claim, years, topic)  # four days is no 4 years
    assert not agree(claim, charges, topic)  # nor four indictments
    assert agree(claim, days, topic)  # the same day and the same four days


def test_a_member_count_is_no_count_of_hours() -> None:
    jury = read_figures("The 12-member panel sent a note to the judge at 3:40 p.m.", "en")
    hours = read_figures("El jurado deliberó casi 12 horas.", "es")
    assert not share_figure(jury, hours)
    assert not agree(
        _a("The 12-member panel sent a note to the judge at 3:40 p.m."),
        _a("El jurado deliberó casi 12 horas.", "es"),
    )


def test_a_rounded_share_is_the_same_figure() -> None:
    assert share_figure(read_figures("Ostrava won 59% of the vote.", "en"),
                        read_figures("Ostrava meraih 58,6 persen suara.", "id"))  # fmt: skip
    assert not share_figure(read_figures("Ostrava won 59% of the vote.", "en"),
                            read_figures("Ostrava meraih 58,4 persen suara.", "id"))  # fmt: skip


def test_digits_in_groups_of_three_are_thousands_in_every_language() -> None:
    (figure,) = read_figures("Pagó $130,000 a la testigo.", "es")
    assert figure.value == 130000 and figure.counts == "money"


# --------------------------------------------------------------------------- same slot


def test_another_value_for_the_same_counted_noun_is_a_conflict() -> None:
    claim = read_figures("The Lumen party won a majority in 38 provinces.", "en")
    part = read_figures("Lumen won in 36 of 38 provinces and the rival in two provinces.", "en")
    assert [f.value for f in figure_conflict(claim, part)] == [36, 2]
    indonesian = read_figures("Lumen unggul di 36 provinsi dari 38 provinsi.", "id")
    assert [f.value for f in figure_conflict(claim, indonesian)] == [36]
    same = read_figures("La coalición Lumen ganó en 38 provincias.", "es")
    assert not figure_conflict(claim, same)


def test_people_counted_by_other_nouns_are_one_slot_and_add_up() -> None:
    crew = _a("Four crew members and four officials were killed in the crash.")
    nine = _a("Nine people were killed in the crash.")
    eight = _a("Eight passengers and crew were killed in the crash.")
    assert conflicting_figures(crew, nine)  # nine is not four and four
    assert not conflicting_figures(crew, eight)  # eight is


def test_a_tally_is_told_only_with_a_figure_of_its_kind() -> None:
    claim = _a("Pasangan nomor urut 3 Sela-Marun meraih 27.040.878 suara.", "id")
    placing = _a("Di posisi ketiga ada pasangan nomor urut 3 Sela-Marun.", "id")
    share = _a("Pasangan Sela-Marun meraih 16,47 persen atau 27.040.878 suara.", "id")
    assert agree(claim, placing)  # same names and words ...
    assert not carries(claim, placing)  # ... but no count of votes
    assert carries(claim, share)


# --------------------------------------------------------------------------- moments, stages


def test_another_weekday_day_or_hour_is_another_moment() -> None:
    monday = _a(
        'State television said Monday there was "no sign" of life at the Velmar crash site.'
    )
    sunday = _a('State media said the Velmar helicopter had a "hard landing" on Sunday.')
    assert not agree(monday, sunday)
    assert read_when("La peine sera connue le 3 juin.", "fr").days == {(6, 3)}
    assert read_when("Am Sonntag um 14:30 Uhr", "de").weekdays == {6}
    assert read_when("Am Sonntag um 14:30 Uhr", "de").clocks == {(14, 30)}


def test_a_quick_count_never_tells_the_official_result() -> None:
    official = _a("The commission formally announced that Ostrava won the presidency.")
    quick = _a("Ostrava claimed victory after unofficial quick counts showed him ahead.")
    assert read_stage("The commission formally announced the result.", "en") == {"official"}
    assert not agree(official, quick)
    resmi = _a("KPU secara resmi menetapkan Ostrava sebagai pemenang.", "id")
    cepat = _a("Hasil hitung cepat menunjukkan Ostrava unggul.", "id")
    assert read_stage("Hasil hitung cepat menunjukkan Ostrava unggul.", "id") == {"unofficial"}
    assert not agree(resmi, cepat)


def test_a_page_before_the_event_cannot_tell_it() -> None:
    announced = [date(2026, 3, 18)]
    assert published_before(announced, date(2026, 3, 18), date(2026, 2, 12))
    assert not published_before(announced, date(2026, 3, 18), date(2026, 3, 19))
    # a plan ("sentencing is set for July 11") can be told by any earlier page
    assert not published_before([date(2026, 7, 11)], date(2026, 5, 30), date(2026, 5, 29))


def test_sentences_dated_apart_tell_different_events() -> None:
    old = [(date(2004, 2, 1), date(2004, 2, 29))]
    friday = [(date(2026, 9, 4), date(2026, 9, 4))]
    assert dated_apart(old, friday)
    assert not dated_apart(friday, [(date(2026, 9, 4), date(2026, 9, 5))])
    # a background claim is told only by a sentence giving its date
    assert dated_apart(old, [], background=date(2026, 8, 4))
    assert not dated_apart(friday, [], background=date(2026, 8, 4))


# --------------------------------------------------------------------------- names


def test_sentences_about_other_people_share_no_claim_through_an_outcome() -> None:
    acting = _a("Miro Vakhal of Dornay would become acting governor after the death.")
    other = _a("Deputy Tarn Oslek of Vell confirmed the reports of the death of the governor.")
    assert not agree(acting, other)
    same = _a("Miro Vakhal will take over as acting governor after the death, officials said.")
    assert agree(acting, same)
    german = _a("Abgeordneter Tarn Oslek aus Vell hat die Berichte über den Tod bestätigt.", "de")
    assert not agree(acting, german)  # "die Berichte" is a noun, not a name in common


def test_the_same_words_with_another_day_stay_one_claim() -> None:
    tuesday = _a("The health minister met the striking nurses in the capital on Tuesday.")
    friday = _a("The health minister met striking nurses in the capital on Friday.")
    assert agree(tuesday, friday)  # one claim, two days: the findings set them against


# --------------------------------------------------------------------------- digest


def _cite(text: str) -> Cite:
    return Cite("a1", "Alpha", (0, len(text)), text)


def test_the_digest_ranks_a_claim_by_the_outlets_that_tell_it() -> None:
    toll = FactRow(
        "f1",
        "At least 40 people died.",
        _cite("At least 40 people died."),
        [Cell("Alpha", "states")]
        + [Cell(o, "differs", note="other figures: 55") for o in ("Beta", "Gamma", "Delta")],
        4,
        ["Alpha", "Beta", "Gamma", "Delta"],
    )
    told = FactRow(
        "f2",
        "The bridge reopened.",
        _cite("The bridge reopened."),
        [Cell("Alpha", "states"), Cell("Beta", "differs", note="other wording")],
        2,
        ["Alpha", "Beta"],
    )
    assert told_by(toll) == 1  # one outlet tells 40; three give other figures
    assert told_by(told) == 2
