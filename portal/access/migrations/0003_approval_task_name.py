from django.db import migrations

OLD, NEW = "Người duyệt phê duyệt", "Lãnh đạo duyệt"


def rename(apps, old, new):
    Task = apps.get_model("wagtailcore", "Task")
    Task.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    """The approval step as offices name it: "Đang chờ lãnh đạo duyệt", not
    "Đang chờ Người duyệt phê duyệt"."""

    dependencies = [("access", "0002_moderation_workflow")]

    operations = [
        migrations.RunPython(
            lambda apps, editor: rename(apps, OLD, NEW),
            lambda apps, editor: rename(apps, NEW, OLD),
        )
    ]
