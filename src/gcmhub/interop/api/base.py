"""The API object, its one error shape, and the language a request is answered in."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import Swagger

from gcmhub.core.languages import content_language_codes, language_codes
from gcmhub.core.outage import DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS

logger = logging.getLogger(__name__)

DESCRIPTION = """Public, read-only data of GCM Hub: practices and resources for the Global
Compact for Migration, and the GCM taxonomy. Only published items are ever returned.

* **Language**: `lang` (fr, en, es, ar, zh-hans, ru) or else the `Accept-Language` header
  chooses the language of texts and labels; an item not translated into it comes in its
  source language, which its `language` field names.
* **Lists** of items are paged (`page`, `page_size` up to 100) and give `count`, `next` and
  `previous`. Their order is stable: global and comprehensive items first, then newest
  first, then the highest id first (`sort=newest`: newest first; `sort=relevance` with `q`:
  best match first). Filters are those of the site's pages and may repeat; values that
  name nothing are ignored and listed in `ignored`.
* **Caching**: every answer carries an `ETag` and, when known, `Last-Modified`; send
  `If-None-Match` or `If-Modified-Since` to get `304 Not Modified` when nothing changed.
* **Errors** always have one shape:
  `{"error": {"status": 404, "code": "not_found", "message": "…", "details": []}}`.
* **Rate limits**: reads are limited per client address, writes per token; over a limit
  the answer is `429` with a `Retry-After` header (seconds).
* **CORS**: any origin may read.
"""


class ErrorDetailOut(Schema):
    location: str
    field: str
    message: str


class ErrorBodyOut(Schema):
    status: int
    code: str
    message: str
    details: list[ErrorDetailOut]


class ErrorOut(Schema):
    error: ErrorBodyOut


class ApiError(Exception):
    """Raised by an operation to answer with the error shape; `message` is a lazy
    translation, rendered in the request's language."""

    def __init__(self, status: int, code: str, message, details: list[dict] | None = None):
        super().__init__(str(message))
        self.status, self.code, self.message = status, code, message
        self.details = details


def not_found(message=None) -> ApiError:
    return ApiError(
        404, "not_found", message or gettext_lazy("Nothing is published at this address.")
    )


ERROR_RESPONSES = {
    "400": "The request could not be read.",
    "404": "Nothing is published at this address, or the page is past the last one.",
    "405": "The method is not allowed here.",
    "422": "A parameter is not valid; `details` says which.",
    "429": "Too many requests from this address (reads) or token (writes); `Retry-After` "
    "says how many seconds to wait.",
    "500": "An error on the server's side.",
}
# Also on operations that act for the holder of an API token.
AUTHENTICATED_ERROR_RESPONSES = {
    "401": "No valid API token was sent.",
    "403": "The token's owner may not do this.",
    "409": "The workflow refuses this step now (its state, a deadline, or a save made "
    "since `lock_version` was read); `message` says why.",
}


def _accepted_language(request: HttpRequest) -> str:
    """The Accept-Language choice alone: unlike pages, the API ignores the language
    cookie, so an answer depends only on its address and the headers it varies on."""
    fake = HttpRequest()
    fake.META = {"HTTP_ACCEPT_LANGUAGE": request.META.get("HTTP_ACCEPT_LANGUAGE", "")}
    return translation.get_language_from_request(fake)


def requested_language(request: HttpRequest) -> str:
    """`lang` when it names one of the six languages, else the Accept-Language choice."""
    lang = request.GET.get("lang", "")
    return lang if lang in content_language_codes() else _accepted_language(request)


def interface_language(request: HttpRequest) -> str:
    language = requested_language(request)
    return language if language in language_codes() else _accepted_language(request)


def error_body(
    status: int, code: str, message: str, details: list[dict] | None = None
) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


class HubAPI(NinjaAPI):
    _schemas: dict

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Generated once per process and path prefix (the code does not change while
        it runs)."""
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        cache = self.__dict__.setdefault("_schemas", {})
        if path_prefix not in cache:
            cache[path_prefix] = self._openapi_schema(path_prefix)
        return cache[path_prefix]

    def _openapi_schema(self, path_prefix):
        """Document on every operation what the wrapper around all views adds: the
        conditional-request headers, 304, and the error shape for every error status."""
        schema = super().get_openapi_schema(path_prefix=path_prefix)
        error_ref = {"$ref": "#/components/schemas/ErrorOut"}
        schema.setdefault("components", {}).setdefault("schemas", {})
        for name, model in (
            ("ErrorOut", ErrorOut),
            ("ErrorBodyOut", ErrorBodyOut),
            ("ErrorDetailOut", ErrorDetailOut),
        ):
            body = model.model_json_schema(ref_template="#/components/schemas/{model}")
            body.pop("$defs", None)
            schema["components"]["schemas"][name] = body
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                ok = responses.get(200) or responses.get("200")
                if ok is not None:
                    ok.setdefault("headers", {}).update(
                        {
                            "ETag": {
                                "description": "Changes whenever the content does.",
                                "required": True,
                                "schema": {"type": "string"},
                            },
                            "Last-Modified": {
                                "description": "When the Hub's data last changed, to the "
                                "second; left out within a second of a change.",
                                "schema": {"type": "string"},
                            },
                        }
                    )
                responses["304"] = {
                    "description": "Not modified since `If-None-Match` or `If-Modified-Since`."
                }
                errors = dict(ERROR_RESPONSES)
                if operation.get("security"):
                    errors.update(AUTHENTICATED_ERROR_RESPONSES)
                for status, description in errors.items():
                    responses[status] = {
                        "description": description,
                        "content": {"application/json": {"schema": error_ref}},
                    }
        return schema


api = HubAPI(
    title="GCM Hub API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    # Swagger UI from the package's own static files; no badge from validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)


def _respond(request, status: int, code: str, message: str, details=None) -> HttpResponse:
    return api.create_response(request, error_body(status, code, message, details), status=status)


def _on_api_error(request, exc: ApiError):
    with translation.override(interface_language(request)):
        return _respond(request, exc.status, exc.code, str(exc.message), exc.details)


def _on_validation_error(request, exc: ValidationError):
    details = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ())]
        details.append(
            {
                "location": location[0] if location else "",
                "field": ".".join(location[1:]),
                "message": str(error.get("msg", "")),
            }
        )
    with translation.override(interface_language(request)):
        message = _("Some parameters are not valid.")
    return _respond(request, 422, "invalid_parameters", message, details)


def _on_404(request, exc):
    with translation.override(interface_language(request)):
        return _respond(request, 404, "not_found", _("Nothing is published at this address."))


def _on_http_error(request, exc: HttpError):
    status = exc.status_code
    with translation.override(interface_language(request)):
        if status == 400:
            return _respond(request, 400, "bad_request", _("The request could not be read."))
        return _respond(request, status, "error", str(exc))


def _on_authentication_error(request, exc):
    with translation.override(interface_language(request)):
        message = _(
            "Send a valid API token in the Authorization header: “Bearer <token>”. "
            "Tokens are made on your account page."
        )
    return _respond(request, 401, "unauthorized", message)


def _on_permission_denied(request, exc):
    with translation.override(interface_language(request)):
        message = _("You may not do this.")
    return _respond(request, 403, "forbidden", message)


def _on_database_unavailable(request, exc):
    with translation.override(interface_language(request)):
        message = _("The Hub is briefly unavailable. Please try again in a minute.")
    response = _respond(request, 503, "unavailable", message)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _on_exception(request, exc):
    logger.exception("API error on %s", request.path, exc_info=exc)
    with translation.override(interface_language(request)):
        message = _("Something went wrong on our side. It has been logged; please try again later.")
    return _respond(request, 500, "server_error", message)


api.add_exception_handler(ApiError, _on_api_error)
api.add_exception_handler(ValidationError, _on_validation_error)
api.add_exception_handler(Http404, _on_404)
api.add_exception_handler(HttpError, _on_http_error)
api.add_exception_handler(AuthenticationError, _on_authentication_error)
api.add_exception_handler(PermissionDenied, _on_permission_denied)
for unavailable in DATABASE_UNAVAILABLE:
    api.add_exception_handler(unavailable, _on_database_unavailable)
api.add_exception_handler(Exception, _on_exception)
