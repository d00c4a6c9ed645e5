"""The application ledger (依申请公开办理台账): one row per application an agency received,
kept through the year, from which table 3 of its report is derived (derive.py)."""

import uuid

from django.conf import settings
from django.db import models

from gkreport.reports.models import Agency


class Channel(models.TextChoices):
    """How the application came in (条例 第二十九条: 当面、信函、网络…)."""

    IN_PERSON = "in_person", "当面"
    LETTER = "letter", "信函"
    ONLINE = "online", "网络"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"
    OTHER = "other", "其他"


class Entry(models.Model):
    """One application. `applicant_type` is a table-3 column key and `outcome`/`reason` a
    category of gkreport/formats/ledger.py with its table-3 row: the format names them."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="ledger_entries", verbose_name="机关"
    )
    year = models.PositiveSmallIntegerField("台账年度")
    reference = models.CharField("申请编号", max_length=50, blank=True)
    received_on = models.DateField("收到申请日期")
    channel = models.CharField("申请方式", max_length=12, choices=Channel.choices, blank=True)
    applicant = models.CharField("申请人", max_length=200, blank=True)
    applicant_type = models.CharField("申请人类型", max_length=20)
    subject = models.TextField("申请内容", blank=True)
    outcome = models.CharField("办理结果", max_length=20, blank=True)
    reason = models.CharField("具体情形", max_length=40, blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    extended = models.BooleanField("延期答复", default=False)
    note = models.CharField("备注", max_length=500, blank=True)
    # The same application in last year's ledger, open at 31 December and carried into
    # this one: one copy at most (the link is unique), whatever is clicked twice.
    carried_from = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name="上年台账中的申请",
    )
    # Bumped on every change: a change typed against an older version is refused.
    version = models.PositiveIntegerField("版本号", default=1)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "依申请公开台账"
        ordering = ["received_on", "id"]
        indexes = [models.Index(fields=["agency", "year", "received_on", "id"])]

    def __str__(self):
        return f"{self.agency} {self.year}年台账 {self.received_on} {self.applicant}"


class Upload(models.Model):
    """An Excel ledger being imported: its cells as read (text), kept between the
    column-mapping step and the import, then deleted."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(Agency, models.CASCADE, related_name="+", verbose_name="机关")
    year = models.PositiveSmallIntegerField("台账年度")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name="用户"
    )
    name = models.CharField("文件名", max_length=255)
    header = models.JSONField("表头", default=list)
    header_row = models.PositiveIntegerField("表头所在行", default=1)
    rows = models.JSONField("数据行", default=list)
    created = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "台账导入"

    def __str__(self):
        return self.name
