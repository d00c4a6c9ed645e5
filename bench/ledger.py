"""The application ledger of a large agency: 5,000 applications in one year.

Deriving table 3 (counted by the database, one row per kind of application), the same from
the applications in memory, the ledger's state (every application read, checked and
counted: what the ledger and adopt pages compute) and the ledger's page (the last page of
100) through the Django test client, in a throw-away database with the demo data.
"""

import datetime
import random
import statistics
import time

from django.contrib.auth.models import User
from django.db import connections, reset_queries
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.timing import time_calls
from gkreport.formats import format_for_year
from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.derive import derive, ledger_dict, ledger_state, table3_figures
from gkreport.ledger.models import Channel, Entry
from gkreport.reports.models import Agency, Membership, Region

APPLICATIONS = 5000
YEAR = 2023
REQUESTS = 30


def populate():
    region = Region.objects.get(name="茌平区")
    agency = Agency.objects.create(name="压力测试台账局", region=region)
    user = User.objects.create_user("bench-ledger", password="bench")
    Membership.objects.create(user=user, agency=agency, role=Membership.Role.EDITOR)
    terms = ledger_terms(format_for_year(YEAR))
    pairs = [(o.key, r.row) for o in terms.outcomes for r in o.reasons]
    pairs += [(o.key, "") for o in terms.outcomes if not o.reasons]
    rng = random.Random(15)
    entries = []
    for number in range(APPLICATIONS):
        received = datetime.date(YEAR - 1, 12, 1) + datetime.timedelta(days=rng.randrange(395))
        replied = received + datetime.timedelta(days=rng.randrange(45))
        open_ = rng.random() < 0.05
        outcome, reason = rng.choice(pairs)
        entries.append(
            Entry(
                agency=agency,
                year=YEAR,
                reference=f"GK-{number:05d}",
                received_on=received,
                channel=rng.choice(Channel.values),
                applicant=f"申请人{number}",
                applicant_type=rng.choice(terms.applicants).key,
                subject="关于某某事项的政府信息" * 3,
                outcome="" if open_ else outcome,
                reason="" if open_ else reason,
                replied_on=None if open_ else replied,
            )
        )
    Entry.objects.bulk_create(entries, batch_size=1000)
    return agency


def run():
    agency = populate()
    fmt = format_for_year(YEAR)
    for _ in range(3):
        table3_figures(agency.pk, YEAR, fmt)
    derived = time_calls(lambda _: table3_figures(agency.pk, YEAR, fmt), REQUESTS)
    ledger = ledger_dict(agency.pk, YEAR, fmt)
    assert derive(ledger) == table3_figures(agency.pk, YEAR, fmt)
    counted = time_calls(lambda _: derive(ledger), REQUESTS)
    # What the ledger's page and the adopt page compute: every application read, checked
    # (L1–L3) and counted.
    states = time_calls(lambda _: ledger_state(agency.pk, YEAR, fmt), REQUESTS)
    client = Client()
    # django-axes refuses to authenticate without a request
    assert client.login(request=HttpRequest(), username="bench-ledger", password="bench")
    url = f"/a/{agency.code}/ledger/{YEAR}/"
    for _ in range(3):
        assert client.get(url).status_code == 200
    pages = time_calls(lambda _: client.get(url), REQUESTS)
    firsts = time_calls(lambda _: client.get(url + "?page=1"), REQUESTS)
    reset_queries()  # the debug log holds 9,000 queries at most: counting needs room
    with CaptureQueriesContext(connections["default"]) as queries:
        client.get(url)
    start = time.perf_counter()
    size = len(client.get(url).content)
    single = (time.perf_counter() - start) * 1000
    print(
        f"ledger of {APPLICATIONS} applications: table 3 derived in "
        f"{statistics.median(derived):.1f} ms (from the applications in memory "
        f"{statistics.median(counted):.1f} ms; read, checked and counted "
        f"{statistics.median(states):.0f} ms); "
        f"page {statistics.median(pages):.0f} ms (first page {statistics.median(firsts):.0f} ms), "
        f"{len(queries)} queries, {size // 1024} KB ({single:.0f} ms once)"
    )
    print(f"BENCH ledger_table3_ms {statistics.median(derived):.1f} ms")
    print(f"BENCH ledger_table3_count_ms {statistics.median(counted):.1f} ms")
    print(f"BENCH ledger_state_ms {statistics.median(states):.0f} ms")
    print(f"BENCH ledger_page_ms {statistics.median(pages):.0f} ms")
    print(f"BENCH ledger_first_page_ms {statistics.median(firsts):.0f} ms")
    print(f"BENCH ledger_page_queries {len(queries)} queries")
    print("targets: table 3 <= 50 ms, page <= 300 ms")
    excel_round_trip(agency)


def excel_round_trip(agency):
    """Export the 5,000 applications, read the file back and preview its import into an
    empty ledger of another year: what an agency's own large ledger costs to import."""
    from gkreport.ledger.access import Ledger
    from gkreport.ledger.excel import export_workbook, read_file
    from gkreport.ledger.importing import guess, preview

    membership = agency.memberships.get()
    ledger = Ledger(agency, YEAR, membership, None)
    state = ledger_state(agency.pk, YEAR, ledger.fmt)
    start = time.perf_counter()
    data = export_workbook(ledger, state)
    exported = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    sheet = read_file("台账.xlsx", data)
    read = (time.perf_counter() - start) * 1000
    mapping = {index: name for name, index in guess(sheet.header).items()}
    target = Ledger(agency, YEAR, membership, None)
    Entry.objects.filter(agency=agency, year=YEAR).update(year=YEAR - 1)  # an empty ledger
    start = time.perf_counter()
    result = preview(target, sheet, mapping)
    previewed = (time.perf_counter() - start) * 1000
    assert len(result.ready) + len(result.problems) == APPLICATIONS, len(result.ready)
    print(
        f"Excel, {APPLICATIONS} applications: export {exported:.0f} ms ({len(data) // 1024} KB), "
        f"reading the file {read:.0f} ms, preview of its import {previewed:.0f} ms"
    )
    print(f"BENCH ledger_export_ms {exported:.0f} ms")
    print(f"BENCH ledger_import_read_ms {read:.0f} ms")
    print(f"BENCH ledger_import_preview_ms {previewed:.0f} ms")
