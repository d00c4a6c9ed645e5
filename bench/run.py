"""make bench [BENCH=group]: run the benchmark groups; figures print as `BENCH name value unit`."""

import importlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gkreport.settings")

# Group name → its modules in bench/, each with a run(). Groups are added as their pages are
# built.
GROUPS = {
    "check": ("bench.check",),
    "table": ("bench.table",),
    "pdf": ("bench.pdf", "bench.pdf_download", "bench.word_download", "bench.pdf_bulk"),
    "dashboard": ("bench.dashboard",),
    "load": ("bench.load", "bench.load_postgres"),
    "import": ("bench.imports", "bench.batch"),
    "abuse": ("bench.abuse_uploads", "bench.abuse_render"),
    "ledger": ("bench.ledger",),
}
# Groups that need the demo data in a database of their own.
NEEDS_DATABASE = {"table", "pdf", "dashboard", "load", "import", "ledger"}


def main(argv):
    wanted = argv[1] if len(argv) > 1 else "all"
    names = list(GROUPS) if wanted == "all" else [wanted]
    unknown = [name for name in names if name not in GROUPS]
    if unknown:
        print(f"unknown benchmark group {unknown[0]!r}; available: {', '.join(GROUPS)}")
        return 2
    if NEEDS_DATABASE & set(names):
        import tempfile

        folder = tempfile.mkdtemp(prefix="gkreport-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    import django

    django.setup()
    if NEEDS_DATABASE & set(names):
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("gk_demo", stdout=open(os.devnull, "w"))
    for name in names:
        print(f"== {name}")
        for module in GROUPS[name]:
            importlib.import_module(module).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
