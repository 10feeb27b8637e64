"""Reports: story comparisons rendered as JSON, self-contained HTML files and Markdown.

``write_reports`` writes an index for the corpus plus one folder of files per story.

``views.py`` turns a story's typed comparison (``compare.records``) and its articles
into what templates show; ``pages.py``/``templating.py`` render HTML, ``markdown.py``
Markdown, ``charts.py`` the two inline SVG charts, ``versions.py`` the changed-article
section, ``files.py`` writes atomically. The web app renders the same views with the
same templates.
"""

from newsprism.report.highlight import Mark, Paragraph, Segment, highlight
from newsprism.report.pages import render_html, render_index_html, render_story_html
from newsprism.report.views import ArticleView, StoryView, article_view, story_view
from newsprism.report.write import ReportFiles, write_reports

__all__ = [
    "ArticleView",
    "Mark",
    "Paragraph",
    "ReportFiles",
    "Segment",
    "StoryView",
    "article_view",
    "highlight",
    "render_html",
    "render_index_html",
    "render_story_html",
    "story_view",
    "write_reports",
]
