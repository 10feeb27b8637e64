"""Timeline events dated by the expression that governs them; an axis of the story's
own days (issue 23). Invented coverage, the real language layer and chart."""

from __future__ import annotations

from test_findings_cells import article, run

from newsprism.report.charts import timeline_chart


def test_a_background_clause_dates_itself_and_later_deadlines_leave_the_axis() -> None:
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "Gunmen attacked a convoy near the Tarsk depot on Tuesday, killing two guards.",
                    "The convoy carried a commander whose predecessor was killed in 2019.",
                    "The company offered the families a guarantee of pensions until 2030.",
                ],
                "2025-04-10T09:00",
            ),
            article(
                "b",
                "Plains Herald",
                [
                    "Two guards were killed on Tuesday when gunmen attacked a convoy near the "
                    "Tarsk depot.",
                ],
                "2025-04-10T10:00",
            ),
        ]
    )
    by_year = {e.start[:4]: e for e in out.timeline}
    assert by_year["2019"].description == "a commander whose predecessor was killed", by_year[
        "2019"
    ]
    assert "convoy" not in by_year["2019"].description
    assert by_year["2030"].description == "a guarantee of pensions"
    chart = timeline_chart(out.timeline, out.span)
    assert [r.start[:4] for r in chart.later] == ["2030"]
    assert [r.start[:4] for r in chart.background] == ["2019"]
    assert all(t.label.startswith("2025-") for t in chart.ticks), chart.ticks


def test_a_date_line_and_a_year_beside_a_day_date_no_event() -> None:
    """ "date 2025-04-11 TARSK -" heads the page, not the collision it reports; in an
    unparsed Spanish sentence, "en 2021" beside "el domingo" belongs to the election."""
    dated = article(
        "a",
        "Valley News",
        [
            "date 2025-04-11 TARSK (Meridian Press) - Two ferries collided off the Tarsk pier "
            "on Thursday, the harbour office said.",
        ],
        "2025-04-11T08:00",
    )
    spanish = article(
        "b",
        "Diario Sur",
        [
            "El alcalde Omar Vahl, elegido en 2021, murió el domingo en el choque de dos "
            "transbordadores frente al muelle de Tarsk.",
        ],
        "2025-04-11T09:00",
    )
    spanish.language = "es"
    out = run([dated, spanish])
    days = {e.start for e in out.timeline}
    assert "2025-04-11" not in days, out.timeline  # the date line's day
    assert "2025-04-10" in days  # Thursday, the collision
    assert not any(e.start.startswith("2021") for e in out.timeline), out.timeline


def test_an_unparsed_sentence_dates_only_the_clause_holding_a_month() -> None:
    french = article(
        "c",
        "Courrier du Port",
        [
            "Deux des ferries ont accosté sans encombre à Tarsk, mais pas celui du maire "
            "Omar Vahl, élu en juin 2021.",
        ],
        "2025-04-11T09:00",
    )
    french.language = "fr"
    english = article(
        "a",
        "Valley News",
        ["Two ferries collided off the Tarsk pier on Thursday, the harbour office said."],
        "2025-04-11T08:00",
    )
    out = run([english, french])
    [june] = [e for e in out.timeline if e.start.startswith("2021")]
    assert "ferries" not in june.description and "élu" in june.description, june


def test_a_yearless_date_in_another_language_is_the_nearest_one() -> None:
    """A French page of 30 May 2025: "le 11 juillet" is in six weeks, not last year."""
    french = article(
        "c",
        "Courrier du Port",
        ["La peine du maire sera connue le 11 juillet, a indiqué le tribunal de Tarsk."],
        "2025-05-30T09:00",
    )
    french.language = "fr"
    english = article(
        "a",
        "Valley News",
        ["A Tarsk jury found the mayor guilty of fraud on Thursday, the court said."],
        "2025-05-30T08:00",
    )
    out = run([english, french])
    [sentence] = [e for e in out.timeline if e.start.endswith("-07-11")]
    assert sentence.start == "2025-07-11", sentence


def test_the_pages_own_year_dates_no_event() -> None:
    """ "The 2025 count" in a 2025 page spans the whole year: on a day axis it put nine
    undated sentences of one story at 1 January – 31 December."""
    out = run(
        [
            article(
                "a",
                "Valley News",
                [
                    "The 2025 harbour census counted more boats than ever.",
                    "Gunmen attacked a convoy near the Tarsk depot on Tuesday, killing two guards.",
                    "The depot was built in 2019.",
                ],
                "2025-04-10T09:00",
            ),
            article(
                "b",
                "Plains Herald",
                ["Two guards were killed on Tuesday when gunmen attacked a convoy near Tarsk."],
                "2025-04-10T10:00",
            ),
        ]
    )
    years = sorted(e.start[:4] for e in out.timeline)
    assert "2025-01-01" not in {e.start for e in out.timeline}, [e.start for e in out.timeline]
    assert "2019" in years and "2025" in years  # the day of the attack, the depot's year


def test_a_dateline_is_no_event_and_no_part_of_the_entry() -> None:
    """ "Tarsk, Apr. 9 (Meridian Press) -- ..." dates the page, not the toll it reports,
    and the entry's words begin after the dateline."""
    page = article(
        "a",
        "Valley News",
        [
            "Tarsk, Apr. 9 (Meridian Press) -- The death toll of the ferry collision off the "
            "Tarsk pier rose to 41 on Thursday, the harbour office said.",
        ],
        "2025-04-11T08:00",
    )
    out = run([page])
    assert {e.start for e in out.timeline} == {"2025-04-10"}, out.timeline
    assert all(not e.description.startswith("Tarsk, Apr") for e in out.timeline)


def test_one_night_across_two_days_is_one_entry_told_to_the_day() -> None:
    """ "dans la nuit de vendredi à samedi" is one moment over two days, not two entries
    of the same sentence; "early Thursday" is that Thursday, not "about April"."""
    french = article(
        "b",
        "Courrier du Port",
        ["Le ferry a coulé dans la nuit de lundi à mardi au large de Tarsk."],
        "2025-04-11T09:00",
    )
    french.language = "fr"
    english = article(
        "c",
        "Plains Herald",
        ["Divers found the wreck of the ferry early Thursday off the Tarsk pier."],
        "2025-04-11T10:00",
    )
    out = run([french, english])
    nights = [e for e in out.timeline if e.outlets == ["Courrier du Port"]]
    assert [(e.start, e.end) for e in nights] == [("2025-04-07", "2025-04-08")], out.timeline
    (found,) = [e for e in out.timeline if e.outlets == ["Plains Herald"]]
    assert (found.start, found.precision) == ("2025-04-10", "day")


def test_an_unparsed_clause_in_passing_dates_itself_and_the_sentence_its_other_day() -> None:
    """ "Le ferry, qui avait quitté Tarsk lundi, a coulé mercredi": without a parse, the
    Monday belongs to the relative clause, the sentence to Wednesday; two glued sentences
    ("...mercredi.La police ...") are two."""
    french = article(
        "d",
        "Courrier du Port",
        [
            "Le ferry, qui avait quitté Tarsk lundi, a coulé mercredi au large du cap.La "
            "police a ouvert une enquête jeudi."
        ],
        "2025-04-11T09:00",
    )
    french.language = "fr"
    out = run([french])
    by_day = {e.start: e.description for e in out.timeline}
    assert by_day["2025-04-07"] == "qui avait quitté Tarsk lundi", by_day
    assert by_day["2025-04-09"].startswith("Le ferry") and "police" not in by_day["2025-04-09"]
    assert by_day["2025-04-10"].startswith("La police"), by_day


def test_a_year_that_modifies_a_noun_dates_the_noun_not_the_sentence() -> None:
    """ "found guilty on Thursday of hiding payments during his 2019 campaign": 2019 is the
    campaign's year; the sentence's verdict is Thursday's, never filed under 2019. A noun
    and its year alone ("the 2019 campaign") tell no event and make no entry."""
    page = article(
        "a",
        "Valley News",
        [
            "A jury found the mayor guilty on Thursday of hiding payments during his 2019 "
            "campaign.",
        ],
        "2025-04-11T08:00",
    )
    out = run([page])
    assert [e.start for e in out.timeline] == ["2025-04-10"], out.timeline


def test_a_day_that_modifies_a_bare_noun_keeps_its_sentence() -> None:
    """ "won the April 6 vote with 59%": a day on a bare noun is the sentence's, shown whole."""
    page = article(
        "a",
        "Valley News",
        ["Omar Vahl won the April 6 vote with 59% of the ballots, the commission said."],
        "2025-04-11T08:00",
    )
    out = run([page])
    assert [(e.start, e.description[:9]) for e in out.timeline] == [("2025-04-06", "Omar Vahl")]


def test_a_concessive_clause_dates_itself_and_the_day_after_dates_the_sentence() -> None:
    """ "Aunque ... los comicios del 6 de abril, el presidente felicitó a Vahl un día
    después": 6 April is the vote's, told in passing; the congratulation is the 7th."""
    spanish = article(
        "e",
        "Diario Sur",
        [
            "Aunque la comisión tardó un mes en dar los resultados de los comicios del 6 de "
            "abril, el presidente felicitó a Omar Vahl apenas un día después."
        ],
        "2025-05-08T09:00",
    )
    spanish.language = "es"
    out = run([spanish])
    by_day = {e.start: e.description for e in out.timeline}
    assert by_day["2025-04-06"].startswith("Aunque") and "felicit" not in by_day["2025-04-06"]
    assert "felicitó" in by_day["2025-04-07"], by_day
