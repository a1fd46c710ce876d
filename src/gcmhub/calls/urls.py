from django.urls import path

from gcmhub.calls import views

app_name = "calls"
urlpatterns = [
    path("", views.call_index, name="list"),
    path("<slug:slug>/", views.call_detail, name="detail"),
]
