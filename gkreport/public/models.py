"""What publishing writes: frozen versions of a report, read by the public pages."""

from django.conf import settings
from django.db import models

from gkreport.reports.models import Report


class PublishedVersion(models.Model):
    """A published report, frozen: the data snapshot and the PDF, stored in the default storage
    under a name derived from its SHA-256 (gkreport/public/published_files.py).

    Never changed after it is written; a correction is a new version."""

    report = models.ForeignKey(Report, models.PROTECT, related_name="versions", verbose_name="报告")
    number = models.PositiveSmallIntegerField("版本")
    snapshot = models.JSONField("数据快照")
    pdf_file = models.FileField("PDF", max_length=200, editable=False)
    sha256 = models.CharField("SHA-256", max_length=64)
    published_at = models.DateTimeField("公开时间")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name="公开人"
    )
    correction_note = models.TextField("更正说明", blank=True)
    is_current = models.BooleanField("现行版本", default=True)
    # Frozen copies for public listing and filtering (never the live agency record).
    year = models.PositiveSmallIntegerField("报告年度", db_index=True)
    agency_code = models.UUIDField("机关代码", db_index=True)
    agency_name = models.CharField("机关名称", max_length=200)
    agency_kind = models.CharField("机关类型", max_length=20)
    region_id_frozen = models.IntegerField("区域编号", db_index=True)
    region_path = models.CharField("区域", max_length=300)

    class Meta:
        verbose_name = verbose_name_plural = "已公开版本"
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_version_number"),
            models.UniqueConstraint(
                fields=["report"], condition=models.Q(is_current=True), name="one_current_version"
            ),
        ]

    def __str__(self):
        return f"{self.report} 第{self.number}版"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            frozen = (
                PublishedVersion.objects.filter(pk=self.pk)
                .values("snapshot", "sha256", "pdf_file", "number", "published_at")
                .first()
            )
            if frozen and (
                frozen["snapshot"] != self.snapshot
                or frozen["sha256"] != self.sha256
                or frozen["pdf_file"] != self.pdf_file.name
            ):
                raise FrozenError("已公开的版本不能修改，更正请发布新版本")
            update_fields = kwargs.get("update_fields")
            if update_fields is None or set(update_fields) - {"is_current"}:
                kwargs["update_fields"] = ["is_current"]
        super().save(*args, **kwargs)

    def pdf_bytes(self) -> bytes:
        """The published PDF, checked against its SHA-256 (PublishedFileDamaged otherwise)."""
        from gkreport.public.published_files import read_pdf

        return read_pdf(self.pdf_file.name, self.sha256)


class FrozenError(Exception):
    pass
