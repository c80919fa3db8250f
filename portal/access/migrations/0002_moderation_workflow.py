from django.db import migrations

WORKFLOW = "Duyệt nội dung"
TASK = "Người duyệt phê duyệt"


def create_workflow(apps, schema_editor):
    """Editors submit; approvers approve and publish — for pages and documents."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK,
        defaults={
            "active": True,
            "content_type": ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        },
    )
    task.groups.set(Group.objects.filter(name="Người duyệt"))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.filter(depth=1).first()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    documents, _ = ContentType.objects.get_or_create(app_label="documents", model="document")
    WorkflowContentType.objects.update_or_create(
        content_type=documents, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [("access", "0001_roles")]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
