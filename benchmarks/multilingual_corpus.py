"""An invented multilingual news corpus for bench_languages.py: every word made up here.

Eight fictional events in fictional cities (bombings, fires, floods, bus crashes),
each reported twice in English and once each in Spanish, Portuguese, French, German,
Indonesian and Arabic, over two months. The hard negatives are built in: two events in
Dalmek three days apart (a bombing, a fire) and another bombing between them in another
city, a flood and a bus crash in Qorvan a day apart; the other events lie weeks apart,
as most events of a real corpus do. The text is written from a few templates per
language, so the encoder's similarity between events of one type is high on purpose:
the language-independent evidence (names, figures, days) has to separate them.

Gold: the event of each article. ``records()`` yields JSON-ready records (the fields
newsprism's JSON reader takes) plus the gold event and the language written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}  # fmt: skip

# event type -> language -> (title noun, noun phrase in the lead)
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "bombing": {
        "en": ("Market bombing", "a bomb blast at a crowded market"),
        "es": ("Una explosión en un mercado", "una explosión en un mercado concurrido"),
        "pt": ("Explosão em mercado", "uma explosão num mercado movimentado"),
        "fr": ("Une explosion sur un marché", "une explosion sur un marché bondé"),
        "de": ("Explosion auf einem Markt", "einer Explosion auf einem belebten Markt"),
        "id": ("Ledakan di pasar", "ledakan di sebuah pasar yang ramai"),
        "ar": ("انفجار في سوق", "انفجار في سوق مزدحم"),
    },
    "fire": {
        "en": ("Apartment fire", "a fire that swept through an apartment block"),
        "es": ("Un incendio en un edificio", "un incendio en un edificio de viviendas"),
        "pt": ("Incêndio em prédio", "um incêndio num prédio residencial"),
        "fr": ("Un incendie dans un immeuble", "un incendie dans un immeuble d'habitation"),
        "de": ("Brand in Wohnhaus", "einem Brand in einem Wohnhaus"),
        "id": ("Kebakaran gedung", "kebakaran di sebuah gedung apartemen"),
        "ar": ("حريق في مبنى", "حريق في مبنى سكني"),
    },
    "flood": {
        "en": ("Floods", "flash floods that hit low-lying districts"),
        "es": ("Las inundaciones", "las inundaciones en los barrios bajos"),
        "pt": ("Inundações", "inundações nos bairros mais baixos"),
        "fr": ("Des inondations", "des inondations dans les quartiers bas"),
        "de": ("Überschwemmungen", "Überschwemmungen in tief gelegenen Vierteln"),
        "id": ("Banjir", "banjir bandang di kawasan dataran rendah"),
        "ar": ("فيضانات", "فيضانات في الأحياء المنخفضة"),
    },
    "bus": {
        "en": ("Bus crash", "a bus crash on the mountain road"),
        "es": ("Un accidente de autobús", "un accidente de autobús en la carretera de montaña"),
        "pt": ("Acidente de ônibus", "um acidente de ônibus na estrada da serra"),
        "fr": ("Un accident de bus", "un accident de bus sur la route de montagne"),
        "de": ("Busunglück", "einem Busunglück auf der Bergstraße"),
        "id": ("Kecelakaan bus", "kecelakaan bus di jalan pegunungan"),
        "ar": ("حادث حافلة", "حادث حافلة على الطريق الجبلي"),
    },
}


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    city: str
    city_ar: str
    day: date
    killed: int
    injured: int
    official: str
    official_ar: str
    landmark: str = ""
    landmark_ar: str = ""
    hospital: str = ""
    hospital_ar: str = ""
    chief: str = ""
    chief_ar: str = ""
    workers: int = 0


_DETAILS = [
    ("Saffron Gate", "باب الزعفران", "Karavi", "كارافي", "Dario Venn", "داريو فين", 120),
    ("Mirela Street", "شارع ميريلا", "Ostrel", "أوستريل", "Hana Brisk", "هانا بريسك", 45),
    ("the Old Canal", "القناة القديمة", "Sennet", "سينيت", "Luca Amrani", "لوكا عمراني", 300),
    ("the Kavra Pass", "ممر كافرا", "Tolvik", "تولفيك", "Ines Marov", "إينيس ماروف", 80),
    ("Liberty Square", "ساحة الحرية", "Marun", "مارون", "Felix Oday", "فيليكس أوداي", 150),
    ("the Zerin Mills", "مطاحن زيرين", "Abella", "أبيلا", "Nora Castel", "نورا كاستل", 35),
    ("the river port", "ميناء النهر", "Dunmar", "دونمار", "Samir Hollis", "سمير هوليس", 260),
    ("the Qorvan bypass", "الطريق الدائري", "Pelin", "بيلين", "Vera Stolz", "فيرا ستولز", 60),
]
_EVENTS = [
    ("e1", "bombing", "Dalmek", "دالمك", date(2027, 3, 2), 31, 77, "Nadia Karimi", "ناديا كريمي"),
    ("e2", "fire", "Dalmek", "دالمك", date(2027, 3, 5), 6, 15, "Omar Feldan", "عمر فيلدان"),
    ("e3", "flood", "Qorvan", "قورفان", date(2027, 3, 21), 12, 40, "Leyla Hamdi", "ليلى حمدي"),
    ("e4", "bus", "Tesmir", "تيسمير", date(2027, 4, 6), 19, 23, "Rami Sorkhan", "رامي سورخان"),
    ("e5", "bombing", "Bardun", "باردون", date(2027, 3, 4), 9, 25, "Yasmin Dorr", "ياسمين دور"),
    ("e6", "fire", "Zerin", "زيرين", date(2027, 4, 20), 4, 11, "Karim Bassel", "كريم باسل"),
    ("e7", "flood", "Lomasha", "لوماشا", date(2027, 5, 4), 27, 60, "Salma Idris", "سلمى إدريس"),
    ("e8", "bus", "Qorvan", "قورفان", date(2027, 3, 22), 7, 30, "Tariq Menon", "طارق مينون"),
]
EVENTS = [Event(*e, *d) for e, d in zip(_EVENTS, _DETAILS, strict=True)]  # type: ignore[arg-type]

OUTLETS = {
    "en": ("The Harbour Gazette", "Northline News"),
    "es": ("El Correo Austral",),
    "pt": ("Jornal da Serra",),
    "fr": ("La Dépêche du Golfe",),
    "de": ("Abendkurier",),
    "id": ("Suara Khatulistiwa",),
    "ar": ("صحيفة الأفق",),
}


def _text(e: Event, language: str, variant: int) -> tuple[str, str]:
    title_noun, np = KINDS[e.kind][language]
    wd = WEEKDAYS[language][e.day.weekday()]
    k, i, c, o = e.killed, e.injured, e.city, e.official
    if language == "en" and variant == 0:
        return (f"{title_noun} in {c} kills {k}",
                f"{k} people were killed and {i} injured in {np} in {c} on {wd}, officials said.\n\n"  # noqa: E501
                f"{o} said rescue teams were still at the scene late on {wd}.\n\n"
                f"Hospitals in {c} treated the wounded through the night.")  # fmt: skip
    if language == "en":
        return (f"{k} dead, {i} hurt after {title_noun.lower()} in {c}",
                f"At least {k} people died on {wd} after {np} in {c}, {o} told reporters.\n\n"
                f"Another {i} people were hurt, {o.split()[-1]} said, adding that the toll "
                f"could still rise.\n\nResidents described scenes of panic.")  # fmt: skip
    if language == "es":
        return (
            f"{title_noun} en {c} deja {k} muertos",
            f"Al menos {k} personas murieron y {i} resultaron heridas el {wd} en {np} "
            f"en {c}, según {o}.\n\nLos equipos de rescate seguían trabajando en la zona.",
        )
    if language == "pt":
        return (
            f"{title_noun} em {c} deixa {k} mortos",
            f"Pelo menos {k} pessoas morreram e {i} ficaram feridas na {wd} em {np} em "
            f"{c}, segundo {o}.\n\nAs equipes de resgate continuavam no local.",
        )
    if language == "fr":
        return (
            f"{title_noun} à {c} : {k} morts",
            f"Au moins {k} personnes ont été tuées et {i} blessées {wd} dans {np} à {c}, "
            f"a indiqué {o}.\n\nLes secours étaient toujours sur place.",
        )
    if language == "de":
        return (
            f"{k} Tote nach {title_noun} in {c}",
            f"Bei {np} in {c} sind am {wd} mindestens {k} Menschen getötet und {i} "
            f"verletzt worden, wie {o} mitteilte.\n\nRettungskräfte waren weiter im Einsatz.",
        )
    if language == "id":
        return (
            f"{title_noun} di {c} tewaskan {k} orang",
            f"Sedikitnya {k} orang tewas dan {i} luka-luka dalam {np} di {c} pada hari "
            f"{wd}, kata {o}.\n\nTim penyelamat masih bekerja di lokasi.",
        )
    return (f"مقتل {k} شخصا في {title_noun} في {e.city_ar}",
            f"قُتل {k} شخصاً على الأقل وأصيب {i} آخرون في {np} في {e.city_ar} يوم {wd}، "
            f"وفق ما أعلن {e.official_ar}.\n\nولا تزال فرق الإنقاذ تعمل في المكان.")  # fmt: skip


def _details(e: Event, language: str) -> str:
    """Two sentences with the event's own landmark, hospital, police chief and numbers."""
    lm, h, ch, w = e.landmark, e.hospital, e.chief, e.workers
    return {
        "en": f"It happened near {lm}, and the injured were taken to the {h} hospital. "
        f"Police chief {ch} said {w} rescue workers had been deployed.",
        "es": f"Ocurrió cerca de {lm} y los heridos fueron trasladados al hospital {h}. "
        f"El jefe de policía {ch} dijo que se desplegaron {w} rescatistas.",
        "pt": f"Aconteceu perto de {lm} e os feridos foram levados ao hospital {h}. "
        f"O chefe de polícia {ch} disse que {w} socorristas foram mobilizados.",
        "fr": f"Le drame s'est produit près de {lm} et les blessés ont été transportés à "
        f"l'hôpital {h}. Le chef de la police, {ch}, a indiqué que {w} secouristes avaient "
        "été déployés.",
        "de": f"Es geschah in der Nähe von {lm}, die Verletzten wurden in das Krankenhaus {h} "
        f"gebracht. Polizeichef {ch} sagte, {w} Rettungskräfte seien im Einsatz.",
        "id": f"Peristiwa itu terjadi di dekat {lm} dan korban luka dibawa ke rumah sakit {h}. "
        f"Kepala polisi {ch} mengatakan {w} petugas penyelamat dikerahkan.",
        "ar": f"ووقع الحادث قرب {e.landmark_ar} ونُقل المصابون إلى مستشفى {e.hospital_ar}. "
        f"وقال قائد الشرطة {e.chief_ar} إن {w} من عمال الإنقاذ انتشروا في المكان.",
    }[language]


def records() -> Iterator[dict[str, Any]]:
    """One JSON record per article: id, url, outlet, published, title, text, plus the
    gold ``event`` and ``written`` language (not read by newsprism)."""
    for n, e in enumerate(EVENTS):
        for language, outlets in OUTLETS.items():
            for variant, outlet in enumerate(outlets):
                title, text = _text(e, language, variant)
                text = text.replace("\n\n", "\n\n" + _details(e, language) + "\n\n", 1)
                hour = 14 + (n + variant + len(language)) % 8
                published = datetime.combine(e.day, datetime.min.time()) + timedelta(hours=hour)
                slug = f"{e.id}-{language}-{variant}"
                yield {
                    "id": slug,
                    "url": f"https://news.example/{slug}",
                    "outlet": outlet,
                    "published": published.isoformat(),
                    "title": title,
                    "text": text,
                    "event": e.id,
                    "written": language,
                }
