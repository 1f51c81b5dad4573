"""Wagtail's default workflow and its task are named after the "Moderators" group
("Moderators approval"), so the editor's button read "Lähetä työnkulkuun Moderators
approval". Workflow and task names are stored once, not translated: name them in
Finnish, the editors' language. Other names an administrator chose are left alone."""

from django.db import migrations

DEFAULT_NAME = "Moderators approval"
WORKFLOW_NAME = "Moderointi"
TASK_NAME = "Moderaattorin hyväksyntä"


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=DEFAULT_NAME).update(
        name=WORKFLOW_NAME
    )
    apps.get_model("wagtailcore", "Task").objects.filter(name=DEFAULT_NAME).update(
        name=TASK_NAME
    )


def restore(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).update(
        name=DEFAULT_NAME
    )
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).update(
        name=DEFAULT_NAME
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_translated_verbose_names"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, restore)]
