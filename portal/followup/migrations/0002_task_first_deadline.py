from django.db import migrations, models


def copy_deadline(apps, schema_editor):
    apps.get_model("followup", "Task").objects.update(first_deadline=models.F("deadline"))


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="task",
            name="first_deadline",
            field=models.DateField(null=True, editable=False, blank=True),
        ),
        migrations.RunPython(copy_deadline, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="task",
            name="first_deadline",
            field=models.DateField(
                blank=True, editable=False, verbose_name="first deadline"
            ),
        ),
    ]
