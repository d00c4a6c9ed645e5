"""Build the print fonts: the Simplified Chinese faces of the installed open CJK fonts,
cut down to the GB2312 repertoire (plus ASCII and CJK punctuation).

WeasyPrint embeds a subset of whatever font it uses; subsetting a 7,500-glyph font instead
of a 65,000-glyph collection makes every PDF faster and smaller, and taking the SC face
explicitly guarantees Chinese glyph forms (the .ttc collections open on their JP face).
Characters outside GB2312 (堃, 喆 in names) still print: the full system fonts stay in
the font stack as fallback. Idempotent; run by `make run` and `make test`.

The cut keeps only what horizontal Simplified Chinese text uses, because WeasyPrint
subsets the font on every render and the subset keeps a slot for every glyph id up to the
highest one used: the alternates that other GSUB features reach (vertical forms, Japanese,
Korean and Traditional variants, half- and proportional widths) nearly doubled the glyph
count (13,880 → 7,725), and with it the time to subset and compress the fonts of each PDF.
Every seed's PDF kept the same words at the same places (pdftotext -bbox, measured when
the cut changed); tests/pdf/test_print_fonts.py checks outlines and widths against the source.
"""

import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# (output file, family name to write, source collection, face family in the collection)
FACES = (
    ("GKSerifSC-Regular.otf", "GK Serif SC", "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    ("GKSerifSC-Bold.otf", "GK Serif SC", "NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC"),
    ("GKSansSC-Regular.otf", "GK Sans SC", "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
)
SOURCE_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto"))

# The features HarfBuzz applies by default to horizontal text (hb-ot-shape.cc). `locl` is
# left out: its Japanese, Korean and Traditional forms are most of the alternates, and its
# Simplified Chinese forms were never chosen in our PDFs (measured: the same glyphs, at the
# same places, with and without it).
HORIZONTAL_FEATURES = [
    "rvrn", "ltra", "ltrm", "frac", "numr", "dnom", "ccmp", "rlig", "calt", "clig", "curs",
    "dist", "kern", "liga", "rclt", "mark", "mkmk", "abvm", "blwm",
]  # fmt: skip
# Vertical metrics: the print CSS never sets a vertical writing-mode.
DROPPED_TABLES = ["vhea", "vmtx", "VORG"]
# A build with another recipe is rebuilt: the recipe's version is stamped beside the fonts.
RECIPE = "2"
STAMP = "RECIPE"


def repertoire() -> list[int]:
    """Every character GB2312 encodes, ASCII, and the CJK punctuation and full-width forms."""
    points = set(range(0x20, 0x7F))
    points.update(range(0x3000, 0x3040))
    points.update(range(0xFF00, 0xFFF0))
    points.update((0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x2212))
    for point in range(0x80, 0x10000):
        try:
            chr(point).encode("gb2312")
        except UnicodeEncodeError:
            continue
        points.add(point)
    return sorted(points)


def find_source(name: str) -> Path | None:
    for folder in SOURCE_DIRS:
        if (folder / name).exists():
            return folder / name
    return None


def build_face(source: Path, face_family: str, family: str, target: Path, unicodes) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(source))
    font = next((f for f in collection.fonts if f["name"].getDebugName(1) == face_family), None)
    if font is None:
        raise CommandError(f"{source} has no face named {face_family}")
    options = subset.Options()
    options.layout_features = HORIZONTAL_FEATURES
    options.drop_tables = [*options.drop_tables, *DROPPED_TABLES]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    names = font["name"]
    style = "Bold" if "Bold" in target.name else "Regular"
    for record in list(names.names):
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID in (4,):
            record.string = f"{family} {style}"
        elif record.nameID == 6:
            record.string = f"{family.replace(' ', '')}-{style}"
        elif record.nameID in (2, 17):
            record.string = style
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    font.save(str(partial))
    partial.rename(target)


class Command(BaseCommand):
    help = "生成打印用字体：从已安装的思源（Noto CJK）字体中取简体中文字形，按GB2312字符集裁剪"
    requires_system_checks = []  # W002 says these fonts are missing: that is why we run

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="重新生成已有的字体")

    def handle(self, *args, force=False, **options):
        folder = Path(settings.PDF_FONT_DIR)
        stamp = folder / STAMP
        if not stamp.exists() or stamp.read_text().strip() != RECIPE:
            force = True  # built by an earlier recipe
        jobs = []
        for filename, family, source_name, face in FACES:
            target = folder / filename
            if target.exists() and not force:
                continue
            source = find_source(source_name)
            if source is None:
                self.stdout.write(
                    f"未找到 {source_name}：请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk）。"
                    "PDF仍可生成，但使用系统字体，速度较慢。"
                )
                continue
            jobs.append((source, face, family, target))
        if not jobs:
            return
        started = time.perf_counter()
        unicodes = repertoire()
        # One process per face: fontTools is pure Python and each face takes ~30 s.
        with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
            futures = [pool.submit(build_face, *job, unicodes) for job in jobs]
            for future in futures:
                future.result()
        for _, _, _, target in jobs:
            self.stdout.write(f"{target.name}: {target.stat().st_size // 1024} KB")
        stamp.write_text(RECIPE + "\n")
        self.stdout.write(f"打印字体已生成（{time.perf_counter() - started:.0f} 秒）")
