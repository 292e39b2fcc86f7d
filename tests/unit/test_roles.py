"""Every role named in code exists as a group after migrating."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import ALL_ROLES


@pytest.mark.django_db
def test_role_groups_exist():
    assert set(Group.objects.filter(name__in=ALL_ROLES).values_list("name", flat=True)) == set(
        ALL_ROLES
    )
