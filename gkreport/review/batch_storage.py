"""The office's batch files in the default storage, named by their SHA-256: a file uploaded
twice (a re-upload, the same report in two batches) is stored once, and every write is of the
complete bytes (gkreport/storage.py)."""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def batch_file_name(sha256: str) -> str:
    return f"batches/{sha256[:2]}/{sha256}"


def store_batch_file(data: bytes) -> str:
    name = batch_file_name(hashlib.sha256(data).hexdigest())
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return name


def read_batch_file(name: str) -> bytes:
    """The stored bytes; b"" for an item without a file (a URL not fetched yet, a refused file)."""
    if not name:
        return b""
    with default_storage.open(name, "rb") as stored:
        return stored.read()
