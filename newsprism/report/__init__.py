"""Reports: one story comparison rendered as JSON, a self-contained HTML file and Markdown.

The web app renders the same views with the same templates (see ``templating``).
"""

from newsprism.report.highlight import Mark, Paragraph, Segment, highlight
from newsprism.report.views import ArticleView, StoryView, article_view, story_view
from newsprism.report.write import ReportFiles, index_entry, render_html, write_reports

__all__ = [
    "ArticleView",
    "Mark",
    "Paragraph",
    "ReportFiles",
    "Segment",
    "StoryView",
    "article_view",
    "highlight",
    "index_entry",
    "render_html",
    "story_view",
    "write_reports",
]
