"""How much reading one report file may take, and what the user is told beyond it.

Real reports have 5–40 pages and fewer than 200,000 characters, and a line of their text is
a paragraph at most; reading and checking one takes a fraction of a second and a few tens of
megabytes. A file far beyond that is not a report, or is built to stall the server: it is
refused with a Chinese message. Time and memory bound the child process that reads an
uploaded file (isolation.py): CPU time, which a busy machine does not eat into, and a
wall clock as the last resort. settings.IMPORT_LIMITS holds the configured values (IMPORT_*
environment variables); docs/importing.md lists them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    pages: int = 100  # of a PDF
    characters: int = 500_000  # of the text, whatever the file's kind
    line_characters: int = 10_000  # of one line of text (a paragraph of a .txt)
    cpu_seconds: int = 2  # of the reading process, and of pdftotext: load does not count
    wall_seconds: int = 10  # for the whole reading and check, however busy the machine
    memory_mb: int = 150  # address space of the reading process, and of pdftotext

    def too_many_pages(self) -> str:
        return f"PDF页数过多（超过{self.pages}页），不像是一份年度报告"

    def too_many_characters(self) -> str:
        return f"文字过多（超过{self.characters}字），不像是一份年度报告"

    def line_too_long(self) -> str:
        return f"有一行文字过长（超过{self.line_characters}字），无法按年度报告读取"

    def refusal(self, text: str) -> str | None:
        """Why a text (of any kind of file, LF line breaks) is beyond these limits, or None."""
        if len(text) > self.characters:
            return self.too_many_characters()
        if max(map(len, text.split("\n")), default=0) > self.line_characters:
            return self.line_too_long()
        return None

    def too_slow(self) -> str:
        return "处理超时：文件过于复杂，在时限内未能读完"

    def too_big(self) -> str:
        return f"文件过于复杂，读取所需内存超过上限（{self.memory_mb}MB），无法读取"


DEFAULT_LIMITS = Limits()
