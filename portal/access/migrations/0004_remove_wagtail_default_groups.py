from django.db import migrations

# Created by Wagtail's own migrations, in English; the portal's roles replace them.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    """Remove Wagtail's default groups, unless someone has put people in them."""
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0003_approval_task_name"),
        # Every Wagtail migration that gives these groups permissions.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(remove_default_groups, migrations.RunPython.noop)
    ]
