from django.urls import path

from gcmhub.review import views

app_name = "review"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("submissions/new/", views.submission_new, name="new"),
    path("submissions/<uuid:reference>/", views.submission_detail, name="submission"),
    path("submissions/<uuid:reference>/edit/", views.submission_edit, name="edit"),
    path("submissions/<uuid:reference>/withdraw/", views.submission_withdraw, name="withdraw"),
    path("submissions/<uuid:reference>/manage/", views.submission_manage, name="manage"),
    path(
        "submissions/<uuid:reference>/attachments/",
        views.attachment_add,
        name="attachment_add",
    ),
    path(
        "submissions/<uuid:reference>/attachments/<int:pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        "submissions/<uuid:reference>/attachments/<int:pk>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
    path("reviews/<int:pk>/", views.assignment_detail, name="assignment"),
]
