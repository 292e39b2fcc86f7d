"""Learner views. Thin: they read via ``selectors``, write via ``services``, and render.

The step's actions (done, tick, answer) are POST-only forms that work without
JavaScript and redirect back (post/redirect/get).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import services
from .learners import Learner
from .selectors import (
    catalog,
    learner_modules,
    learner_overview,
    learner_step_states,
    module_info_from_page,
    module_progress,
    preview_progress,
    step_info_from_page,
)


def _cacheable_for_first_visit(response, learner: Learner):
    """Mark a page the anonymous page cache may keep (see core.middleware)."""
    if learner.is_anonymous and not learner.session.session_key:
        response.anonymous_cacheable = True
    return response


def learning_index(request, *, page):
    learner = Learner.from_request(request)
    current = catalog()
    progress = learner_modules(learner=learner, catalog=current)
    topics = [
        (topic, [progress[module_id] for module_id in topic.module_ids]) for topic in current.topics
    ]
    response = TemplateResponse(
        request, "learning/learning_index_page.html", {"page": page, "topics": topics}
    )
    return _cacheable_for_first_visit(response, learner)


def module_detail(request, *, page):
    learner = Learner.from_request(request)
    current = catalog()
    if page.pk not in current.modules:
        raise Http404
    states = learner_step_states(learner=learner, step_ids=current.modules[page.pk].step_ids)
    progress = module_progress(catalog=current, states=states, module_id=page.pk)
    topic = next(t for t in current.topics if t.id == progress.module.topic_id)
    response = TemplateResponse(
        request,
        "learning/module_page.html",
        {"page": page, "progress": progress, "topic": topic},
    )
    return _cacheable_for_first_visit(response, learner)


def module_preview(request, *, page):
    """The module as the editor has it, before or without publishing (no learner progress)."""
    module, steps = module_info_from_page(page)
    return TemplateResponse(
        request,
        "learning/module_page.html",
        {"page": page, "progress": preview_progress(module, steps), "topic": page.topic},
    )


def step_preview(request, *, page):
    """The step as the editor has it, before or without publishing (no learner progress)."""
    module, steps = module_info_from_page(page.get_parent().specific)
    info = next((s for s in steps if s.id == page.pk), None)
    if info is None:  # a draft or unsaved step: show it after the live ones
        info = step_info_from_page(page, module_id=module.id, number=len(steps) + 1)
        steps = [*steps, info]
    context = _step_context(page, info, module, steps, preview_progress(module, steps), None)
    return TemplateResponse(request, "learning/step_page.html", context)


def _step_context(page, info, module, steps, progress, state) -> dict:
    """What ``step_page.html`` needs, for a learner's view and an editor's preview alike."""
    index = info.number - 1
    statements = {s.id: s for s in module.statements}
    return {
        "page": page,
        "step": info,
        "module": module,
        "progress": progress,
        "state": state,
        "checked": state.checklist if state else frozenset(),
        "answers": state.answers if state else {},
        "previous_step": steps[index - 1] if index > 0 else None,
        "next_step": steps[index + 1] if index + 1 < len(steps) else None,
        "teaches": [statements[s] for s in info.teaches if s in statements],
        "action_url": info.url,  # the step's own POST actions hang under its URL
    }


def _step_info(page):
    info = catalog().steps.get(page.pk)
    if info is None:  # e.g. a live step under an unpublished module
        raise Http404
    return info


def step_detail(request, *, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    learner = Learner.from_request(request)
    return _cacheable_for_first_visit(_step_response(request, page, learner), learner)


@dataclass(frozen=True)
class StepInputError:
    """Why a tick or an answer was not stored, shown on the step itself. ``target`` is
    the id of the message beside the form it is about, or None when that form is no
    longer on the step (it was changed meanwhile)."""

    message: str
    target: str | None


def _step_response(request, page, learner: Learner, *, error: StepInputError | None = None):
    """The step as the learner sees it; with ``error``, as it comes back from bad input
    (status 400, nothing stored, the visit not counted again)."""
    info = _step_info(page)
    current = catalog()
    module = current.modules[info.module_id]
    states = learner_step_states(learner=learner, step_ids=module.step_ids)
    state = states.get(page.pk)
    if error is None:
        services.step_record_visit(
            learner=learner, step_id=page.pk, last_seen_at=state.last_seen_at if state else None
        )
    progress = module_progress(catalog=current, states=states, module_id=module.id)
    steps = current.module_steps(module.id)
    context = _step_context(page, info, module, steps, progress, state)
    context["input_errors"] = [error] if error else []
    return TemplateResponse(
        request, "learning/step_page.html", context, status=400 if error else 200
    )


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def step_complete(request, *, page):
    if (response := _post_only(request)) is not None:
        return response
    info = _step_info(page)
    learner = Learner.from_request(request)
    result = services.step_complete(learner=learner, step=page)
    module = catalog().modules[info.module_id]
    if result.module_completed:
        messages.success(request, _("Goed gedaan! Je hebt alle stappen van deze module gedaan."))
        return redirect(module.url + "#wat-je-kunt")
    if result.newly_completed:
        messages.success(request, _("Goed gedaan! Deze stap is klaar."))
    steps = catalog().module_steps(module.id)
    following = steps[info.number] if info.number < len(steps) else None
    return redirect(following.url if following else module.url)


def _save_step_input(
    request, page, save, *, block_id: str, anchor: str, message: str | None = None
):
    """POST-only: store a learner's input with ``save(learner)``, then back to ``#anchor``.

    Input the step does not have stores nothing and brings back the step with the reason
    (status 400), beside the form of ``block_id`` when that is still on the step.
    """
    if (response := _post_only(request)) is not None:
        return response
    _step_info(page)
    learner = Learner.from_request(request)
    try:
        save(learner)
    except services.InvalidProgressInput as reason:
        on_step = any(block.id == block_id for block in page.body)
        error = StepInputError(str(reason), f"{anchor}-fout" if on_step else None)
        return _step_response(request, page, learner, error=error)
    if message:
        messages.success(request, message)
    return redirect(f"{page.url}#{anchor}")


def step_tick(request, *, page):
    block_id = request.POST.get("checklist", "")
    return _save_step_input(
        request,
        page,
        lambda learner: services.step_set_checklist(
            learner=learner, step=page, block_id=block_id, item_ids=request.POST.getlist("item")
        ),
        block_id=block_id,
        anchor=f"checklist-{block_id}",
        message=_("Je vinkjes zijn bewaard."),
    )


def step_answer(request, *, page):
    question_id = request.POST.get("question", "")
    return _save_step_input(
        request,
        page,
        lambda learner: services.step_answer(
            learner=learner,
            step=page,
            question_id=question_id,
            option_id=request.POST.get("option", ""),
        ),
        block_id=question_id,
        anchor=f"vraag-{question_id}",
    )


def home(request, *, page):
    """The home page: continue where you left off, and modules to try."""
    learner = Learner.from_request(request)
    response = TemplateResponse(
        request,
        "learning/home_page.html",
        {"page": page, "overview": learner_overview(learner=learner)},
    )
    return _cacheable_for_first_visit(response, learner)


def my_progress(request):
    """/mijn-voortgang/: what the learner started and what they can do now."""
    overview = learner_overview(learner=Learner.from_request(request))
    return render(request, "learning/my_progress.html", {"overview": overview})
