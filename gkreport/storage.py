"""Where files live: the local file system by default, an S3-compatible object store by
configuration (STORAGE_BACKEND=s3). Both through Django's storage API (STORAGES["default"])."""

import os
import tempfile

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

from gkreport.lib.env import envstr


class AtomicFileSystemStorage(FileSystemStorage):
    """Writes each file in full beside its final name, then renames it into place: a process
    that dies while writing leaves a stray temporary file, never a half-written one under the
    name a reader would open (object stores give the same guarantee for a single PUT)."""

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                out.flush()
                os.fsync(out.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(temporary, self.file_permissions_mode)
            os.replace(temporary, full_path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        return str(name).replace("\\", "/")


def default_storage_settings(media_root: str) -> dict:
    """STORAGES["default"] from the environment (docs/deploy.md lists the variables)."""
    backend = envstr("STORAGE_BACKEND", "local").strip().lower()
    if backend == "local":
        return {
            "BACKEND": "gkreport.storage.AtomicFileSystemStorage",
            "OPTIONS": {"location": media_root},
        }
    if backend == "s3":
        bucket = envstr("S3_BUCKET", "")
        if not bucket:
            raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs S3_BUCKET.")
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": envstr("S3_ENDPOINT_URL", "") or None,
                "access_key": envstr("S3_ACCESS_KEY_ID", "") or None,
                "secret_key": envstr("S3_SECRET_ACCESS_KEY", "") or None,
                "region_name": envstr("S3_REGION", "") or None,
                "location": envstr("S3_PREFIX", ""),
                # Files are served through gkreport (which checks their hash), never by a
                # public bucket URL: the objects stay private.
                "default_acl": None,
                "querystring_auth": True,
                # Names are derived from the content's hash: the same name is the same bytes.
                "file_overwrite": True,
            },
        }
    raise ImproperlyConfigured(f"STORAGE_BACKEND={backend!r} is neither 'local' nor 's3'.")


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed files under hashed names, minus the rewriting of source-map
    comments: the vendored minified Bootstrap names .map files that are not shipped, which
    would fail collectstatic. URLs in CSS are still rewritten to their hashed names."""

    patterns = tuple(
        (
            extension,
            tuple(
                pattern
                for pattern in found
                if "sourceMappingURL" not in (pattern[0] if isinstance(pattern, tuple) else pattern)
            ),
        )
        for extension, found in CompressedManifestStaticFilesStorage.patterns
    )
