from django.urls import path

from gcmhub.interop import data_views

app_name = "data"
urlpatterns = [
    path("search/export.<str:fmt>", data_views.search_export, name="export"),
    path("data/dictionary/", data_views.data_dictionary, name="dictionary"),
    path("data/import/", data_views.data_import, name="import"),
]
