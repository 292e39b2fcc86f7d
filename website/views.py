"""The shell's own pages: "Hulp nodig?", the help page every header links to."""

from django.shortcuts import render

from forum.selectors import crisis_support
from team.selectors import client_workers


def help_page(request):
    """Where to find help, step by step: look it up, ask peers on the forum, an experience
    expert, the client's own workers (only when they have any), and the crisis lines
    that editors keep in "Hulp bij crisis"."""
    user = request.user
    return render(
        request,
        "help.html",
        {
            "crisis": crisis_support(),
            "workers": client_workers(client=user) if user.is_authenticated else [],
        },
    )
