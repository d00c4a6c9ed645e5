"""System checks: say loudly at start-up what makes PDFs slow or wrong."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Warning, register

from gkreport import pdf

HARFBUZZ = Warning(
    "libharfbuzz-subset is not available: WeasyPrint falls back to fontTools and every PDF "
    "takes about 25 times longer (a 9-page report ~9.5 s instead of ~0.4 s).",
    hint="apt-get install libharfbuzz-subset0",
    id="gkreport.W001",
)
FONTS = Warning(
    "The GB2312 print fonts have not been built: PDFs use the full system fonts (slower, "
    "larger) and may take Japanese glyph forms from the .ttc collections.",
    hint="apt-get install fonts-noto-cjk && python manage.py gk_fonts",
    id="gkreport.W002",
)


@register()
def pdf_dependencies(app_configs, **kwargs):
    problems = []
    if not pdf.harfbuzz_subset_available():
        problems.append(HARFBUZZ)
    if not any(Path(settings.PDF_FONT_DIR).glob("GK*.otf")):
        problems.append(FONTS)
    return problems
