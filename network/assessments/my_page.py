"""The helper questions' section on My page: the member's projects and, per stage,
the project's assessment (draft or finished) or a link to start one."""

from django.urls import reverse

from network.models import Assessment, Stage


def context(request, member):
    projects = list(member.projects.order_by("name"))
    found = {
        (a.project_id, a.stage): a
        for a in Assessment.objects.filter(project__in=projects).only(
            "project_id", "stage", "status", "shared_with_coordinators"
        )
    }
    rows = []
    for project in projects:
        stages = []
        for stage in Stage:
            assessment = found.get((project.pk, stage.value))
            done = assessment is not None and assessment.is_finished
            name = "assessment_result" if done else "assessment_edit"
            url = reverse(f"network:{name}", args=[project.slug, stage.value])
            stages.append((stage.label, assessment, url))
        rows.append((project, stages))
    return {"projects": rows}
