from django.urls import path

from gcmhub.experts import views

app_name = "experts"
urlpatterns = [
    path("", views.roster_about, name="about"),
    path("apply/", views.roster_apply, name="apply"),
    path("withdraw/", views.roster_withdraw, name="withdraw"),
    path("applications/", views.application_list, name="applications"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("coverage/", views.coverage, name="coverage"),
]
