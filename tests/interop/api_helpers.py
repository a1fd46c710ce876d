"""Shared helpers for the API tests: every GET address the OpenAPI document names."""

import re

from gcmhub.catalog.models import KIND_PATHS, Item


def every_get_address(client) -> list[str]:
    """One address per public operation of the served document, path parameters filled
    with real values (every published item's detail, objective 10). Operations that act
    for a token's owner (submissions) are not public and are tested on their own."""
    document = client.get("/api/v1/openapi.json").json()
    addresses = []
    for path, operations in document["paths"].items():
        if "get" not in operations or operations["get"].get("security"):
            continue
        if "{slug}" in path:
            kind = next(k for k, p in KIND_PATHS.items() if path.startswith(f"/api/v1/{p}/"))
            addresses += [
                path.replace("{slug}", slug)
                for slug in Item.objects.public().filter(kind=kind).values_list("slug", flat=True)
            ]
        elif "{number}" in path:
            addresses.append(path.replace("{number}", "10"))
        else:
            assert not re.search(r"\{", path), path
            addresses.append(path)
    return addresses
