import json
import uuid
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone

from gkreport.formats import format_for_year, get_format
from gkreport.formats.narrative import INTRO, join_subsections
from gkreport.lib.values import read_value
from gkreport.vocabulary import EDITABLE, AgencyRole, Status, can_edit


class Region(models.Model):
    """An administrative area: 省 › 市 › 区县. Supervising offices cover regions."""

    name = models.CharField("名称", max_length=100)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name="上级"
    )

    class Meta:
        verbose_name = verbose_name_plural = "行政区域"
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unique_region_name_in_parent")
        ]

    def __str__(self):
        return self.path

    @staticmethod
    def subtree_ids(region_id: int) -> list[int]:
        """The region and every region below it, one query per level."""
        ids, frontier = [region_id], [region_id]
        while frontier:
            frontier = list(
                Region.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids

    @property
    def path(self) -> str:
        names, region = [], self
        while region is not None:
            names.insert(0, region.name)
            region = region.parent
        return " › ".join(names)


class Agency(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "人民政府"
        DEPARTMENT = "department", "政府工作部门"
        ZONE = "zone", "开发区管理机构"
        OTHER = "other", "其他行政机关"

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField("机关名称", max_length=200)
    region = models.ForeignKey(Region, models.PROTECT, related_name="agencies", verbose_name="区域")
    kind = models.CharField(
        "机关类型", max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT
    )
    office = models.CharField("联系机构", max_length=200, blank=True)
    address = models.CharField("地址", max_length=300, blank=True)
    postcode = models.CharField("邮编", max_length=10, blank=True)
    phone = models.CharField("电话", max_length=50, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    website = models.CharField("网站", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政机关"
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="unique_agency_name_in_region")
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user's place in an agency: who drafts (填报人) and who signs off (审核签发人)."""

    Role = AgencyRole

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name="用户"
    )
    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="memberships", verbose_name="机关"
    )
    role = models.CharField("角色", max_length=10, choices=Role.choices, default=Role.EDITOR)

    class Meta:
        verbose_name = verbose_name_plural = "机关成员"
        constraints = [models.UniqueConstraint(fields=["user", "agency"], name="unique_membership")]

    def __str__(self):
        return f"{self.user} · {self.agency} · {self.get_role_display()}"

    @property
    def can_edit(self) -> bool:
        return can_edit(self.role)


class Report(models.Model):
    Status = Status

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="reports", verbose_name="机关")
    year = models.PositiveSmallIntegerField("报告年度")
    format_version = models.CharField("报告格式", max_length=8)
    title = models.CharField("标题", max_length=300, blank=True)
    preamble = models.TextField("引言", blank=True)
    # {part key: {"intro": text, "1": text, …}}: the narrative per part and sub-section.
    narrative = models.JSONField("正文", default=dict, blank=True)
    # {cell code: text as the agency typed it or the import found it}. Never repaired.
    cells = models.JSONField("统计表", default=dict, blank=True)
    # {finding code: the agency's explanation of a warning}
    explanations = models.JSONField("警告说明", default=dict, blank=True)
    # Cell codes filled in from last year's report and not yet changed by the agency.
    prefilled = models.JSONField("预填单元格", default=list, blank=True)
    include_charts = models.BooleanField("附图表", default=False)
    signature = models.CharField("落款机关", max_length=200, blank=True)
    signed_on = models.DateField("成文日期", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Bumped on every save of content: a save based on an older version is refused.
    version = models.PositiveIntegerField("版本号", default=1)
    # Cached by every change (gkreport/reports/checking.py) so dashboards of thousands of
    # agencies need no checking per request; the checks page always recomputes.
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("警告数", default=0)
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    source_name = models.CharField("导入来源", max_length=200, blank=True)
    # A report published outside gkreport and imported as the agency's record of that year
    # (the file name or URL it was read from): read-only, no workflow, the basis of the next
    # year's prefill and of S1/S2 (gkreport/reports/prior_year.py).
    imported_from = models.CharField("导入自", max_length=2000, blank=True)
    # What an import could not place and the decisions it made, as shown to the user.
    import_log = models.JSONField("导入记录", default=dict, blank=True)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度报告"
        ordering = ["-year", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_report_per_agency_year")
        ]

    def __str__(self):
        return f"{self.agency.name} {self.year}年度报告"

    CONTENT_FIELDS = (
        "title",
        "preamble",
        "narrative",
        "cells",
        "explanations",
        "prefilled",
        "include_charts",
        "signature",
        "signed_on",
    )
    EDITABLE = EDITABLE

    def save(self, *args, **kwargs):
        if not self.format_version:
            self.format_version = format_for_year(self.year).version
        loaded_status = getattr(self, "_loaded_status", None)
        if (
            self.pk is not None
            and loaded_status is not None
            and loaded_status not in self.EDITABLE
            and self._content() != self._loaded_content
        ):
            raise ContentLocked(f"报告状态为“{self.Status(loaded_status).label}”，内容不能修改")
        if (
            self.pk is not None
            and hasattr(self, "_loaded_content")
            and self._content() != self._loaded_content
        ):
            self.version += 1  # a submission checked against the old content is refused
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)
        self._loaded_status = self.status
        self._loaded_content = self._content()

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("report", args=[self.code])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the content was when loaded: save() refuses to change it outside
        # draft/returned, whoever calls it (views, admin, shell, imports).
        instance._loaded_status = instance.__dict__.get("status")
        instance._loaded_content = instance._content()
        return instance

    def _content(self) -> str:
        values = {f: self.__dict__.get(f) for f in self.CONTENT_FIELDS if f in self.__dict__}
        return json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)

    @property
    def is_editable(self) -> bool:
        """Content can change only in draft or after the office returned it."""
        return self.status in EDITABLE

    @property
    def awaits_review(self) -> bool:
        return self.status == Status.SUBMITTED

    @cached_property
    def fmt(self):
        return get_format(self.format_version)

    def figures(self) -> dict:
        """Cell code → value read from the stored text (None for blank, “/” or unreadable)."""
        kinds = {cell.code: cell.kind for cell in self.fmt.cells}
        return {
            code: read_value(text, kinds.get(code, "count")).value
            for code, text in self.cells.items()
        }

    def sections(self) -> dict[str, str]:
        return {
            part.key: join_subsections(self.narrative.get(part.key) or {INTRO: ""})
            for part in self.fmt.parts
        }

    def as_check_dict(self) -> dict:
        """The plain dict the checking engine reads (see gkreport.checks.report)."""
        return {
            "year": self.year,
            "format": self.format_version,
            "agency": self.agency.name,
            "figures": self.figures(),
            "raw": dict(self.cells),
            "sections": self.sections(),
        }


class ContentLocked(Exception):
    """A change to a report's content outside draft and returned."""


class Event(models.Model):
    """What happened to a report: a save with its changes, or a change of status."""

    class Kind(models.TextChoices):
        CREATE = "create", "创建"
        EDIT = "edit", "修改"
        TRANSITION = "transition", "状态变更"
        IMPORT = "import", "导入"
        REPLY = "reply", "答复审核意见"

    report = models.ForeignKey(Report, models.CASCADE, related_name="events", verbose_name="报告")
    kind = models.CharField("类型", max_length=12, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name="用户"
    )
    created = models.DateTimeField("时间", auto_now_add=True)
    from_status = models.CharField("原状态", max_length=12, blank=True)
    to_status = models.CharField("新状态", max_length=12, blank=True)
    comment = models.TextField("意见", blank=True)
    page = models.CharField("页面", max_length=12, blank=True)
    # {cell code or part.sub: [old, new]}
    changes = models.JSONField("改动", default=dict, blank=True)
    # On submission: the content as submitted, to show reviewers what changed since.
    snapshot = models.JSONField("报送内容", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "报告记录"
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.report} {self.get_kind_display()} {self.created:%Y-%m-%d %H:%M}"


class RecountQueued(models.Model):
    """A recount of a region's year waiting in the task queue (gkreport/reports/checking.py:
    queue_recount): while the row exists, further saves do not queue another."""

    region = models.ForeignKey(Region, models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    queued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="one_queued_recount")
        ]

    def __str__(self):
        return f"{self.region_id} {self.year}"
