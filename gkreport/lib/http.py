"""HTTP helpers without Django state."""

from urllib.parse import quote


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """A Content-Disposition header for a Chinese file name (RFC 6266 / RFC 5987):
    an ASCII fallback for old clients and the UTF-8 name for the rest."""
    fallback = "".join(ch if ch.isascii() and ch not in '"\\' else "_" for ch in filename)
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
