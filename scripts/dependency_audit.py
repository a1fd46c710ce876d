"""`make audit`: pip-audit over the installed dependencies; fails on any known
vulnerability.

pip-audit asks a vulnerability service (PyPI's JSON API, else OSV). Where neither
answers — this project's machines reach only a package mirror, which serves packages but
no vulnerability data — nothing could be checked: that is said loudly and the step passes,
because failing would block every change for a reason no change can fix. A service that
answers but knows none of our packages counts as not answering: an audit that looked at
nothing is never reported as clean (docs/adr/0022-rate-limits-and-security-tests.md).
"""

import json
import subprocess
import sys

SERVICES = ("pypi", "osv")
# What pip-audit prints when it cannot reach a service at all.
UNREACHABLE = ("ConnectionError", "Max retries exceeded", "Name or service not known", "Timeout")


def verdict(report: dict) -> tuple[str, list[str]]:
    """("vulnerable", one line per known vulnerability), ("clean", a summary), or
    ("unreachable", []) when the service audited none of the packages."""
    dependencies = report.get("dependencies", [])
    found = [
        f"{d['name']} {d['version']}: {v['id']} "
        f"(fixed in {', '.join(v.get('fix_versions') or []) or 'no release yet'})"
        for d in dependencies
        for v in d.get("vulns", [])
    ]
    if found:
        return "vulnerable", found
    audited = [d for d in dependencies if "skip_reason" not in d]
    if not audited:
        return "unreachable", []
    skipped = len(dependencies) - len(audited)
    summary = f"{len(audited)} packages audited, no known vulnerability"
    return "clean", [summary + (f" ({skipped} not known to the service)" if skipped else "")]


def audit(service: str) -> dict | None:
    """pip-audit's JSON report from `service`, or None when the service cannot be reached;
    any other failure of pip-audit stops the audit."""
    command = [
        *(sys.executable, "-m", "pip_audit", "--vulnerability-service", service),
        *("--format", "json", "--progress-spinner", "off", "--skip-editable"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        if any(sign in result.stderr for sign in UNREACHABLE):
            return None
        sys.exit(f"pip-audit failed:\n{result.stderr}")


def main() -> int:
    for service in SERVICES:
        report = audit(service)
        outcome, lines = verdict(report) if report is not None else ("unreachable", [])
        if outcome == "unreachable":
            print(f"pip-audit: the {service} vulnerability service did not answer.")
            continue
        print(f"pip-audit ({service}):", *lines, sep="\n  ")
        return 1 if outcome == "vulnerable" else 0
    print(
        "\n" + "!" * 72,
        "WARNING: NO DEPENDENCY WAS AUDITED. No vulnerability service answered from this",
        f"machine ({', '.join(SERVICES)}); run `make audit` where one does.",
        "!" * 72,
        sep="\n",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
