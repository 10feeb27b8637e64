"""A synthetic news corpus with known events, for scale benchmarks of story clustering.

How it is made (deterministic for a given seed):

- Events: one of 10 kinds (flood, earthquake, election, strike, merger, court ruling,
  protest, cup final, wildfire, cyberattack). Each event draws its own place, two people,
  an organisation and three numbers from generated names (syllable combinations, so
  different events of one kind share vocabulary but not names) and a day in 2024.
- Each event also gets 8 detail sentences of its own ("{Person} described the {w} {w}
  ...") built from a 4,000-word invented lexicon, standing in for the specifics that
  make real coverage of one flood differ from coverage of another.
- Articles per event: 1 + a geometric draw (mean about 10), so most events have a handful
  of articles and a few have dozens.
- An article: a headline from the kind's headline templates, then 16-28 sentences: the
  kind's fact templates filled with the event's names and numbers (numbers jittered by up
  to 10% in a third of the articles, as outlets disagree), shuffled after the lead, mixed
  with generic background sentences of the kind, and paraphrased by word-level synonym
  swaps (30% of swappable words). Length 300-600 words.
- Dates: event day + 0-3 days + a random hour; 25% of articles have no date.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from newsprism.model import Article, Source

SYLLABLES = [
    *("ka", "lo", "ri", "ve", "ta", "mon", "sel", "dra", "ni", "bor", "gan", "tes", "vil"),
    *("ar", "ul", "pe", "sha", "ko", "den", "mar", "lin", "os", "tu", "ber", "cal", "zen"),
    *("hal", "fi", "ro", "wen", "dal"),
]

KINDS: dict[str, dict[str, list[str]]] = {
    "flood": {
        "title": [
            "Floods force {n1} from homes in {place}",
            "{place} flood: {person} warns of more rain",
            "River bursts banks in {place}, {n1} evacuated",
        ],
        "facts": [
            "Flood waters forced {n1} people from their homes in {place} on {weekday}, "
            "{role} {person} said.",
            "The river rose {n2} centimetres overnight after days of heavy rain in {place}.",
            "{person} said rescue crews had pulled {n3} people from rooftops.",
            "The {org} said it had sent boats and pumps to {place}.",
            "{person2}, a resident of {place}, said the water reached the first floor "
            "within an hour.",
            "Two hospitals in {place} were evacuated as a precaution, according to the {org}.",
            "Schools across {place} will stay closed until the water recedes, {person} said.",
        ],
    },
    "earthquake": {
        "title": [
            "Magnitude {mag} quake strikes near {place}",
            "{place} earthquake kills {n3}, {org} says",
            "Rescuers dig through rubble after {place} quake",
        ],
        "facts": [
            "An earthquake of magnitude {mag} struck near {place} on {weekday}, the {org} said.",
            "At least {n3} people were killed and {n1} injured, {role} {person} said.",
            "The quake's epicentre was {n2} kilometres from the centre of {place}.",
            "{person2} said dozens of buildings collapsed in the old quarter of {place}.",
            "Rescue teams worked through the night searching for survivors under the rubble.",
            "The {org} recorded several aftershocks in the hours after the main shock.",
        ],
    },
    "election": {
        "title": [
            "{person} wins {place} election with {pct}% of vote",
            "{place} votes: {org} claims victory",
            "Turnout of {pct}% as {place} elects new leader",
        ],
        "facts": [
            "{person} of the {org} won the election in {place} with {pct} percent of the vote.",
            "Rival candidate {person2} conceded defeat late on {weekday}.",
            "Turnout was {pct} percent, the electoral commission of {place} said.",
            "{person} promised to cut taxes and build {n2} new schools in {place}.",
            "Observers reported {n3} complaints about irregularities at polling stations.",
            "The {org} will hold {n3} of the {n2} seats in the assembly.",
        ],
    },
    "strike": {
        "title": [
            "{org} workers strike in {place} over pay",
            "Strike at {org} halts production in {place}",
            "{person} calls {org} strike in {place}",
        ],
        "facts": [
            "About {n1} workers at the {org} in {place} walked out on {weekday} over pay.",
            "Union leader {person} said the strike would continue until wages rose {pct} percent.",
            "The {org} said it had offered a raise of {n3} percent, which the union rejected.",
            "{person2}, a spokesperson for the {org}, called the strike unlawful.",
            "Production at the {place} plant stopped for the first time in {n3} years.",
            "Talks between the union and the {org} are due to resume next week.",
        ],
    },
    "merger": {
        "title": [
            "{org} agrees to buy rival for ${n1} million",
            "{org} merger creates giant in {place}",
            "{person} to lead merged {org}",
        ],
        "facts": [
            "The {org} agreed on {weekday} to buy a rival for {n1} million dollars.",
            "Chief executive {person} said the deal would create the largest company in {place}.",
            "The merged company will employ {n2} people and keep its headquarters in {place}.",
            "Analyst {person2} said regulators were likely to examine the deal closely.",
            "Shares of the {org} rose {pct} percent after the announcement.",
            "The deal is expected to close within {n3} months.",
        ],
    },
    "court": {
        "title": [
            "Court in {place} jails {person} for {n3} years",
            "{person} found guilty in {place} fraud trial",
            "Judge rules against {org} in {place}",
        ],
        "facts": [
            "A court in {place} sentenced {person} to {n3} years in prison on {weekday}.",
            "Prosecutors said {person} had taken {n1} thousand dollars from the {org}.",
            "Judge {person2} said the fraud had been carefully planned over years.",
            "Lawyers for {person} said they would appeal the ruling.",
            "The {org} welcomed the verdict and said it had recovered part of the money.",
            "The trial in {place} lasted {n2} days and heard from dozens of witnesses.",
        ],
    },
    "protest": {
        "title": [
            "Thousands protest in {place} against {org}",
            "Police clash with protesters in {place}",
            "{person} leads march through {place}",
        ],
        "facts": [
            "Around {n1} people marched through {place} on {weekday} to protest against the {org}.",
            "Organiser {person} said the protest would continue until the plan was dropped.",
            "Police said {n3} people were arrested after clashes near the city hall of {place}.",
            "{person2}, a student, said young people in {place} felt ignored.",
            "The {org} said it was open to talks but would not withdraw the plan.",
            "Shops along the main avenue of {place} closed early as the crowd grew.",
        ],
    },
    "final": {
        "title": [
            "{org} win cup final in {place}",
            "{person} scores twice as {org} lift cup",
            "{org} beat rivals {n3}-1 in {place} final",
        ],
        "facts": [
            "The {org} won the cup final in {place} on {weekday}, beating their rivals {n3}-1.",
            "{person} scored twice in the second half in front of {n1} fans.",
            "Coach {person2} said it was the best night of his career.",
            "It was the club's first trophy in {n2} years.",
            "Fans celebrated in the streets of {place} until the early morning.",
            "The {org} will now play in the continental championship next season.",
        ],
    },
    "wildfire": {
        "title": [
            "Wildfire near {place} burns {n1} hectares",
            "Firefighters battle blaze outside {place}",
            "{place} fire: {person} orders evacuation",
        ],
        "facts": [
            "A wildfire near {place} has burned {n1} hectares since {weekday}, the {org} said.",
            "{role} {person} ordered the evacuation of {n3} villages around {place}.",
            "About {n2} firefighters and {n3} aircraft were fighting the blaze.",
            "{person2} said strong winds and dry weather made the fire hard to contain.",
            "Smoke from the fire forced the closure of the main road to {place}.",
            "The {org} said the cause of the fire was being investigated.",
        ],
    },
    "cyber": {
        "title": [
            "Cyberattack hits {org} in {place}",
            "{org} says hackers stole data of {n1} customers",
            "{person} confirms ransomware attack on {org}",
        ],
        "facts": [
            "The {org} in {place} said on {weekday} that hackers had stolen data of "
            "{n1} customers.",
            "Chief technology officer {person} said the attack began {n3} days earlier.",
            "The hackers demanded a ransom of {n2} thousand dollars, according to {person2}.",
            "Services of the {org} were offline for most of the day.",
            "Police in {place} said they were investigating the attack.",
            "Customers were advised to change their passwords.",
        ],
    },
}
BACKGROUND = [
    "Officials said more details would be released in the coming days.",
    "The government has faced criticism over its handling of similar events in the past.",
    "Local media showed images of crowds gathering in the centre of the city.",
    "Experts said the region had seen a rise in such incidents over the last decade.",
    "A spokesperson declined to comment further when contacted by reporters.",
    "The news drew reactions from politicians across the country on social media.",
    "Residents said they had not been warned in advance and called for answers.",
    "The ministry said it was monitoring the situation closely.",
    "International observers have called for calm and transparency.",
    "Independent analysts said the figures could change as more information emerged.",
    "The opposition demanded a full inquiry into what had happened.",
    "Insurance companies said it was too early to estimate the cost.",
]
SYNONYMS = {
    "said": ["said", "told reporters", "stated", "announced"],
    "people": ["people", "residents", "individuals"],
    "about": ["about", "around", "roughly"],
    "began": ["began", "started"],
    "would": ["would", "will"],
    "rose": ["rose", "climbed", "increased"],
    "forced": ["forced", "drove"],
    "killed": ["killed", "left dead"],
    "largest": ["largest", "biggest"],
    "closely": ["closely", "carefully"],
    "dozens": ["dozens", "scores"],
    "main": ["main", "central"],
}
ROLES = ["governor", "mayor", "minister", "police chief", "spokesperson"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


DETAIL = [
    "{person} described the {w0} {w1} as {w2} and said the {w3} had been {w4}.",
    "Witnesses near the {w0} said they saw {w1} {w2} before the {w3}.",
    "According to the {org}, the {w0} {w1} was {w2} {w3} of the {w4}.",
    "The {w0} {w1} in {place} had already been {w2} by {w3} {w4}.",
    "{person2} said the {w0} could {w1} the {w2} {w3} for months.",
    "Images shared online showed the {w0} {w1} beside the {w2} {w3}.",
    "Local reports said the {w0} {w1} {w2} the {w3} {w4} last year.",
    "The {w0} {w1} is expected to {w2} the {w3} in {place}.",
]
_LEX_RNG = random.Random(12345)
LEXICON = sorted(
    {
        "".join(_LEX_RNG.choice(SYLLABLES) for _ in range(_LEX_RNG.choice((2, 3))))
        for _ in range(5000)
    }
)[:4000]


@dataclass(slots=True)
class SyntheticEvent:
    label: str
    kind: str
    slots: dict[str, str]
    day: datetime
    details: list[str]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _event(rng: random.Random, n: int) -> SyntheticEvent:
    kind = rng.choice(sorted(KINDS))
    slots = {
        "place": _name(rng, rng.choice((2, 3))),
        "person": f"{_name(rng, 2)} {_name(rng, 3)}",
        "person2": f"{_name(rng, 2)} {_name(rng, 2)}",
        "org": f"{_name(rng, 2)} {rng.choice(['Group', 'Authority', 'Union', 'Party', 'FC'])}",
        "role": rng.choice(ROLES),
        "n1": str(rng.randint(200, 9000)),
        "n2": str(rng.randint(10, 400)),
        "n3": str(rng.randint(2, 60)),
        "pct": str(rng.randint(20, 70)),
        "mag": f"{rng.uniform(4.5, 7.8):.1f}",
    }
    day = datetime(2024, 1, 1) + timedelta(days=rng.randrange(366))
    slots["weekday"] = WEEKDAYS[day.weekday()]
    details = [
        t.format(**slots, **{f"w{i}": rng.choice(LEXICON) for i in range(5)}) for t in DETAIL
    ]
    return SyntheticEvent(f"e{n}", kind, slots, day, details)


def _jitter(slots: dict[str, str], rng: random.Random) -> dict[str, str]:
    out = dict(slots)
    for key in ("n1", "n2"):
        out[key] = str(max(1, round(int(slots[key]) * rng.uniform(0.9, 1.1))))
    return out


def _paraphrase(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    for i, w in enumerate(words):
        if w in SYNONYMS and rng.random() < 0.3:
            words[i] = rng.choice(SYNONYMS[w])
    return " ".join(words)


def _article(ev: SyntheticEvent, k: int, rng: random.Random) -> Article:
    spec = KINDS[ev.kind]
    slots = _jitter(ev.slots, rng) if rng.random() < 0.33 else ev.slots
    facts = [f.format(**slots) for f in spec["facts"]]
    lead, rest = facts[0], facts[1:]
    target = rng.randint(300, 600)
    body: list[str] = [lead]
    pool = rest * 2 + ev.details * 2
    rng.shuffle(pool)
    words = len(lead.split())
    while words < target:
        s = pool.pop() if pool and rng.random() < 0.6 else rng.choice(BACKGROUND)
        s = _paraphrase(s, rng)
        body.append(s)
        words += len(s.split())
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    text = "\n\n".join(paragraphs)
    published = None
    if rng.random() >= 0.25:
        published = ev.day + timedelta(days=rng.randint(0, 3), hours=rng.randint(6, 22))
    aid = f"{ev.label}-{k}"
    return Article(
        id=aid,
        source=Source(f"synthetic/{aid}.txt", "text"),
        raw_sha=aid,
        part=0,
        text=text,
        title=rng.choice(spec["title"]).format(**slots),
        published=published,
        outlet=f"outlet{rng.randrange(40)}",
    )


def generate(n_articles: int, seed: int = 0) -> Iterator[tuple[Article, str]]:
    """``n_articles`` (article, gold event label) pairs, events interleaved by date."""
    rng = random.Random(seed)
    made = 0
    n = 0
    while made < n_articles:
        ev = _event(rng, n)
        n += 1
        count = 1
        while rng.random() < 0.9 and count < 60:
            count += 1
        for k in range(min(count, n_articles - made)):
            yield _article(ev, k, rng), ev.label
            made += 1
