"""The one OAI-PMH endpoint: GET or POST /oai, always HTTP 200 with an XML answer."""

from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree

from gcmhub.interop.oai.arguments import OaiError, parse_request
from gcmhub.interop.oai.formats import Context
from gcmhub.interop.oai.verbs import VERB_ANSWERS
from gcmhub.interop.oai.xml import OAI_NS, OAI_SCHEMA, XSI_NS, datestamp, sub


@csrf_exempt  # harvesters POST forms without cookies; the endpoint only reads
@require_http_methods(["GET", "HEAD", "POST"])
def oai_endpoint(request: HttpRequest) -> HttpResponse:
    base_url = request.build_absolute_uri(request.path)
    context = Context(absolute=request.build_absolute_uri)
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} {OAI_SCHEMA}")
    sub(root, f"{{{OAI_NS}}}responseDate", datestamp(datetime.now(UTC)))
    echo = sub(root, f"{{{OAI_NS}}}request", base_url)
    try:
        oai_request = parse_request(request.POST if request.method == "POST" else request.GET)
    except OaiError as error:
        # badVerb and badArgument: the request element carries the base URL only (§3.6).
        sub(root, f"{{{OAI_NS}}}error", error.message, code=error.code)
    else:
        for name, value in oai_request.echo.items():
            echo.set(name, value)
        try:
            VERB_ANSWERS[oai_request.verb](oai_request, root, context, base_url)
        except OaiError as error:
            for answer in root[3:]:
                root.remove(answer)
            sub(root, f"{{{OAI_NS}}}error", error.message, code=error.code)
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
