"""Load the demo data: the seed reports read through the importer, their agencies, accounts.

Idempotent: running it again refreshes the seed reports and keeps everything else.
"""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from gkreport.imports.files import read_report_file
from gkreport.reports import workflow
from gkreport.reports.importing import fill_contact, region_path, save_import
from gkreport.reports.models import Agency, Membership, Report
from gkreport.review.models import Office, OfficeMembership
from gkreport.vocabulary import AgencyRole, OfficeRole

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


class Command(BaseCommand):
    help = "载入演示数据：五份真实年度报告（经导入程序读取）、所属机关、区域和演示账号"

    def handle(self, *args, **options):
        demo = json.loads((FIXTURES / "demo.json").read_text(encoding="utf-8"))
        self._pending_submissions = []
        # The demo's own submissions notify nobody: keep their e-mails off the console.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
            transaction.atomic(),
        ):
            self._regions(demo["regions"], parent_names=[])
            accounts = []
            for entry in demo["agencies"]:
                accounts.extend(self._agency(entry, demo["password"]))
            for entry in demo.get("offices", []):
                accounts.append(self._office(entry, demo["password"]))
            # after all seeds are in: S5 compares a report with the others of its year
            for report, submit, signer in self._pending_submissions:
                self._submit(report, submit, signer)
            self._admin(demo["admin"], demo["password"])
            self._ledgers(json.loads((FIXTURES / "demo-ledger.json").read_text(encoding="utf-8")))
        self.stdout.write(
            "演示数据已载入。填报与审核：http://127.0.0.1:8000/ ；公开网站：http://127.0.0.1:8000/public/ ；"
            "后台管理：http://127.0.0.1:8000/admin/"
        )
        self.stdout.write(f"  管理员：{demo['admin']} / {demo['password']}")
        for username, agency, role in accounts:
            self.stdout.write(f"  {agency} {role}：{username} / {demo['password']}")

    def _regions(self, regions, parent_names):
        for region in regions:
            names = [*parent_names, region["name"]]
            region_path(names)
            self._regions(region.get("children", []), names)

    def _agency(self, entry, password):
        result = read_report_file(FIXTURES / "seeds" / entry["seed"])
        region = region_path(entry["region"])
        agency, _ = Agency.objects.get_or_create(
            name=result.report["agency"], region=region, defaults={"kind": entry["kind"]}
        )
        fill_contact(agency, result.report.get("preamble", ""))
        agency.save()
        existing = Report.objects.filter(agency=agency, year=result.report["year"]).first()
        # A report the demo already submitted stays as it is: content is locked then.
        report = existing if existing and not existing.is_editable else None
        if report is None:
            report = save_import(result, agency, source_name=entry["seed"])
        accounts = []
        users = {}
        for role in (AgencyRole.EDITOR, AgencyRole.SIGNER):
            username = f"{entry['accounts']}-{role.value}"
            user = users[role] = self._user(username, password)
            Membership.objects.update_or_create(user=user, agency=agency, defaults={"role": role})
            accounts.append((username, agency.name, role.label))
        self._pending_submissions.append((report, entry.get("submit"), users[AgencyRole.SIGNER]))
        return accounts

    def _submit(self, report, submit, signer):
        if not submit or not report.is_editable:
            return
        report.explanations = submit.get("explanations", {})
        report.save()
        try:
            workflow.perform(report, AgencyRole.SIGNER, "submit", signer)
            if submit.get("publish"):
                reviewer = self._reviewer_for(report)
                workflow.perform(report, OfficeRole.REVIEWER, "approve", reviewer)
                workflow.perform(report, OfficeRole.REVIEWER, "publish", reviewer)
        except workflow.Refused as refused:
            self.stdout.write(f"{report}：未报送（{'；'.join(refused.reasons)}）")

    def _reviewer_for(self, report):
        membership = (
            OfficeMembership.objects.filter(
                office__region_id=report.agency.region_id, role=OfficeRole.REVIEWER
            )
            .select_related("user")
            .first()
        )
        return membership.user

    def _office(self, entry, password):
        office, _ = Office.objects.update_or_create(
            name=entry["name"],
            defaults={
                "region": region_path(entry["region"]),
                "include_lower": entry["include_lower"],
            },
        )
        username = f"{entry['accounts']}-reviewer"
        user = self._user(username, password)
        OfficeMembership.objects.update_or_create(
            user=user, office=office, defaults={"role": OfficeRole.REVIEWER}
        )
        return username, office.name, "审核人"

    def _user(self, username, password, **flags):
        flags.setdefault("email", f"{username}@example.cn")
        user, created = get_user_model().objects.get_or_create(username=username, defaults=flags)
        if created:
            user.set_password(password)
            user.save()
        return user

    def _ledgers(self, demo):
        """One agency's application ledgers, typed as the agency would type them and read
        as the ledger's grid reads them. A year that already has a ledger is left alone."""
        from gkreport.formats import format_for_year
        from gkreport.formats.ledger import ledger_terms
        from gkreport.ledger.fields import clean_row
        from gkreport.ledger.models import Entry

        membership = Membership.objects.get(user__username=f"{demo['accounts']}-editor")
        agency = membership.agency
        for year_text, rows in demo["years"].items():
            year = int(year_text)
            if Entry.objects.filter(agency=agency, year=year).exists():
                continue
            terms = ledger_terms(format_for_year(year))
            for row in rows:
                values, errors = clean_row(
                    dict(zip(demo["columns"], row, strict=True)), None, terms, year
                )
                if errors:
                    raise ValueError(f"demo ledger {year}: {row[0]}: {errors}")
                Entry.objects.create(agency=agency, year=year, **values)

    def _admin(self, username, password):
        self._user(username, password, is_staff=True, is_superuser=True)
