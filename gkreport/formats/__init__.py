"""The official report formats, looked up by report year or by version."""

from gkreport.formats.f2019 import FORMAT as FORMAT_2019
from gkreport.formats.f2021 import FORMAT as FORMAT_2021
from gkreport.formats.model import Format

FORMATS: dict[str, Format] = {f.version: f for f in (FORMAT_2019, FORMAT_2021)}


class UnknownFormat(LookupError):
    pass


def format_for_year(year: int) -> Format:
    """2019–2020 → the 2019 trial format; 2021 onward → the 2021 format."""
    for fmt in FORMATS.values():
        if fmt.covers(year):
            return fmt
    raise UnknownFormat(f"{year}年没有适用的年度报告格式（格式自2019年起施行）")


def get_format(version: str) -> Format:
    try:
        return FORMATS[str(version)]
    except KeyError:
        raise UnknownFormat(f"未知的报告格式“{version}”") from None
