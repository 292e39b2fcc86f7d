"""Who keeps the initiatives: editors ("Editors") and workers ("Hulpverleners") add,
change (so publish or reject) and delete them in the Wagtail admin; workers get into the
admin for that (they hold no page permission, so they see no pages there)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

KEEPERS = ("Editors", "Hulpverleners")
CODENAMES = ("add_initiative", "change_initiative", "delete_initiative", "view_initiative")


def grant(apps, schema_editor):
    # The model's permissions are made after all migrations ran; make them now.
    config = apps.get_app_config("nearby")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="nearby", codename__in=CODENAMES)
    )
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in KEEPERS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
    Group.objects.get(name="Hulpverleners").permissions.add(access_admin)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=KEEPERS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="nearby", codename__in=CODENAMES)
        )
    Group.objects.filter(name="Hulpverleners").first().permissions.remove(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("nearby", "0001_initial"),
        ("accounts", "0006_eindredactie"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
