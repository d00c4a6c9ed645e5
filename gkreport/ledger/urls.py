"""The ledger's pages: per agency and year, and table 3 of a report beside its ledger."""

from django.urls import path

from gkreport.ledger import views

urlpatterns = [
    path("a/<uuid:code>/ledger/<int:year>/", views.ledger_page, name="ledger"),
    path("a/<uuid:code>/ledger/<int:year>/carry/", views.carry_over, name="ledger_carry"),
    path("r/<uuid:code>/ledger/", views.adopt_page, name="ledger_adopt"),
]
