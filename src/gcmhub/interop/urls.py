from django.urls import path

from gcmhub.interop.feeds import SearchFeed

app_name = "interop"
urlpatterns = [path("search/feed/", SearchFeed(), name="search-feed")]
