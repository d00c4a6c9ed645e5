"""Published PDFs in the default storage, named by their SHA-256 and checked when read.

A name derived from the bytes makes the write idempotent (publishing the same bytes twice
stores one file) and lets any reader tell a damaged or replaced file from the published one.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

logger = logging.getLogger(__name__)


class PublishedFileDamaged(Exception):
    """The stored file is missing or its bytes are not the ones published."""


def pdf_name(sha256: str) -> str:
    return f"published/{sha256[:2]}/{sha256}.pdf"


def store_pdf(data: bytes) -> tuple[str, str]:
    """(storage name, sha256) of the PDF, written in full unless the same bytes are there."""
    sha256 = hashlib.sha256(data).hexdigest()
    name = pdf_name(sha256)
    if default_storage.exists(name):
        if _stored_sha256(name) == sha256:
            return name, sha256
        logger.warning("stored %s did not match its hash: written again", name)
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(data))
    return saved, sha256


def read_pdf(name: str, sha256: str) -> bytes:
    """The stored bytes, only when their SHA-256 is the published one."""
    try:
        with default_storage.open(name, "rb") as stored:
            data = stored.read()
    except Exception as error:  # OSError locally; object stores raise their own (botocore)
        logger.error("published PDF %s cannot be read: %s: %s", name, type(error).__name__, error)
        raise PublishedFileDamaged(name) from error
    if hashlib.sha256(data).hexdigest() != sha256:
        logger.error("published PDF %s does not match its SHA-256 %s: not served", name, sha256)
        raise PublishedFileDamaged(name)
    return data


def _stored_sha256(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as stored:
        for chunk in stored.chunks():
            digest.update(chunk)
    return digest.hexdigest()
