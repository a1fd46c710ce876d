from django.urls import path, register_converter

from gcmhub.catalog import views
from gcmhub.catalog.models import KIND_PATHS


class KindPathConverter:
    regex = "|".join(KIND_PATHS.values())

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(KindPathConverter, "kindpath")

app_name = "catalog"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("objectives/", views.objective_index, name="objectives"),
    path("objectives/<int:number>/", views.objective_detail, name="objective"),
    path("principles/", views.principle_index, name="principles"),
    path("principles/<slug:slug>/", views.principle_detail, name="principle"),
    path("regions/", views.region_index, name="regions"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
    path("countries/", views.country_index, name="countries"),
    path("countries/<str:iso3>/", views.country_detail, name="country"),
    path("<kindpath:path>/", views.item_index, name="list"),
    path("<kindpath:path>/<slug:slug>/", views.item_detail, name="detail"),
    path(
        "<kindpath:path>/<slug:slug>/translations/",
        views.item_translations,
        name="translations",
    ),
]
