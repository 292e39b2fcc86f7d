"""Template helpers for ``team`` pages."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from team.permissions import is_team_lead, is_worker

register = template.Library()


@register.simple_tag
def team_roles(user) -> dict:
    """Which of the team pages ``user`` may open (for the sub-navigation)."""
    return {"worker": is_worker(user), "team_lead": is_team_lead(user)}


@register.simple_tag
def heatmap_cells(cells):
    """A row of the gap view's heatmap, written in one go: with 50 clients x 60 modules
    a template loop per cell costs more than the rest of the page."""
    return format_html_join(
        "",
        "{}",
        ((_cell(cell),) for cell in cells),
    )


OUT_OF_SCOPE = mark_safe('<td class="heat-none"><span class="visually-hidden">–</span></td>')


def _cell(cell):
    if cell is None:
        return OUT_OF_SCOPE
    level = (
        0
        if cell.done == 0
        else 4
        if cell.done >= cell.total
        else 1 + (3 * cell.done) // max(cell.total, 1)
    )
    return format_html('<td class="heat heat-{}">{}/{}</td>', min(level, 4), cell.done, cell.total)
