"""The editors' synonym groups (``SearchSynonyms``), which editors may change."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import search.models

CODENAMES = ["change_searchsynonyms", "view_searchsynonyms"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="search", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="search", codename__in=CODENAMES)
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_outbox_parking"),
        ("wagtailcore", "0098_apitoken"),  # after Wagtail created its "Editors" group
    ]

    operations = [
        migrations.CreateModel(
            name="SearchSynonyms",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "groups",
                    models.TextField(
                        default=search.models.DEFAULT_SYNONYMS,
                        help_text=(
                            "Eén groep per regel: woorden of zinnen die hetzelfde betekenen, "
                            "gescheiden door komma's. Bijvoorbeeld: baan, werk, job. "
                            "Hoofdletters maken niet uit. Regels die met # beginnen tellen "
                            "niet mee."
                        ),
                        verbose_name="woordgroepen",
                    ),
                ),
            ],
            options={"verbose_name": "zoeken: woorden die hetzelfde betekenen"},
        ),
        migrations.RunPython(grant, revoke),
    ]
