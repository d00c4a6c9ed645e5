from django.urls import path

from gkreport.review import batch_views, views

urlpatterns = [
    path("office/", views.offices, name="offices"),
    path("office/<uuid:code>/", views.inbox, name="inbox"),
    path("office/<uuid:code>/<int:year>/", views.dashboard, name="dashboard"),
    path("office/<uuid:code>/<int:year>/cross/", views.cross_checks, name="cross_checks"),
    path("office/<uuid:code>/<int:year>/publish/", views.publish_many, name="publish_many"),
    path("office/<uuid:code>/batches/", batch_views.batches, name="batches"),
    path("office/<uuid:code>/batches/<uuid:batch_code>/", batch_views.batch_detail, name="batch"),
    path(
        "office/<uuid:code>/batches/<uuid:batch_code>/progress/",
        batch_views.batch_progress,
        name="batch_progress",
    ),
    path(
        "office/<uuid:code>/batches/<uuid:batch_code>/rerun/",
        batch_views.batch_rerun,
        name="batch_rerun",
    ),
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
