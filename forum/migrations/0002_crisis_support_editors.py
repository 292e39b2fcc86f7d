"""Editors and moderators may change the crisis help lines and phrases in the Wagtail admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Forummoderatoren"]
CODENAMES = ["change_crisissupport", "view_crisissupport"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    # (A migration's app config stub lacks ``models_module``, which create_permissions checks.)
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="community", codename__in=CODENAMES)
    )
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="community", codename__in=CODENAMES
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("accounts", "0002_role_groups"),
        ("wagtailcore", "0098_apitoken"),  # after Wagtail created its "Editors" group
    ]

    operations = [migrations.RunPython(grant, revoke)]
