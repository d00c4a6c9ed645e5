from django.contrib import admin

from gkreport.formats import format_for_year
from gkreport.formats.ledger import ledger_terms
from gkreport.ledger.fields import BY_NAME, shown
from gkreport.ledger.models import Entry


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    """The applications of every agency's ledger, named as the grid names them."""

    list_display = (
        "agency",
        "year",
        "received_on",
        "applicant",
        "applicant_type_words",
        "outcome_words",
        "replied_on",
    )
    list_filter = ("year",)
    search_fields = ("agency__name", "applicant", "subject", "reference")
    list_select_related = ("agency",)
    raw_id_fields = ("carried_from",)
    readonly_fields = ("code", "version", "created", "updated")
    date_hierarchy = "received_on"

    @admin.display(description="申请人类型")
    def applicant_type_words(self, entry):
        return self._shown(entry, "applicant_type")

    @admin.display(description="办理结果")
    def outcome_words(self, entry):
        outcome = self._shown(entry, "outcome")
        reason = self._shown(entry, "reason")
        return f"{outcome} {reason}".strip()

    def _shown(self, entry, name):
        terms = ledger_terms(format_for_year(entry.year))
        return shown(BY_NAME[name], getattr(entry, name), terms, entry.outcome)
