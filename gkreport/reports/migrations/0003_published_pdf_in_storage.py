"""Published PDFs move from a database column into the default storage (files or an object
store), each under a name derived from its SHA-256."""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models


def name_for(sha256):
    # Frozen copy of gkreport.reports.published_files.pdf_name: migrations keep their own.
    return f"published/{sha256[:2]}/{sha256}.pdf"


def move_into_storage(apps, schema_editor):
    PublishedVersion = apps.get_model("reports", "PublishedVersion")
    for version in PublishedVersion.objects.only("pk", "pdf", "sha256").iterator(chunk_size=20):
        data = bytes(version.pdf)
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 != version.sha256:
            raise RuntimeError(f"published version {version.pk}: PDF does not match its SHA-256")
        name = name_for(sha256)
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(data))
        PublishedVersion.objects.filter(pk=version.pk).update(pdf_file=name)


def move_back(apps, schema_editor):
    PublishedVersion = apps.get_model("reports", "PublishedVersion")
    for version in PublishedVersion.objects.only("pk", "pdf_file").iterator(chunk_size=20):
        with default_storage.open(version.pdf_file.name, "rb") as stored:
            PublishedVersion.objects.filter(pk=version.pk).update(pdf=stored.read())


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_report_imported_from")]

    operations = [
        migrations.AddField(
            model_name="publishedversion",
            name="pdf_file",
            field=models.FileField(default="", editable=False, max_length=200, verbose_name="PDF"),
            preserve_default=False,
        ),
        # A default, so that undoing the removal below can add the column back to full rows.
        migrations.AlterField(
            model_name="publishedversion",
            name="pdf",
            field=models.BinaryField(default=b"", verbose_name="PDF"),
        ),
        migrations.RunPython(move_into_storage, move_back),
        migrations.RemoveField(model_name="publishedversion", name="pdf"),
    ]
