from django.db import migrations
from django.utils.text import slugify

AREAS = [
    ("oma-elama", "1 Osallisuus omassa elämässä", "1 Delaktighet i det egna livet",
     "1 Participation in one's own life"),
    ("yhteiskehittaminen", "2a Yhteissuunnittelu ja -kehittäminen",
     "2a Gemensam planering och utveckling", "2a Co-planning and co-development"),
    ("omaehtoinen-toiminta", "2b Omaehtoinen ja yhteinen toiminta",
     "2b Självständig och gemensam verksamhet", "2b Self-directed and joint action"),
    ("yhteinen-hyva", "3 Osallisuus yhteiseen hyvään", "3 Delaktighet i det gemensamma goda",
     "3 Participation in the common good"),
    ("rakenteet", "Osallisuutta edistävät rakenteet", "Strukturer som främjar delaktighet",
     "Structures that promote participation"),
]


def unique(slugs, text):
    base = slugify(text)[:80].strip("-") or "x"
    slug, number = base, 2
    while slug in slugs:
        slug, number = f"{base}-{number}", number + 1
    slugs.add(slug)
    return slug


def forwards(apps, schema_editor):
    """Move each project's one region and each practice model's one project into the new
    many-to-many fields, give existing rows slugs, and add the areas of participation."""
    Project = apps.get_model("network", "Project")
    PracticeModel = apps.get_model("network", "PracticeModel")
    ParticipationArea = apps.get_model("network", "ParticipationArea")
    slugs = set()
    for project in Project.objects.order_by("pk"):
        if project.region_id:
            project.regions.add(project.region_id)
        project.slug = unique(slugs, project.name)
        project.save(update_fields=["slug"])
    slugs = set()
    for model in PracticeModel.objects.order_by("pk"):
        if model.project_id:
            model.projects.add(model.project_id)
        model.slug = unique(slugs, model.name)
        model.save(update_fields=["slug"])
    for order, (slug, fi, sv, en) in enumerate(AREAS):
        ParticipationArea.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0002_directory_fields")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
