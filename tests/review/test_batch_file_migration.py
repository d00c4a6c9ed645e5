"""Migration review 0002 moves the bytes of existing batch files into the storage."""

import pytest
from django.core.files.storage import default_storage

from tests.database import migrate, migrate_to_latest

BEFORE = [("review", "0001_initial")]
AFTER = [("review", "0002_batch_files_in_storage")]


@pytest.mark.django_db(transaction=True)
def test_existing_batch_file_bytes_move_into_storage(offices):
    apps = migrate(BEFORE)
    try:
        Batch = apps.get_model("review", "Batch")
        Item = apps.get_model("review", "BatchItem")
        batch = Batch.objects.create(
            office_id=offices.office.pk, creator_id=offices.olivia.pk, name="旧批次"
        )
        Item.objects.create(batch=batch, position=1, name="a.txt", data="一份报告".encode())
        Item.objects.create(batch=batch, position=2, name="b.doc", data=b"", error="不支持")
        apps = migrate(AFTER)
        moved, refused = apps.get_model("review", "BatchItem").objects.order_by("position")
        with default_storage.open(moved.file.name, "rb") as stored:
            assert stored.read().decode() == "一份报告"
        assert refused.file.name == ""
    finally:
        migrate_to_latest()
