"""With DATABASE_REPLICA_URL, public pages read published data from the replica and
everything else stays on the primary. Settings are read at start, so this runs in a
subprocess with two SQLite files: the primary, and a copy of it standing in for a replica."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, django
django.setup()
from django.db import connections
from django.test import Client
from gkreport.public.models import PublishedVersion

for alias in ("default", "replica"):
    connections[alias].force_debug_cursor = True

def published_reads(alias):
    return sum("public_publishedversion" in q["sql"] for q in connections[alias].queries)

status = Client().get("/public/").status_code
during = {alias: published_reads(alias) for alias in ("default", "replica")}
for alias in ("default", "replica"):
    connections[alias].queries_log.clear()
PublishedVersion.objects.count()
after = {alias: published_reads(alias) for alias in ("default", "replica")}
print(json.dumps({"status": status, "public": during, "elsewhere": after}))
"""


def test_public_pages_read_from_the_replica_and_nothing_else_does(tmp_path):
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "gkreport.settings",
        "DATABASE_URL": f"sqlite:///{primary}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    shutil.copy(primary, replica)  # what replication would give
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={**env, "DATABASE_REPLICA_URL": f"sqlite:///{replica}"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    assert result["status"] == 200
    assert result["public"]["replica"] > 0 and result["public"]["default"] == 0
    assert result["elsewhere"] == {"default": 1, "replica": 0}
