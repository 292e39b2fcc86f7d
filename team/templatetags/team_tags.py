"""Template helpers for ``team`` pages."""

from django import template
from django.utils.safestring import mark_safe

from team.permissions import is_team_lead, is_worker

register = template.Library()


@register.simple_tag
def team_roles(user) -> dict:
    """Which of the team pages ``user`` may open (for the sub-navigation)."""
    return {"worker": is_worker(user), "team_lead": is_team_lead(user)}


@register.simple_tag
def heatmap_cells(cells):
    """A row of the gap view's heatmap, written in one go: with 50 clients x 60 modules a
    template loop, or even ``format_html``, per cell costs more than the rest of the page.
    Cells hold only integers, so nothing here needs escaping."""
    return mark_safe("".join(OUT_OF_SCOPE if cell is None else _cell(cell) for cell in cells))  # noqa: S308


OUT_OF_SCOPE = '<td class="heat-none"><span class="visually-hidden">–</span></td>'


def _cell(cell) -> str:
    done, total = int(cell.done), int(cell.total)
    if done == 0:
        level = 0
    elif done >= total:
        level = 4
    else:
        level = min(3, 1 + (3 * done) // total)
    return f'<td class="heat heat-{level}">{done}/{total}</td>'
