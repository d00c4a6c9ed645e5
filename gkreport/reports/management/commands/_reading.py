"""Shared by the commands that read a report file (gk_check, gk_render)."""

import sys

from gkreport.formats import UnknownFormat
from gkreport.imports.files import ImportError_, read_report_file


def read_or_exit(command, path, year):
    """The import result, or the Chinese reason on stderr and exit status 2."""
    try:
        return read_report_file(path, year=year)
    except (ImportError_, UnknownFormat) as error:
        command.stderr.write(f"无法读取：{error}")
        sys.exit(2)
