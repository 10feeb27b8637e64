"""Grouping in time windows on a real two-process Dask cluster and a real PostgreSQL
server gives the stories of the local SQLite run: same members, same ids, same links.

The corpus is invented (events in fictional places, several outlets each) and spans
four months, with events placed right on window edges, one event whose coverage
straddles an edge, a copy republished outside the story window, and undated articles.
Windows are forced small (10 days, with the 7-day story window as overlap) so a corpus
of fifty articles takes the windowed path the executor uses for very large ones.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pg
import pytest

from newsprism import pipeline
from newsprism.scale import run_distributed
from newsprism.scale.windows import make_windows
from newsprism.settings import Options
from newsprism.store import open_store
from newsprism.stories.features import build_features, count_words

pg_server = pg.pg_server
pg_url = pg.pg_url

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

T0 = datetime(2030, 3, 2, 9, 0)  # the earliest article: windows are counted from it
WINDOW = 10  # days per grouping window, forced small

OUTLETS = ["Velmora Post", "Caldera Courier", "Coastal Ledger", "Northern Wire", "Bay Herald"]
OUTLET_LINES = [
    "The Post will update this report as more information becomes available.",
    "Reporting for the Courier was contributed by staff on the regional desk.",
    "The Ledger has asked the relevant ministry for a detailed statement.",
    "Northern Wire correspondents followed the developments through the evening.",
    "Readers can send tips to the Herald newsroom through its secure line.",
]

# Each event: titles, the facts every outlet draws on, and the hours (from T0) at which
# its articles appear. Hours are chosen against the window edges at T0 + 10 k days.
EVENTS: dict[str, dict[str, Any]] = {
    "crane": {
        "titles": [
            "Harbour crane collapses onto cargo ship in Velmora",
            "Velmora port crane falls, two dockers injured",
            "Crane collapse halts Velmora container terminal",
        ],
        "facts": [
            "A gantry crane at the Velmora container terminal collapsed onto the cargo ship "
            "Meridian Dawn early on Saturday.",
            "Two dockers were taken to Saint Alder hospital with leg injuries, the port "
            "operator Velmora Terminals said.",
            "Harbourmaster Ilse Varnak ordered all cranes on the north quay to stop until "
            "engineers inspected their cables.",
            "The Meridian Dawn was carrying refrigerated fruit and its hull was dented above "
            "the waterline.",
            "Velmora Terminals said the crane had passed its last inspection in November.",
            "Union representatives said they had warned about corroded cables on the north "
            "quay for months.",
        ],
        "hours": [0, 5, 20, 30],
    },
    "edge_ferry": {  # right on the first edge (T0 + 10 days)
        "titles": [
            "Caldera ferry runs aground on sandbank with 300 aboard",
            "Passengers rescued after Caldera ferry grounding",
            "Ferry Saltmarsh Queen stuck off Caldera",
        ],
        "facts": [
            "The ferry Saltmarsh Queen ran aground on the Brenner sandbank outside Caldera "
            "harbour with about 300 passengers aboard.",
            "Coast guard commander Piet Ardun said lifeboats took passengers ashore in "
            "groups of forty.",
            "Nobody was hurt, but the ferry's rudder was damaged and it could not be "
            "refloated at high tide.",
            "The operator Caldera Lines cancelled all crossings to Tallis island until "
            "further notice.",
            "Investigators from the maritime safety board boarded the Saltmarsh Queen to "
            "read its voyage recorder.",
        ],
        "hours": [240 - 2, 240 + 1, 240 + 3],
    },
    "straddle_flood": {  # coverage over three days across the edge at T0 + 20 days
        "titles": [
            "Ostrava river bursts its banks, hundreds evacuated",
            "Floods in Ostrava: evacuation of riverside districts widens",
            "Ostrava flood waters begin to recede after three days",
            "Ostrava counts cost of river flooding",
        ],
        "facts": [
            "The Lantern river burst its banks in Ostrava after four days of heavy rain, "
            "flooding the riverside districts of Mill End and Sorrel Green.",
            "Mayor Tomas Relling said about 800 residents were evacuated to school halls "
            "and the Ostrava sports arena.",
            "Army engineers built a sandbag wall along Weaver Street to protect the old "
            "water treatment works.",
            "The Ostrava flood service measured the Lantern at 6.2 metres, its highest "
            "level since records began.",
            "Insurers said claims from the Lantern flood in Ostrava could reach tens of millions.",
            "Residents of Mill End returned to find mud in their kitchens as the Lantern "
            "river fell back.",
        ],
        "hours": [443, 462, 478, 490, 510],
    },
    "strike": {
        "titles": [
            "Workers at Korvin Steelworks walk out over pay",
            "Strike halts furnaces at Korvin Steelworks",
            "Korvin steel strike enters second day",
        ],
        "facts": [
            "About 2,000 workers at Korvin Steelworks in Dunmere walked out after pay "
            "talks with the management collapsed.",
            "Union leader Aida Kostel of the Foundry Workers Union said the company had "
            "offered a raise of 2 percent against inflation of 6 percent.",
            "Korvin Steelworks chief executive Bruno Halden said the offer was the best "
            "the company could afford.",
            "Two of the three blast furnaces in Dunmere were banked to keep them warm "
            "during the stoppage.",
            "Aida Kostel said the Foundry Workers Union would picket the Dunmere gates "
            "around the clock.",
        ],
        "hours": [600, 610, 625, 640],
    },
    "vaccine": {
        "titles": [
            "Tallis begins free flu vaccination for pensioners",
            "Pensioners queue for flu jabs in Tallis",
            "Tallis health board opens flu vaccine clinics",
        ],
        "facts": [
            "The Tallis health board opened twelve clinics offering free influenza "
            "vaccines to residents over sixty-five.",
            "Health director Mara Lindqvist said the board had ordered 45,000 doses for "
            "the winter season.",
            "Pharmacies in Tallis will also give the jab from next week, the board said.",
            "Queues formed outside the Harrow Lane clinic before it opened at eight in "
            "the morning.",
        ],
        "hours": [790, 800, 815],
    },
    "strike_again": {  # a continuation of the strike, three weeks later: a related story
        "titles": [
            "Korvin Steelworks strike resumes after talks fail again",
            "Foundry Workers Union restarts walkout at Korvin",
            "Second Korvin Steelworks strike shuts Dunmere furnaces",
        ],
        "facts": [
            "Workers at Korvin Steelworks in Dunmere walked out again after a second "
            "round of pay talks ended without agreement.",
            "Aida Kostel of the Foundry Workers Union said the new offer of 3 percent "
            "still fell short of inflation.",
            "Bruno Halden, chief executive of Korvin Steelworks, said the union was "
            "endangering the Dunmere plant's future.",
            "This time all three blast furnaces in Dunmere were banked as the stoppage began.",
            "The Foundry Workers Union said strike pay would be raised for members on "
            "the Dunmere picket lines.",
        ],
        "hours": [1128, 1140, 1150, 1165],
    },
    "edge_recount": {  # right on the edge at T0 + 60 days
        "titles": [
            "Keswin orders recount after mayoral race ends in near tie",
            "Recount ordered in Keswin mayoral election",
            "Keswin mayoral vote separated by eleven ballots",
        ],
        "facts": [
            "Election officials in Keswin ordered a full recount after the mayoral race "
            "ended with eleven votes between the two leading candidates.",
            "Incumbent mayor Helga Strand led challenger Oskar Bellin by 14,203 votes to 14,192.",
            "Oskar Bellin said his campaign had found irregularities in two polling "
            "stations in the Keswin old town.",
            "The Keswin electoral commission said the recount would be done by hand and "
            "observed by both campaigns.",
            "Helga Strand said she was confident the recount would confirm her victory.",
        ],
        "hours": [1440 - 1, 1440, 1440 + 2, 1440 + 6],
    },
    "straddle_bridge": {  # across the edge at T0 + 80 days
        "titles": [
            "Marrow Point bridge closed after cracks found in pillar",
            "Cracked pillar shuts Marrow Point bridge to traffic",
            "Marrow Point bridge to stay shut for months, engineers say",
            "Detours clog roads around closed Marrow Point bridge",
        ],
        "facts": [
            "The Saint Clement bridge at Marrow Point was closed to all traffic after "
            "inspectors found cracks in its central pillar.",
            "Transport minister Jonas Ferrow said the bridge would stay shut until "
            "engineers were sure it was safe.",
            "About 30,000 vehicles crossed the Saint Clement bridge each day before the "
            "closure, according to the Marrow Point council.",
            "Drivers faced detours of up to forty minutes through the village of Haldon Cross.",
            "Engineers said repairs to the Saint Clement bridge pillar could take four months.",
        ],
        "hours": [1900, 1912, 1925, 1935],
    },
    "museum": {
        "titles": [
            "Thieves steal medieval crown from Dunmere museum",
            "Dunmere museum crown theft: police search for three men",
            "Medieval crown taken in night raid on Dunmere museum",
        ],
        "facts": [
            "Thieves broke into the Dunmere city museum overnight and stole the gilded "
            "crown of King Aldric from its display case.",
            "Police inspector Rosa Vennet said three men were filmed climbing through a "
            "skylight shortly after two in the morning.",
            "The crown of King Aldric is valued at more than 4 million, the museum said.",
            "Museum director Felix Amsel said the alarm on the skylight had been under repair.",
            "Rosa Vennet asked antique dealers to report any offer of gilded medieval metalwork.",
        ],
        "hours": [2290, 2300, 2310],
    },
    "drought": {
        "titles": [
            "Tallis bans garden hoses as reservoirs run low",
            "Hosepipe ban in Tallis after driest spring on record",
            "Tallis water company imposes drought restrictions",
        ],
        "facts": [
            "Tallis Water banned the use of garden hoses after its reservoirs fell to 38 "
            "percent of capacity.",
            "The company said the spring had been the driest in Tallis since 1911.",
            "Households that break the hosepipe ban face fines of up to 1,000, Tallis Water said.",
            "Farmers near Tallis said their wells were already running dry.",
        ],
        "hours": [2640, 2650, 2665],
    },
}

# An agency article about the strike, carried word for word by a second outlet on the
# day and republished by a third twelve days later: a reuse pair further apart than
# the story window, which only a reuse window wide enough finds.
AGENCY_HOURS = (612, 612 + 12 * 24)
# Undated articles: one belongs to the recount (three windows after the first), one to
# the museum theft, one to nothing.
UNDATED = [("edge_recount", 3), ("museum", 1)]


def _article(event: str, k: int, hour: int | None, outlet: int) -> dict[str, Any]:
    spec = EVENTS[event]
    facts: list[str] = spec["facts"]
    n = len(facts)
    order = [facts[(k + step) % n] for step in range(n)]
    body = [*order[: max(4, n - 1 - k % 2)], OUTLET_LINES[outlet]]
    record: dict[str, Any] = {
        "url": f"https://{OUTLETS[outlet].lower().replace(' ', '')}.example/{event}-{k}",
        "outlet": OUTLETS[outlet],
        "title": spec["titles"][k % len(spec["titles"])],
        "text": "\n\n".join(body),
    }
    if hour is not None:
        record["published"] = (T0 + timedelta(hours=hour)).isoformat()
    return record


def _agency(hour: int, outlet: int, k: int) -> dict[str, Any]:
    facts = EVENTS["strike"]["facts"]
    return {
        "url": f"https://{OUTLETS[outlet].lower().replace(' ', '')}.example/agency-strike-{k}",
        "outlet": OUTLETS[outlet],
        "title": "Korvin steelworkers strike over pay (Agency)",
        "published": (T0 + timedelta(hours=hour)).isoformat(),
        "text": "\n\n".join(
            [
                "DUNMERE (Agency) - " + facts[0],
                facts[1],
                facts[2],
                "Talks between the Foundry Workers Union and Korvin Steelworks are not "
                "expected to resume before the end of the month, both sides said.",
            ]
        ),
    }


def write_corpus(folder: Path) -> dict[str, list[str]]:
    """Write the corpus as two JSONL files; returns the URLs of each event's articles."""
    folder.mkdir(parents=True, exist_ok=True)
    records: list[dict[str, Any]] = []
    urls: dict[str, list[str]] = {}
    for event, spec in EVENTS.items():
        for k, hour in enumerate(spec["hours"]):
            records.append(_article(event, k, hour, k % len(OUTLETS)))
            urls.setdefault(event, []).append(records[-1]["url"])
    for event, k in UNDATED:
        records.append(_article(event, k + 10, None, (k + 2) % len(OUTLETS)))
        records[-1]["url"] += "-undated"
        urls.setdefault(event, []).append(records[-1]["url"])
    records.append(
        {
            "url": "https://bayherald.example/column-lighthouses",
            "outlet": "Bay Herald",
            "title": "Why I still love the old lighthouses of the coast",
            "text": "\n\n".join(
                [
                    "Every summer I walk the cliff path to the lighthouse at Gull Head, "
                    "where my grandfather kept the lamp for thirty years.",
                    "The lighthouse keepers' logbooks record storms, shipwrecks and the "
                    "names of the birds that nested under the gallery.",
                    "Automation ended the keepers' watch, but the towers still stand as "
                    "white landmarks above the grey sea.",
                    "A small trust now restores the brass lenses and opens the towers to "
                    "visitors on Sunday afternoons.",
                ]
            ),
        }
    )
    for k, hour in enumerate(AGENCY_HOURS):
        records.append(_agency(hour, 1 + 2 * k, k))
    half = len(records) // 2
    for name, part in (("a.jsonl", records[:half]), ("b.jsonl", records[half:])):
        with (folder / name).open("w", encoding="utf-8") as fh:
            for r in part:
                fh.write(json.dumps(r) + "\n")
    return urls


def _stories(store: Any) -> list[tuple[str, str, frozenset[str], tuple[str, ...]]]:
    return sorted((s.id, s.title, frozenset(s.articles), tuple(s.related)) for s in store.stories())


def _story_of_url(store: Any) -> dict[str, str]:
    by_article = {a.id: a.url for a in store.articles()}
    return {by_article[a]: s.id for s in store.stories() for a in s.articles}


def test_the_corpus_puts_events_on_window_edges(tmp_path: Path) -> None:
    """The corpus really exercises the edges: otherwise the next test proves little."""
    write_corpus(tmp_path / "corpus")
    with open_store(tmp_path / "local.db") as local:
        pipeline.ingest([tmp_path / "corpus"], local, Options())
        dates = local.article_dates()
        by_url = {a.url: a.id for a in local.articles()}
    assert len(by_url) == sum(len(e["hours"]) for e in EVENTS.values()) + len(UNDATED) + 3
    assert sum(d is None for _, d in dates) == len(UNDATED) + 1
    windows = make_windows(dates, WINDOW, Options().stories.window_days)
    assert len(windows) >= 10

    def cores(event: str) -> set[int]:
        ids = {by_url[u] for u in by_url if f"/{event}-" in u and not u.endswith("-undated")}
        return {
            n
            for n, w in enumerate(windows)
            for i, d in dates
            if i in ids and d is not None and w.start <= d.replace(tzinfo=UTC) < w.end
        }

    for event in ("edge_ferry", "straddle_flood", "edge_recount", "straddle_bridge"):
        assert len(cores(event)) == 2, event  # its coverage lies in two windows
    assert cores("crane") == {0}


@pytest.mark.xfail(
    strict=True,
    reason="known miss of the fitted grouping (issue 20): the strike resumed three weeks "
    "later is merged into the first strike's story instead of being a related story. The "
    "model learned from GVC, whose incidents include follow-up coverage weeks later, that "
    "a publication gap alone is weak evidence of another event",
)
def test_a_continuation_weeks_later_is_a_related_story(tmp_path: Path) -> None:
    urls = write_corpus(tmp_path / "corpus")
    with open_store(tmp_path / "local.db") as local:
        pipeline.analyze([tmp_path / "corpus"], local, options=Options())
        story_of = _story_of_url(local)
        related = {s.id: s.related for s in local.stories()}
    strike, again = story_of[urls["strike"][0]], story_of[urls["strike_again"][0]]
    assert strike != again
    assert again in related[strike] or strike in related[again]


def test_windowed_grouping_on_dask_gives_the_local_stories(
    cluster: Any, pg_url: str, tmp_path: Path
) -> None:
    urls = write_corpus(tmp_path / "corpus")
    paths = [tmp_path / "corpus"]
    options = Options()
    with open_store(tmp_path / "local.db") as local:
        pipeline.analyze(paths, local, options=options)
        expected = _stories(local)
        expected_reuse = sorted((p.a, p.b, p.kind) for p in local.reuse_pairs())
        local_story_of = _story_of_url(local)
        reports = {r.id: (r.facts, r.findings) for r in local.reports()}

    summary = run_distributed(
        paths,
        pg_url,
        options,
        scheduler=cluster.scheduler_address,
        window_days=WINDOW,
        whole_corpus_max=0,  # force the windowed path on fifty articles
    )
    with open_store(pg_url) as shared:
        got = _stories(shared)
        got_reuse = sorted((p.a, p.b, p.kind) for p in shared.reuse_pairs())
        story_of = _story_of_url(shared)
        got_reports = {r.id: (r.facts, r.findings) for r in shared.reports()}

    assert [(sid, members) for sid, _, members, _ in got] == [
        (sid, members) for sid, _, members, _ in expected
    ]
    assert [related for *_, related in got] == [related for *_, related in expected]
    assert got == expected  # titles too
    assert got_reuse == expected_reuse
    assert got_reports == reports  # the comparisons built on them agree too
    assert summary.stories == len(expected)
    assert summary.reuse_pairs == len(expected_reuse)

    # the local run itself groups the events as a reader would, so agreeing means
    # something: every event is one story, the straddling ones included
    for event, event_urls in urls.items():
        assert len({story_of[u] for u in event_urls}) == 1, event
        assert len({local_story_of[u] for u in event_urls}) == 1, event
    # every event but the strike's continuation (the known miss below) is its own story
    apart = [e for e in urls if e != "strike_again"]
    assert len({story_of[u] for e in apart for u in urls[e]}) == len(apart)
    assert any(p[2] in {"wire-copy", "duplicate"} for p in got_reuse)

    # a rerun carries the stored stories through the windows (kept ids, kept members)
    again_summary = run_distributed(
        paths,
        pg_url,
        options,
        scheduler=cluster.scheduler_address,
        window_days=WINDOW,
        whole_corpus_max=0,
    )
    with open_store(pg_url) as shared:
        assert _stories(shared) == expected
    assert again_summary.stories == len(expected)


# A pair near the merge threshold whose side depends on how "breakwater" is weighed: it
# is in every article of the first window (a harbour town's local news) and in none of
# the many articles weeks later, so a window fitting TF-IDF on itself treats it as a
# common word, while over the corpus it is rare and ties the two lifeboat reports
# together. (A common noun, not a name: a shared entity would decide on its own.)
BREAKWATER_PAIR = [
    (
        "Breakwater lifeboat pulls three fishermen from capsized trawler",
        "The breakwater lifeboat crew rescued three fishermen after their trawler capsized "
        "in a squall. The men were brought ashore cold but unhurt, the coxswain said.",
    ),
    (
        "Breakwater volunteers answer trawler mayday",
        "Volunteers from the breakwater station went out in heavy seas to a trawler in "
        "distress. Its skipper and two deckhands were taken to hospital from the breakwater.",
    ),
]
BREAKWATER_NEWS = [
    (
        "council approves new car park",
        "The council voted to build a multi-storey car park behind the breakwater, despite "
        "objections from shop owners about the cost.",
    ),
    (
        "school wins regional choir prize",
        "Pupils from the breakwater primary school won the regional choir competition with "
        "a medley of folk songs and a hymn.",
    ),
    (
        "bakery celebrates centenary",
        "A family bakery by the breakwater marked one hundred years of baking bread with "
        "free buns for every customer.",
    ),
    (
        "football club signs striker",
        "The breakwater football club signed a young striker from a rival club on a "
        "two-year contract, the manager announced.",
    ),
    (
        "library extends opening hours",
        "The breakwater library will open on weekend afternoons from next month after a "
        "petition signed by parents.",
    ),
    (
        "cinema shows silent films",
        "An old cinema near the breakwater is screening silent comedies with a live pianist "
        "every week.",
    ),
    (
        "gardeners grow giant pumpkin",
        "A couple from the breakwater cottages grew a pumpkin weighing more than four "
        "hundred kilograms in their allotment.",
    ),
    (
        "dentist retires after forty years",
        "The only dentist at the breakwater retired after forty years, leaving patients to "
        "travel to the next town.",
    ),
]
LATER_NEWS = [
    (
        "Tallis opens new tram line",
        "The first trams ran on the new line through central "
        "Tallis, cutting journey times to the airport.",
    ),
    (
        "Dunmere museum reopens after renovation",
        "The Dunmere city museum reopened its "
        "galleries after two years of renovation work on the roof.",
    ),
    (
        "Keswin farmers protest over milk prices",
        "Dairy farmers drove tractors into Keswin to protest against the falling price of milk.",
    ),
    (
        "Caldera ferry timetable changes",
        "Caldera Lines will add two evening crossings to Tallis island in the summer timetable.",
    ),
    (
        "Ostrava marathon draws record field",
        "More than nine thousand runners started the Ostrava marathon in cool sunny weather.",
    ),
    (
        "Marrow Point hospital hires nurses",
        "The Marrow Point hospital recruited forty nurses to staff a new children's ward.",
    ),
    (
        "Velmora port handles record cargo",
        "The Velmora container terminal handled a record number of containers in the spring.",
    ),
    (
        "Korvin Steelworks posts profit",
        "Korvin Steelworks reported its first annual profit in five years on higher steel prices.",
    ),
]


def write_breakwater_corpus(folder: Path) -> None:
    def record(name: str, title: str, text: str, hour: int) -> dict[str, Any]:
        return {
            "url": f"https://{name.lower()}.example/{name}",
            "outlet": f"Outlet {name}",
            "title": title,
            "text": text,
            "published": (T0 + timedelta(hours=hour)).isoformat(),
        }

    records = [record(f"pair{n}", *BREAKWATER_PAIR[n], 6 * n) for n in range(2)]
    records += [
        record(f"local{n}", "Breakwater " + title, text, 10 + 20 * n)
        for n, (title, text) in enumerate(BREAKWATER_NEWS)
    ]
    records += [
        record(f"later{rep}{n}", title, f"{text} Edition {rep}.", 24 * (40 + 12 * rep) + 30 * n)
        for rep in range(3)
        for n, (title, text) in enumerate(LATER_NEWS)
    ]
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "q.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")


def test_windows_weigh_words_over_the_corpus_as_the_local_run_does(
    cluster: Any, pg_url: str, tmp_path: Path
) -> None:
    write_breakwater_corpus(tmp_path / "corpus")
    paths = [tmp_path / "corpus"]
    options = Options()
    with open_store(tmp_path / "local.db") as local:
        pipeline.analyze(paths, local, options=options)
        expected = _stories(local)
        story_of = _story_of_url(local)
        # the construction: the pair's similarity straddles the threshold, below it with
        # the first window's own word weights and above it with the corpus's
        articles = list(local.articles())
        vectors = pipeline.article_vectors(local, articles, options)
        ents = pipeline.entities_by_article(local.get_annotations([a.id for a in articles]))
        windows = make_windows(local.article_dates(), WINDOW, options.stories.window_days)
        first = [k for k, a in enumerate(articles) if a.id in set(windows[0].dated)]
        part = [articles[k] for k in first]
        pair = np.array([[k for k, a in enumerate(part) if "/pair" in a.url]])
        corpus_weights = count_words(articles, options.stories, ents)
        sims = [
            build_features(part, vectors[first], ents, options.stories, w).pair_similarity(*pair.T)
            for w in (None, corpus_weights)
        ]
    threshold = options.stories.cuts().cluster
    assert sims[0][0] < threshold <= sims[1][0]
    assert story_of["https://pair0.example/pair0"] == story_of["https://pair1.example/pair1"]

    run_distributed(
        paths,
        pg_url,
        options,
        scheduler=cluster.scheduler_address,
        window_days=WINDOW,
        whole_corpus_max=0,
    )
    with open_store(pg_url) as shared:
        assert _stories(shared) == expected
