from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.i18n import set_language

from gcmhub.interop.api import api_urls
from gcmhub.interop.oai.views import oai_endpoint
from gcmhub.interop.sitemaps import SITEMAPS
from gcmhub.interop.views import robots_txt

admin.site.site_header = "GCM Hub"
admin.site.site_title = "GCM Hub"

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api_urls()),
    path("oai", oai_endpoint, name="oai"),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("gcmhub.site.urls")),
    path("account/", include("gcmhub.accounts.urls")),
    path("calls/", include("gcmhub.calls.urls")),
    path("", include("gcmhub.review.urls")),
    path("roster/", include("gcmhub.experts.urls")),
    path("", include("gcmhub.interop.urls")),
    path("", include("gcmhub.interop.data_urls")),
    path("", include("gcmhub.catalog.urls")),
    prefix_default_language=True,
)

handler404 = "gcmhub.site.views.page_not_found"
handler500 = "gcmhub.site.views.server_error"
