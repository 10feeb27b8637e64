"""Page chrome in sentence form: what a page says about itself, not about the story.

Cleaning drops whole lines by their form; some chrome is written as an ordinary
sentence, on its own line or inside a paragraph, and then passes every line rule:

- a note about the page ("This story will be updated as the count goes on", "Please
  reload this page for the latest", "Editor's note: an earlier version misspelled the
  ferry's name"), in any of the corpora's languages;
- an explainer's announcement of what follows ("Here is what we know", "Voici ce
  que l'on sait sur la fermeture du quai"): a signpost, no claim;
- a sentence that is only a picture credit ("(Foto: cortesía de la capitanía).");
- a direction to a web address ("Visit example.org to donate to the repair fund");
- an excerpt cut off by an ellipsis ("… the council understood what it was told ..."):
  the preview of another article, or a paragraph the page truncated; neither is a
  whole clause an outlet can be said to state.

Cleaning keeps such a sentence in the body — the page printed it as its article's
text, and extraction benchmarks count an editor's note as body — except a headline
and cut-off excerpt after the body, a teaser of another article
(``newsprism.clean.boilerplate``). The fact rows (``newsprism.compare.facts``) never
show such a sentence as a claim. Each is recognised by its form and its words about
pages, never by a site's wording.
"""

from __future__ import annotations

import re

MAX_NOTE_WORDS = 40  # a note about the page is short; a longer sentence is reporting

# the page itself, as its own notes name it
_PAGE = (
    r"(?:(?:this|the) (?:breaking )?(?:news )?(?:article|story|page|live blog|blog)"
    r"|l['’]article|cet article|cette page|la page|ce direct|cet? (?:live|fil)"
    r"|(?:el|este) art[íi]culo|(?:la|esta) (?:nota|p[áa]gina|noticia)"
    r"|(?:der|dieser) (?:artikel|beitrag|text)|(?:die|diese) seite"
    r"|(?:o|este) artigo|(?:a|esta) (?:mat[ée]ria|p[áa]gina|not[íi]cia)"
    r"|(?:l['’]|quest['’])articolo|(?:la|questa) pagina"
    r"|(?:bu )?(?:haber|sayfa)|المقال|الصفحة|الخبر)"
)
# what a page note says the page does: it is updated, developing, to be reloaded
_UPDATED = (
    r"(?:(?:is|will be|was|has been|is being|are being|gets?|being) (?:regularly |constantly"
    r" |continuously |frequently )?(?:updated|developing|refreshed)"
    r"|(?:est|sera|a été) (?:r[ée]guli[èe]rement |r[ée]guli[èe]rement |constamment )?"
    r"(?:mis|mise) à jour|se (?:met|mettra) à jour"
    r"|(?:se )?(?:actualiza|actualizar[áa]|actualizando)|(?:ser[áa]|es|est[áa] siendo)"
    r" actualizad[ao]"
    r"|wird (?:laufend |regelmäßig |fortlaufend )?aktualisiert"
    r"|(?:ser[áa]|é|está sendo) atualizad[ao]|ser[àa] aggiornat[ao]|viene aggiornat[ao]"
    r"|güncellen\w*|يتم تحديث\w*|سيتم تحديث\w*"
    # a reprint's notice: "This article was originally published by …"
    r"|(?:was|has been|is) (?:first |originally )?(?:published|republished|reproduced)"
    r"|(?:a été|est) (?:initialement |d['’]abord |originellement )?(?:publi[ée]e?|paru)"
    r"|(?:fue|ha sido) (?:originalmente |publicad[ao] originalmente )?publicad[ao]"
    r"|erschien (?:zuerst|ursprünglich)|wurde (?:zuerst |ursprünglich )?veröffentlicht)"
)
# anchored at the sentence's start: the page is its subject, not a report it mentions
_PAGE_NOTE = re.compile(
    rf"^\W*(?:(?:note|update|mise à jour|actualizaci[óo]n|aktualisierung)\s*:\s*)?{_PAGE}\b"
    rf"(?:\s+[^\s.!?]+){{0,2}}?\s+{_UPDATED}",
    re.I,
)
# a note that needs no subject: "Please reload this page", "Editor's note: …"
_BARE_NOTE = re.compile(
    r"^\W*(?:please )?(?:refresh|reload) (?:the|this) page\b"
    r"|^\W*(?:veuillez )?(?:rafra[îi]chi(?:r|ssez)|actualis(?:er|ez)|recharg(?:er|ez)) la page\b"
    r"|^\W*(?:por favor,? )?(?:actualice|recargue|actualiza|recarga) (?:la|esta) p[áa]gina\b"
    r"|^\W*(?:bitte )?(?:laden sie )?(?:die|diese) seite (?:neu|aktualisieren)\b"
    r"|^\W*editor['’]?s[’']? note\s*:"
    r"|^\W*(?:note de la r[ée]daction|nota (?:de la redacci[óo]n|del editor|do editor))\s*:"
    r"|^\W*(?:more details|further details|more information) (?:will|to) (?:be published|follow)"
    r"|^\W*(?:this is a )?(?:developing|breaking) (?:news )?story\b",
    re.I,
)
# an explainer's signpost: "Here's what we know", "Voici ce que l'on sait"
_SIGNPOST = re.compile(
    r"^\W*(?:(?:so )?here(?:['’]s| is| are) what (?:we|you) (?:know|need to know)\b"
    r"|(?:voici|voilà) ce (?:que l['’]on|qu['’]on|qu['’]il faut) (?:sait|savoir)\b"
    r"|(?:esto es|aqu[íi] est[áa]|he aqu[íi]) lo que (?:sabemos|se sabe)\b"
    r"|(?:isto é|eis|aqui está) o que (?:sabemos|se sabe)\b"
    r"|das wissen wir\b|ecco (?:cosa|quello che) sappiamo\b"
    # the bare heading form only as the whole sentence: "What we know so far."
    r"|(?:what we know|ce (?:que l['’]on|qu['’]on) sait|lo que (?:sabemos|se sabe)"
    r"|o que (?:sabemos|se sabe)|was wir wissen|was bisher bekannt ist)"
    r"(?: so far| jusqu['’]ici| hasta ahora| até agora| bisher)?\W*$)",
    re.I,
)
# the reader sent elsewhere: "Visit example.org to donate", "Plus
# d'informations sur example.fr", "Weitere Informationen unter example.de"
_WEB_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9][a-z0-9\-]*\.(?:[a-z]{2,6})(?:/\S*)?\b"
)
_DIRECTION = re.compile(
    r"^\W*(?:(?:please )?(?:visit|go to|see|check|click|call|contact|email|follow|download"
    r"|read more|find out more|learn more)\b"
    r"|for (?:more|further) (?:information|details|updates)\b"
    r"|(?:visitez|consultez|rendez-vous sur|plus d['’]informations?|pour plus d['’]informations?)"
    r"|(?:visite|visita|consulte|más información|para más información|mais informações)"
    r"|(?:besuchen sie|weitere informationen|mehr informationen|mehr unter))",
    re.I,
)
# a sentence that is only a picture credit: "(Imagen: cortesía de …).", "(Foto: Agencia)"
_CREDIT_ONLY = re.compile(
    r"^\W*\((?:photos?|pictures?|images?|imagen|imágenes|fotos?|fotograf[íi]as?|bild(?:er)?"
    r"|cr[ée]dits?(?: photo)?|cr[ée]dito|courtesy|cortes[íi]a|source|fuente|quelle)\b"
    r"[^()]{0,80}\)\W*$",
    re.I,
)
# an excerpt cut off mid-sentence: ends on an ellipsis that closes no quotation
_CUT_OFF = re.compile(r"[\w,;]\s*(?:\.{3}|…)\s*$")


def _words(text: str) -> int:
    return len(text.split())


def page_note(text: str) -> bool:
    """A sentence about the page itself: that it is updated, to be reloaded, an
    editor's note; short, since a long sentence about "the report" is reporting."""
    body = text.strip()
    if not body or _words(body) > MAX_NOTE_WORDS:
        return False
    return bool(_BARE_NOTE.search(body) or _PAGE_NOTE.match(body))


def signpost(text: str) -> bool:
    """An explainer's announcement of what follows ("Here is what we know")."""
    body = text.strip()
    return bool(body) and _words(body) <= 15 and bool(_SIGNPOST.search(body))


def cut_off(text: str) -> bool:
    """A sentence that ends on an ellipsis after a word: an excerpt, not a whole clause
    (a quotation trailing off closes its quotation mark after the dots)."""
    return bool(_CUT_OFF.search(text.strip()))


def direction(text: str) -> bool:
    """A sentence that sends the reader to a web address: a promotion, no claim."""
    body = text.strip()
    return _words(body) <= 30 and bool(_DIRECTION.match(body) and _WEB_ADDRESS.search(body))


def credit_only(text: str) -> bool:
    """A sentence that is nothing but a parenthesised picture or source credit."""
    return bool(_CREDIT_ONLY.match(text.strip()))


def chrome_reason(text: str) -> str | None:
    """Why a sentence is page chrome ("page note", "signpost", "credit", "direction",
    "cut off"), else None."""
    if credit_only(text):
        return "credit"
    if direction(text):
        return "direction"
    if page_note(text):
        return "page note"
    if signpost(text):
        return "signpost"
    if cut_off(text):
        return "cut off"
    return None
