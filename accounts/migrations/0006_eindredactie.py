"""The approvers' group ("Eindredacteuren") and Wagtail's workflow through which every page,
the learning pages included, is published: editors submit, an approver approves.

Wagtail's own first workflow ("Moderators approval", for its "Moderators" group that no
one here is in) stops being the one assigned to the tree's root; ours takes its place.
"""

from django.db import migrations

APPROVERS = "Eindredacteuren"
WORKFLOW = "Eindredactie"
TASK = "Goedkeuring eindredactie"
# What Wagtail gives its own moderators on the whole tree.
PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    approvers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root = Page.objects.get(depth=1)
    for kind in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{kind}_page"
        )
        GroupPagePermission.objects.get_or_create(group=approvers, page=root, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([approvers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow.objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=APPROVERS).delete()
    wagtails = Workflow.objects.filter(name="Moderators approval").first()
    if wagtails:
        WorkflowPage.objects.get_or_create(page=Page.objects.get(depth=1), workflow=wagtails)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_name_keys"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),  # after Wagtail's workflow models and its own
    ]

    operations = [migrations.RunPython(create, remove)]
