"""Shared by the commands that read a report file (gk_check, gk_render)."""

import sys

from django.conf import settings

from gkreport.imports.isolation import Checked, read_and_check_file
from gkreport.imports.text import ImportError_


def read_or_exit(command, path, year) -> Checked:
    """The reading and its check, or the Chinese reason on stderr and exit status 2.

    Read in a child process within settings.IMPORT_LIMITS, as the check page reads uploads."""
    try:
        return read_and_check_file(path, year=year, limits=settings.IMPORT_LIMITS)
    except ImportError_ as error:
        command.stderr.write(f"无法读取：{error}")
        sys.exit(2)
