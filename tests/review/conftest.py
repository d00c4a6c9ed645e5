"""Office personas: Olivia reviews for 测试市, Victor may only look, Oscar reviews another
city and must see nothing of 测试市; Lena's office sits above and sees lower regions."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from gkreport.reports.models import Region
from gkreport.review.models import Batch, Office, OfficeMembership
from tests.review.batch_data import CHIPING, seed, upload


@dataclass
class Offices:
    olivia: User
    victor: User
    oscar: User
    lena: User
    office: Office
    other_office: Office
    upper_office: Office


def office_user(name, office, role=OfficeMembership.Role.REVIEWER):
    user = User.objects.create_user(name, password="pw-" + name, email=f"{name}@example.cn")
    OfficeMembership.objects.create(user=user, office=office, role=role)
    return user


@pytest.fixture
def offices(people):
    region = people.agency.region
    province = Region.objects.create(name="测试省")
    region.parent = province
    region.save()
    other = Region.objects.create(name="别的市", parent=province)
    office = Office.objects.create(name="测试市政务公开办", region=region)
    other_office = Office.objects.create(name="别的市政务公开办", region=other)
    upper = Office.objects.create(name="测试省政务公开办", region=province, include_lower=True)
    for person in (people.alice, people.bob):
        person.email = f"{person.username}@example.cn"
        person.save()
    return Offices(
        olivia=office_user("olivia", office),
        victor=office_user("victor", office, OfficeMembership.Role.VIEWER),
        oscar=office_user("oscar", other_office),
        lena=office_user("lena", upper),
        office=office,
        other_office=other_office,
        upper_office=upper,
    )


def set_status(report, status):
    from gkreport.reports.models import Report

    Report.objects.filter(pk=report.pk).update(status=status)
    report.refresh_from_db()
    report._loaded_status = status


@pytest.fixture
def olivia(client, offices):
    """The client, logged in as Olivia the reviewer."""
    client.force_login(offices.olivia)
    return client


@pytest.fixture
def batch(olivia, offices):
    files = [upload("a.txt", seed(CHIPING)), upload("b.jpg", b"\xff\xd8")]
    olivia.post(reverse("batches", args=[offices.office.code]), {"files": files, "urls": ""})
    return Batch.objects.get()


def submit(client, people):
    """Bob signs the report off: it reaches the office."""
    client.force_login(people.bob)
    return client.post(f"/r/{people.report.code}/transition/submit/")
