"""The page tree's shape is fixed: Home → Leren → Module → Step."""

import pytest

from learning.models import LearningIndexPage, ModulePage, StepPage
from website.models import HomePage


def test_allowed_children():
    assert HomePage.allowed_subpage_models() == [LearningIndexPage]
    assert LearningIndexPage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == [StepPage]
    assert StepPage.allowed_subpage_models() == []


def test_allowed_parents():
    assert StepPage.allowed_parent_page_models() == [ModulePage]
    assert ModulePage.allowed_parent_page_models() == [LearningIndexPage]
    assert LearningIndexPage.allowed_parent_page_models() == [HomePage]


@pytest.mark.django_db
def test_step_cannot_be_created_under_index_or_home(module):
    index = module.get_parent().specific
    assert not StepPage.can_create_at(index)
    assert not StepPage.can_create_at(HomePage.objects.get())
    assert StepPage.can_create_at(module)
    assert not ModulePage.can_create_at(module)


def test_pages_are_searchable():
    names = {field.field_name for field in StepPage.search_fields}
    assert {"title", "body"} <= names
    assert "intro" in {field.field_name for field in ModulePage.search_fields}
