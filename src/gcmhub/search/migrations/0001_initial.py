from django.db import migrations, models


def create_index_schema(apps, schema_editor):
    # The index's storage differs by database (an FTS5 virtual table, or a table with a
    # GIN-indexed tsvector); each adapter creates its own.
    from gcmhub.search.backends import backend

    backend().create_schema()


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="IndexState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("generation", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "search index state"},
        ),
        migrations.CreateModel(
            name="IndexedWord",
            fields=[
                ("word", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("items", models.PositiveIntegerField(default=0)),
            ],
            options={"verbose_name": "indexed word"},
        ),
        migrations.RunPython(create_index_schema, migrations.RunPython.noop),
    ]
