from django.urls import path

from gcmhub.calls import views

app_name = "calls"
urlpatterns = [
    path("", views.call_index, name="list"),
    path("new/", views.call_new, name="new"),
    path("<slug:slug>/", views.call_detail, name="detail"),
    path("<slug:slug>/edit/", views.call_edit, name="edit"),
]
