from django.db import migrations

WORKFLOW = "Duyệt nội dung"


def assign_workflow(apps, schema_editor):
    """Events go through the portal's moderation workflow, as documents do:
    editors submit, approvers approve and publish."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        return
    events, _ = ContentType.objects.get_or_create(app_label="schedule", model="event")
    WorkflowContentType.objects.update_or_create(
        content_type=events, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("schedule", "0001_events"),
        ("access", "0003_approval_task_name"),
    ]

    operations = [migrations.RunPython(assign_workflow, migrations.RunPython.noop)]
