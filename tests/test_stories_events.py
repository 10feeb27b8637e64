"""Stories at the grain of one event, on invented reports read by the real language layer.

Text similarity finds the subject; the event's own date, its named people and its figures
decide whether two reports are one event: a vow and the vote a week later are two stories
of one storyline, a follow-up joins its event, two shootings of one night in one city stay
apart, a report written a week after a shooting joins the night's reports.
"""

from __future__ import annotations

from datetime import datetime

from newsprism.language import annotate, resolve_entities
from newsprism.model import Article, Source, Story
from newsprism.pipeline import entities_by_article
from newsprism.stories import StoryOptions, cluster_stories, embed_articles, link_storylines
from newsprism.stories.evidence import evidence_by_article

OUTLETS = ["Harbor Ledger", "Valley Courier", "Northfield Times"]

# Monday 3 March 2031: the Senate caucus vows to block the levy bills.
VOW = [
    (
        "Senate minority vows to block every levy bill",
        "Senate minority leader Orla Fenwick said on Monday that her caucus would block "
        "every levy bill until the harbor tax compromise is rewritten. Fenwick told "
        "reporters in Carrow that 41 senators had signed a letter pledging to vote no on "
        "the harbor tax package. The majority needs 60 votes to pass the levy bills.",
    ),
    (
        "Fenwick: caucus will stop harbor tax package",
        "The minority caucus will stop the harbor tax package, leader Orla Fenwick said "
        "Monday in Carrow. She said 41 senators signed a pledge to vote against the levy "
        "bills, leaving the majority short of the 60 votes it needs to pass them.",
    ),
    (
        "Levy bills face blockade in Senate",
        "A blockade of the levy bills took shape in the Senate on Monday as minority leader "
        "Orla Fenwick said 41 senators had pledged to oppose the harbor tax package. "
        "Without 60 votes the bills cannot pass, Fenwick said in Carrow.",
    ),
]
# Monday 10 March 2031: the vote on the compromise, a week later.
VOTE = [
    (
        "Senate passes harbor tax compromise 62-38",
        "The Senate passed the harbor tax compromise on Monday by 62 votes to 38, after "
        "majority leader Dario Quell rewrote the levy bills to win over minority senators. "
        "Orla Fenwick, the minority leader who had vowed to block the package, voted no. "
        "Quell said in Carrow that the levy would take effect in July.",
    ),
    (
        "Harbor levy clears Senate after Quell rewrite",
        "The harbor levy cleared the Senate 62-38 on Monday. Majority leader Dario Quell "
        "won the votes he needed by rewriting the tax package, while minority leader Orla "
        "Fenwick and most of her caucus voted against it in Carrow.",
    ),
    (
        "Quell wins Senate vote on levy bills",
        "Dario Quell, the Senate majority leader, won Monday's vote on the levy bills, 62 to "
        "38. The rewritten harbor tax package passed over the objections of Orla Fenwick, "
        "whose caucus had pledged to block it.",
    ),
]
# Wednesday 5 March 2031: a follow-up about the vow (the Monday the vow was made).
VOW_FOLLOW_UP = (
    "Fenwick letter gains two more signatures",
    "Two more senators have added their names to the letter in which minority leader Orla "
    "Fenwick vowed on Monday to block every levy bill, bringing the pledge to 43 senators. "
    "Fenwick said in Carrow on Wednesday that the harbor tax package could not pass.",
)

# Two shootings in Brennick on the night of Saturday 15 March 2031.
SHOOTING_A = [
    (
        "Man killed in shooting on Alder Street in Brennick",
        "A 24-year-old man was shot and killed on Alder Street in Brennick on Saturday "
        "night, police said. Officers found Kevan Marsh with a gunshot wound shortly after "
        "11 p.m. He died at Brennick General Hospital. Police are searching for a gray "
        "sedan seen leaving the scene.",
    ),
    (
        "Brennick police name Alder Street shooting victim",
        "Police in Brennick identified the man killed in a shooting on Alder Street on "
        "Saturday night as Kevan Marsh, 24. Marsh was shot around 11 p.m. and died at "
        "Brennick General Hospital, police said.",
    ),
]
SHOOTING_B = [
    (
        "Two wounded in Brennick shooting outside bar",
        "Two women were wounded when someone opened fire outside the Copper Lantern bar in "
        "Brennick on Saturday night, police said. Lena Ortis, 31, and Mara Ortis, 29, were "
        "taken to Brennick General Hospital with injuries that are not life-threatening.",
    ),
    (
        "Sisters hurt as shots fired outside Copper Lantern",
        "Lena Ortis, 31, and her sister Mara Ortis, 29, were hurt on Saturday night when "
        "shots were fired outside the Copper Lantern bar in Brennick, police said. Both are "
        "expected to recover at Brennick General Hospital.",
    ),
]
# Saturday 22 March 2031: a week after, about the Alder Street killing.
SHOOTING_A_WEEK_LATER = (
    "Vigil held for Brennick shooting victim Kevan Marsh",
    "Friends and family gathered on Alder Street in Brennick on Saturday for a vigil for "
    "Kevan Marsh, the 24-year-old man shot and killed there on March 15. Police said "
    "they had arrested a suspect in the shooting and recovered the gray sedan.",
)


def _article(n: int, title: str, text: str, published: datetime) -> Article:
    outlet = OUTLETS[n % len(OUTLETS)]
    return Article(
        id=f"a{n:02d}",
        source=Source(f"a{n:02d}.txt", "text"),
        raw_sha=f"a{n:02d}",
        part=0,
        text=text,
        title=title,
        published=published,
        outlet=outlet,
    )


def _stories(groups: list[tuple[list[tuple[str, str]], datetime]]) -> tuple[list[Story], list[str]]:
    """Cluster the articles of ``groups`` as the pipeline does; return the stories and the
    story id of each article, in order."""
    articles: list[Article] = []
    for reports, published in groups:
        for title, text in reports:
            articles.append(_article(len(articles), title, text, published))
    annotations = {a.article: a for a in annotate(articles)}
    resolve_entities(articles, annotations)
    options = StoryOptions()
    vectors = embed_articles(articles, options)
    ents = entities_by_article(annotations)
    evidence = evidence_by_article(articles, annotations)
    stories = cluster_stories(articles, vectors, (), ents, options, evidence=evidence)
    stories = link_storylines(stories, articles, vectors, ents, options)
    owner = {aid: s.id for s in stories for aid in s.articles}
    return stories, [owner[a.id] for a in articles]


def test_a_vow_and_the_vote_a_week_later_are_two_stories_of_one_storyline() -> None:
    stories, owner = _stories([(VOW, datetime(2031, 3, 3, 18)), (VOTE, datetime(2031, 3, 10, 19))])
    vow, vote = set(owner[:3]), set(owner[3:])
    assert len(vow) == 1 and len(vote) == 1 and vow != vote
    by_id = {s.id: s for s in stories}
    assert by_id[owner[3]].id in by_id[owner[0]].related
    assert by_id[owner[0]].id in by_id[owner[3]].related


def test_a_follow_up_two_days_later_joins_its_event() -> None:
    _, owner = _stories(
        [
            (VOW, datetime(2031, 3, 3, 18)),
            ([VOW_FOLLOW_UP], datetime(2031, 3, 5, 12)),
            (VOTE, datetime(2031, 3, 10, 19)),
        ]
    )
    assert len(set(owner[:4])) == 1  # the vow and its follow-up
    assert owner[4] not in owner[:4] and len(set(owner[4:])) == 1


def test_two_shootings_one_night_in_one_city_stay_apart() -> None:
    night = datetime(2031, 3, 16, 1, 30)
    _, owner = _stories([(SHOOTING_A, night), (SHOOTING_B, night)])
    assert owner[0] == owner[1]
    assert owner[2] == owner[3]
    assert owner[0] != owner[2]


def test_reports_of_one_shooting_the_same_night_and_a_week_later_join() -> None:
    _, owner = _stories(
        [
            (SHOOTING_A, datetime(2031, 3, 16, 1, 30)),
            (SHOOTING_B, datetime(2031, 3, 16, 1, 30)),
            ([SHOOTING_A_WEEK_LATER], datetime(2031, 3, 22, 20)),
        ]
    )
    assert owner[4] == owner[0] == owner[1]
    assert owner[2] == owner[3] != owner[0]
