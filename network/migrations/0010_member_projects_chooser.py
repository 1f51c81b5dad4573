"""A member's projects get a through model of their own (network.MemberProject), so the
admin edits them with Wagtail's searchable multiple chooser instead of a plain list of
every project in the directory.

Django cannot add `through=` to an existing many-to-many field, so the rows are copied
into the new table and the field is replaced."""

import django.db.models.deletion
from django.db import migrations, models

import modelcluster.fields


def copy_links(apps, schema_editor):
    Member = apps.get_model("network", "Member")
    MemberProject = apps.get_model("network", "MemberProject")
    old = Member.projects.through.objects.values_list("member_id", "project_id")
    MemberProject.objects.bulk_create(
        MemberProject(member_id=member, project_id=project) for member, project in old.iterator()
    )


def copy_links_back(apps, schema_editor):
    Member = apps.get_model("network", "Member")
    MemberProject = apps.get_model("network", "MemberProject")
    Member.projects.through.objects.bulk_create(
        Member.projects.through(member_id=link.member_id, project_id=link.project_id)
        for link in MemberProject.objects.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0009_translated_verbose_names"),
    ]

    operations = [
        migrations.CreateModel(
            name="MemberProject",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "member",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="project_links",
                        to="network.member",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="member_links",
                        to="network.project",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "member's project",
                "verbose_name_plural": "members' projects",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("member", "project"), name="network_member_project"
                    )
                ],
            },
        ),
        migrations.RunPython(copy_links, copy_links_back),
        migrations.RemoveField(model_name="member", name="projects"),
        migrations.AddField(
            model_name="member",
            name="projects",
            field=models.ManyToManyField(
                blank=True,
                related_name="members",
                through="network.MemberProject",
                to="network.project",
                verbose_name="projects",
            ),
        ),
    ]
