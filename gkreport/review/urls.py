from django.urls import path

from gkreport.review import views

urlpatterns = [
    path("office/", views.offices, name="offices"),
    path("office/<uuid:code>/<int:year>/", views.dashboard, name="dashboard"),
    path("office/<uuid:code>/<int:year>/cross/", views.cross_checks, name="cross_checks"),
    path("review/<uuid:code>/", views.review, name="review"),
    path("review/<uuid:code>/preview/", views.review_preview, name="review_preview"),
    path("review/<uuid:code>/pdf/", views.review_pdf, name="review_pdf"),
    path("review/<uuid:code>/comment/", views.add_comment, name="add_comment"),
    path(
        "review/<uuid:code>/transition/<str:name>/",
        views.review_transition,
        name="review_transition",
    ),
]
