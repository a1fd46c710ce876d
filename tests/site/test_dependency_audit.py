"""`make audit` fails on a known vulnerability, passes a clean audit, and never reports an
audit that looked at nothing as clean. Reports have pip-audit's JSON shape."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "dependency_audit.py"
spec = importlib.util.spec_from_file_location("dependency_audit", SCRIPT)
dependency_audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dependency_audit)

DJANGO_VULNERABLE = {
    "name": "django",
    "version": "5.2.0",
    "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"], "aliases": [], "description": ""}],
}
LXML_CLEAN = {"name": "lxml", "version": "6.0.0", "vulns": []}
UNKNOWN = {"name": "nh3", "skip_reason": "Dependency not found on PyPI and could not be audited"}


def test_a_known_vulnerability_is_named_with_its_fix():
    outcome, lines = dependency_audit.verdict({"dependencies": [DJANGO_VULNERABLE, LXML_CLEAN]})
    assert outcome == "vulnerable"
    assert lines == ["django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)"]


def test_an_audit_without_vulnerabilities_is_clean_and_counts_what_it_skipped():
    outcome, lines = dependency_audit.verdict({"dependencies": [LXML_CLEAN, UNKNOWN]})
    assert outcome == "clean" and "1 packages audited" in lines[0] and "1 not known" in lines[0]


def test_a_service_that_knows_none_of_the_packages_audited_nothing():
    assert dependency_audit.verdict({"dependencies": [UNKNOWN, UNKNOWN]}) == ("unreachable", [])
