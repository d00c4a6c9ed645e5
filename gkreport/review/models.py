"""The office's batch check: many published reports read and checked together in the
background (gkreport/review/batch_run.py), kept so that the office can come back to the
results, export them and run them again."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from gkreport.reports.models import Region, Report
from gkreport.vocabulary import OfficeRole


class Office(models.Model):
    """A supervising office (政务公开办): reviews the reports of its region's agencies."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField("名称", max_length=200)
    region = models.ForeignKey(Region, models.PROTECT, related_name="offices", verbose_name="区域")
    include_lower = models.BooleanField(
        "下级区域只读", default=False, help_text="可查看下级区域机关已报送的报告（只读）"
    )

    class Meta:
        verbose_name = verbose_name_plural = "政务公开主管部门"

    def __str__(self):
        return self.name


class OfficeMembership(models.Model):
    Role = OfficeRole

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="office_memberships",
        verbose_name="用户",
    )
    office = models.ForeignKey(
        Office, models.CASCADE, related_name="memberships", verbose_name="主管部门"
    )
    role = models.CharField("角色", max_length=10, choices=Role.choices, default=Role.REVIEWER)

    class Meta:
        verbose_name = verbose_name_plural = "主管部门成员"
        constraints = [
            models.UniqueConstraint(fields=["user", "office"], name="unique_office_membership")
        ]

    def __str__(self):
        return f"{self.user} · {self.office}"


class Deadline(models.Model):
    """The publication deadline for a region's agencies in a report year (default 31 January)."""

    region = models.ForeignKey(
        Region, models.CASCADE, related_name="deadlines", verbose_name="区域"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    due = models.DateField("截止日期")

    class Meta:
        verbose_name = verbose_name_plural = "报送截止日期"
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="one_deadline_per_region_year")
        ]

    def __str__(self):
        return f"{self.region} {self.year}年度 {self.due}"


class ReviewComment(models.Model):
    """A reviewer's comment on one part or table, shown to the agency when the report returns."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="comments", verbose_name="报告")
    target = models.CharField("位置", max_length=12)  # page key: info, s1, t2 …
    text = models.TextField("意见")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name="审核人"
    )
    created = models.DateTimeField("时间", auto_now_add=True)
    resolved = models.BooleanField("已处理", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "审核意见"
        ordering = ["created"]

    def __str__(self):
        from gkreport.reports.labels import place_label

        return f"{self.report} {place_label(self.report.fmt, self.target)}：{self.text[:20]}"


class CommentReply(models.Model):
    """The agency's answer to one of the office's comments: kept with the review for the
    office to read beside its comment, never part of the report (nor of what is published)."""

    comment = models.ForeignKey(
        ReviewComment, models.CASCADE, related_name="replies", verbose_name="审核意见"
    )
    text = models.TextField("答复")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name="答复人"
    )
    created = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "机关答复"
        ordering = ["created", "id"]

    def __str__(self):
        return f"{self.comment} ← {self.text[:20]}"


# A running batch whose progress has not moved for this long lost its worker (a restart):
# it may be run again.
STALLED_AFTER = datetime.timedelta(minutes=15)


class Batch(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "排队等待"
        RUNNING = "running", "正在读取"
        CHECKING = "checking", "正在交叉检查"
        DONE = "done", "已完成"
        FAILED = "failed", "未能完成"

    ACTIVE = (Status.QUEUED, Status.RUNNING, Status.CHECKING)

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(
        Office, models.CASCADE, related_name="batches", verbose_name="主管部门"
    )
    creator = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name="创建人"
    )
    name = models.CharField("名称", max_length=200, blank=True)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    # Items read so far in the current run; the cross-check at the end is one more step.
    progress = models.PositiveIntegerField("进度", default=0)
    # Bumped by every run: a task of an earlier run that is still going stops by itself.
    run = models.PositiveIntegerField("运行次数", default=1)
    message = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "批量检查"
        ordering = ["-created", "-id"]

    def __str__(self):
        return self.name or f"批量检查 {self.created:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_stalled(self) -> bool:
        return self.is_active and timezone.now() - self.updated > STALLED_AFTER

    @property
    def may_rerun(self) -> bool:
        return not self.is_active or self.is_stalled


class BatchItem(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", "等待读取"
        READ = "read", "已读取"
        CHECKED = "checked", "已检查"
        FAILED = "failed", "无法读取"

    batch = models.ForeignKey(Batch, models.CASCADE, related_name="items", verbose_name="批次")
    position = models.PositiveIntegerField("序号")
    name = models.CharField("文件名", max_length=300)
    source_url = models.URLField("网址", max_length=2000, blank=True)
    # The file as uploaded or fetched, in the default storage (gkreport/review/batch_storage.py);
    # empty for a URL not fetched yet or a refused file.
    file = models.FileField("文件", max_length=200, blank=True, default="")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.WAITING)
    # What was read and found (gkreport/review/batch_run.py: item_result).
    result = models.JSONField("结果", default=dict, blank=True)
    error = models.TextField("错误信息", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "批量检查文件"
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="unique_batch_position")
        ]

    def __str__(self):
        return self.name


class PublishRequest(models.Model):
    """One report an office chose to publish with others (批量公开): queued, then published by
    a background worker, or refused with the reason the workflow gave."""

    class State(models.TextChoices):
        QUEUED = "queued", "正在公开"
        DONE = "done", "已公开"
        REFUSED = "refused", "未能公开"

    office = models.ForeignKey(
        Office, models.CASCADE, related_name="publish_requests", verbose_name="主管部门"
    )
    report = models.ForeignKey(
        Report, models.CASCADE, related_name="publish_requests", verbose_name="报告"
    )
    # The content version the office's page showed: a report changed since is not published.
    version = models.PositiveIntegerField("内容版本")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name="操作人"
    )
    requested_at = models.DateTimeField("提交时间", default=timezone.now)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.QUEUED)
    reason = models.TextField("原因", blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "批量公开"
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"{self.report} {self.get_state_display()}"
