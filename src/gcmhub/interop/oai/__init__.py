"""OAI-PMH 2.0 at /oai: the whole public catalogue for harvesters, in Dublin Core
(`oai_dc`) and in the Hub's own richer format (`gcmhub`). See docs/oai-pmh.md and ADR 0017.

`arguments` reads and checks a request, `tokens` encodes resumption tokens, `selectors`
reads the catalogue, `formats` writes metadata, `verbs` answers the six verbs, `views`
is the one HTTP endpoint.
"""
