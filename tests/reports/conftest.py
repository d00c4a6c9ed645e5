"""Personas, as in healthchecks: Alice drafts for her agency, Bob signs it off, Rita may only
read it, and Charlie works for another agency and must see nothing of Alice's."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from gkreport.formats import FORMAT_2021
from gkreport.formats.narrative import INTRO
from gkreport.reports.models import Agency, Membership, Region, Report
from tests.factories import build_report

S1 = "2023年，本局认真贯彻落实《条例》。\n（一）主动公开\n全年主动公开政府信息320条。\n（二）依申请公开\n全年共收到政府信息公开申请9件。"
S5 = "存在的主要问题：政策解读形式单一。改进情况：丰富解读形式。"
S6 = "（一）收取信息处理费情况\n本年度未收取信息处理费。"


@dataclass
class People:
    alice: User
    bob: User
    rita: User
    charlie: User
    agency: Agency
    other_agency: Agency
    report: Report


def stored_report(agency, year=2023, **kwargs):
    data = build_report(year=year, **kwargs)
    narrative = {part.key: {INTRO: ""} for part in FORMAT_2021.parts}
    narrative["s1"] = {
        INTRO: "2023年，本局认真贯彻落实《条例》。\n",
        "1": "（一）主动公开\n全年主动公开政府信息320条。\n",
        "2": "（二）依申请公开\n全年共收到政府信息公开申请9件。",
    }
    narrative["s5"] = {INTRO: S5}
    narrative["s6"] = {INTRO: "", "1": S6}
    return Report.objects.create(
        agency=agency,
        year=year,
        title=f"{agency.name}{year}年政府信息公开工作年度报告",
        preamble="本报告根据《中华人民共和国政府信息公开条例》编制。",
        narrative=narrative,
        cells=dict(data["raw"]),
    )


def user(name, agency, role):
    person = User.objects.create_user(name, password="pw-" + name)
    Membership.objects.create(user=person, agency=agency, role=role)
    return person


@pytest.fixture
def people(db):
    region = Region.objects.create(name="测试市")
    agency = Agency.objects.create(
        name="测试市行政审批服务局",
        region=region,
        office="局办公室",
        phone="0635-1234567",
        email="gk@example.cn",
        address="测试市人民路1号",
        postcode="252000",
    )
    other = Agency.objects.create(name="测试市科学技术局", region=region)
    return People(
        alice=user("alice", agency, Membership.Role.EDITOR),
        bob=user("bob", agency, Membership.Role.SIGNER),
        rita=user("rita", agency, Membership.Role.READER),
        charlie=user("charlie", other, Membership.Role.EDITOR),
        agency=agency,
        other_agency=other,
        report=stored_report(agency),
    )
