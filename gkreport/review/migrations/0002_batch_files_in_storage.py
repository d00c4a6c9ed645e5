"""Batch files move from a database column into the default storage, each under a name
derived from its SHA-256."""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models


def name_for(data):
    # Frozen copy of gkreport.review.batch_storage.batch_file_name: migrations keep their own.
    sha256 = hashlib.sha256(data).hexdigest()
    return f"batches/{sha256[:2]}/{sha256}"


def move_into_storage(apps, schema_editor):
    BatchItem = apps.get_model("review", "BatchItem")
    for item in BatchItem.objects.exclude(data=b"").only("pk", "data").iterator(chunk_size=20):
        data = bytes(item.data)
        name = name_for(data)
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(data))
        BatchItem.objects.filter(pk=item.pk).update(file=name)


def move_back(apps, schema_editor):
    BatchItem = apps.get_model("review", "BatchItem")
    for item in BatchItem.objects.exclude(file="").only("pk", "file").iterator(chunk_size=20):
        with default_storage.open(item.file.name, "rb") as stored:
            BatchItem.objects.filter(pk=item.pk).update(data=stored.read())


class Migration(migrations.Migration):
    dependencies = [("review", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="batchitem",
            name="file",
            field=models.FileField(blank=True, default="", max_length=200, verbose_name="文件"),
        ),
        migrations.RunPython(move_into_storage, move_back),
        migrations.RemoveField(model_name="batchitem", name="data"),
    ]
