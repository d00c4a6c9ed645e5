"""Migration 0003 moves the PDF bytes of existing published versions into the storage."""

import hashlib

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from tests.database import migrate, migrate_to_latest

BEFORE = [("reports", "0002_report_imported_from")]
AFTER = [("reports", "0003_published_pdf_in_storage")]


@pytest.mark.django_db(transaction=True)
def test_existing_pdf_bytes_move_into_storage_under_their_hash(people):
    apps = migrate(BEFORE)
    try:
        Version = apps.get_model("reports", "PublishedVersion")
        pdf = b"%PDF-1.7 an old published report"
        Version.objects.create(
            report_id=people.report.pk,
            number=1,
            snapshot={},
            pdf=pdf,
            sha256=hashlib.sha256(pdf).hexdigest(),
            published_at=timezone.now(),
            year=2023,
            agency_code=people.agency.code,
            agency_name="测试",
            agency_kind="department",
            region_id_frozen=1,
            region_path="测试市",
        )
        apps = migrate(AFTER)
        version = apps.get_model("reports", "PublishedVersion").objects.get()
        with default_storage.open(version.pdf_file.name, "rb") as stored:
            assert stored.read() == pdf
    finally:
        migrate_to_latest()
