from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("network", "0003_directory_data")]

    operations = [
        migrations.RemoveField(model_name="practicemodel", name="project"),
        migrations.RemoveField(model_name="project", name="region"),
        migrations.AlterField(
            model_name="practicemodel",
            name="slug",
            field=models.SlugField(blank=True, max_length=90, unique=True, verbose_name="slug"),
        ),
        migrations.AlterField(
            model_name="project",
            name="slug",
            field=models.SlugField(blank=True, max_length=90, unique=True, verbose_name="slug"),
        ),
    ]
