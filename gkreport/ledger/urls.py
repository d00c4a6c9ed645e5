"""The ledger's pages: per agency and year, and table 3 of a report beside its ledger."""

from django.urls import path

from gkreport.ledger import excel_views, views

urlpatterns = [
    path("a/<uuid:code>/ledger/<int:year>/", views.ledger_page, name="ledger"),
    path("a/<uuid:code>/ledger/<int:year>/carry/", views.carry_over, name="ledger_carry"),
    path(
        "a/<uuid:code>/ledger/<int:year>/template.xlsx",
        excel_views.ledger_template,
        name="ledger_template",
    ),
    path(
        "a/<uuid:code>/ledger/<int:year>/export.xlsx",
        excel_views.ledger_export,
        name="ledger_export",
    ),
    path(
        "a/<uuid:code>/ledger/<int:year>/import/", excel_views.ledger_import, name="ledger_import"
    ),
    path(
        "a/<uuid:code>/ledger/<int:year>/import/<uuid:upload>/",
        excel_views.ledger_mapping,
        name="ledger_mapping",
    ),
    path("r/<uuid:code>/ledger/", views.adopt_page, name="ledger_adopt"),
]
