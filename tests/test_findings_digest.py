"""The digest shows net support and who contradicts a line, in HTML and Markdown (issue 23).

The JSON always had ``contradicted_by``; a reader of the HTML or Markdown saw only
"3 outlets" for a line one of the three contradicts. Invented coverage, the real
language layer and the real report writers.
"""

from __future__ import annotations

from test_findings_cells import arrests_story

from newsprism.report.markdown import story_markdown
from newsprism.report.pages import render_html, render_story_html
from newsprism.report.views import story_view


def test_a_contradicted_digest_line_shows_net_support_and_who_contradicts() -> None:
    out = arrests_story()
    [item] = [d for d in out.digest if "arrested" in d.cite.text]
    assert item.contradicted_by == ["North Star"]
    view = story_view(out)
    [line] = [d for d in view.digest if "arrested" in d.text]
    assert sorted(line.outlets) == ["Plains Herald", "Valley News"]
    assert line.net == 1
    digest = story_markdown(view).split("### Digest", 1)[1].split("###", 1)[0]
    [md_line] = [x for x in digest.splitlines() if "arrested" in x]
    assert "net support **1**" in md_line
    assert md_line.endswith("; contradicted by North Star)")
    for html in (render_story_html(view, {}), render_html([view])):
        assert "net support <b>1</b>" in html
        assert "contradicted by <bdi>North Star</bdi>" in html


def test_an_earlier_event_the_story_is_set_against_is_no_digest_line() -> None:
    """Three outlets recall the flood of 2009; two report this week's: the digest says
    what happened this week, and the older flood stays in the coverage grid."""
    from test_findings_cells import article, run

    background = "The 2009 flood in Velmora killed 300 people and destroyed the old bridge."
    news = "The Tarn river burst its banks in Velmora on Tuesday, flooding the market square."
    out = run(
        [
            article("a", "Valley News", [news, background]),
            article("b", "Plains Herald", [news.replace("flooding", "and flooded"), background]),
            article("c", "Harbour Times", [background, "Shops stayed shut on Wednesday."]),
        ]
    )
    assert any("2009 flood" in f.text for f in out.facts)
    assert out.digest, "this week's flood is corroborated by two outlets"
    assert not any("2009" in d.cite.text for d in out.digest)
    assert any("burst its banks" in d.cite.text for d in out.digest)
