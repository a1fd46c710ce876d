"""Load and fault runs: `make loadtest` and `make faulttest` (see README, "Load and faults").

For each database (SQLite, and PostgreSQL when a server answers at POSTGRES_URL) it
builds a catalogue of LOADTEST_ITEMS synthetic items (default 100 000) beside the demo
content, measures the CPU time each kind of page costs (one process, one request at a
time: unlike throughput, this does not depend on what else the machine runs), then
serves it as in production: gunicorn on 127.0.0.1 with DEBUG off, tasks
queued in the database and sent by a `gcmhub db_worker` process, emails written to files.
Locust (scripts/locustfile.py) then runs anonymous browsers at rising concurrency
(LOADTEST_STEPS, default 10,25,50), LOADTEST_SECONDS each (default 30), after a warm-up
step (LOADTEST_WARM_UP_SECONDS, default 60); then, at the largest concurrency, 50
signed-in submitters save drafts and submit while the browsing goes on. One line per
step: throughput, latency percentiles and errors of the browsing, beside the targets.
At the end the database is compared with what
people were told: every submission the server confirmed exists exactly once and in the
state confirmed, no title twice, no half-written submission, every email sent once.

--faults (PostgreSQL only; needs root and `pg_ctlcluster`): in one extra step, the
PostgreSQL server is stopped for a few seconds under load. Pages must answer 503 with
the translated page meanwhile (never 500), the same app processes must serve again once
the server is back, and the checks above must still hold. The server is restarted
whatever happens.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from bench_search import (  # the benchmark's 50 searches, and its PostgreSQL helpers
    QUERIES,
    postgres_available,
    recreate_database,
)

ROOT = Path(__file__).resolve().parent.parent
RATE_LIMITED = ("login", "registration", "password_reset", "submission", "api_read", "api_write")
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("LOADTEST_PORT", "8911"))
BASE = f"http://127.0.0.1:{PORT}"
TARGET_RPS, TARGET_P95_MS = 200, 200
PG_CLUSTER = os.environ.get("LOADTEST_PG_CLUSTER", "15 main").split()
OUTAGE_SECONDS = 5
# What browsers read, and how often of every 14 requests.
PAGE_WEIGHTS = {"home": 2, "list": 3, "objective": 2, "search": 3, "detail": 2, "api": 2}


def page_path(kind: str, fixture: dict, rng: random.Random) -> str:
    """A path of one kind of page, in French, English or Spanish."""
    language = rng.choice(["fr", "en", "es"])
    text, params = rng.choice(QUERIES)
    if kind == "home":
        return f"/{language}/"
    if kind == "list":
        params = rng.choice([p for t, p in QUERIES if not t])
        return (
            f"/{language}/{rng.choice(['practices', 'resources', 'projects'])}/?{urlencode(params)}"
        )
    if kind == "objective":
        return f"/{language}/objectives/{rng.randint(1, 23)}/"
    if kind == "search":
        return f"/{language}/search/?{urlencode({'q': text, **params})}"
    if kind == "detail":
        return f"/{language}{rng.choice(fixture['detail_paths'])}"
    return (
        f"/api/v1/search?{urlencode({'q': text})}" if text else f"/api/v1/items?{urlencode(params)}"
    )


def prepare(items: int, submitters: int, fixture: Path) -> None:
    """In a child process configured for one database: schema, demo content, synthetic
    catalogue, a curator to notify, and the submitters with a signed-in session each."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "gcmhub.settings"
    django.setup()
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.utils import translation

    from gcmhub.accounts.actions import role_grant
    from gcmhub.accounts.roles import Role
    from gcmhub.catalog.actions import catalog_reindex_all
    from gcmhub.catalog.corpus import corpus_generate
    from gcmhub.catalog.models import Item, Status
    from gcmhub.review.content import CRITERIA
    from gcmhub.site.actions import site_init

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    site_init(demo=True)
    # The synthetic items have no kind-specific rows (see corpus.py): detail pages are
    # read from the demo content.
    with translation.override("en"):
        detail_paths = [
            item.get_absolute_url().removeprefix("/en")
            for item in Item.objects.filter(status=Status.PUBLISHED)
        ]
    corpus_generate(items=items)
    catalog_reindex_all()

    users = get_user_model().objects
    curator = users.create_user("loadcurator", "curator@load.example.org", is_staff=True)
    role_grant(actor=None, user=curator, role=Role.CURATOR)
    accounts = []
    for n in range(submitters):
        user = users.create_user(f"loadsubmitter{n}", f"submitter{n}@load.example.org")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "gcmhub.accounts.backends.EmailOrUsernameBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        accounts.append({"username": user.username, "session": session.session_key})
    practice = {
        "summary": "Lawyers travel to border towns to advise people who escaped trafficking.",
        "body": "Teams of two lawyers and an interpreter visit shelters every month.",
        "source_language": "en",
        "practice_type": "programme",
        "scope": "national",
        "countries": "BRA",
        "period_start": "2020-03-01",
        "ongoing": "on",
        "objectives_primary": "10",
        "principles": "human-rights",
        "implementer": "Mobile legal clinic",
        "beneficiaries": "Survivors of trafficking.",
        "benefit_and_impact": "Over 400 people advised.",
        "lessons_learned": "Interpreters matter as much as lawyers.",
        "innovation": "Advice brought to shelters rather than offices.",
        "replicability": "Needs a car, two lawyers and an interpreter.",
        "sustainability": "Funded by the state bar.",
        "focal_point_name": "Load Test",
        "focal_point_email": "focal@load.example.org",
    }
    fixture.write_text(
        json.dumps(
            {
                "detail_paths": detail_paths,
                "submitters": accounts,
                "criteria": list(CRITERIA),
                "practice": practice,
            }
        )
    )


def page_cpu(fixture: Path, repeats: int = 20) -> str:
    """In a child process: the CPU time one page of each kind costs, one request at a
    time through the whole Django stack, independent of what else the machine runs —
    rendered, and served again as kept for visitors (ADR 24) — with how many requests
    per second of the mix two cores could serve at best either way."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "gcmhub.settings"
    django.setup()
    from django.test import Client, override_settings

    client, data = Client(), json.loads(fixture.read_text())

    def medians(*, kept: bool) -> dict[str, float]:
        rng, found = random.Random(1), {}
        for kind in PAGE_WEIGHTS:
            times = []
            for n in range(repeats + 3):
                path = page_path(kind, data, rng)
                if kept:
                    client.get(path)
                started = time.process_time()
                status = client.get(path).status_code
                if n >= 3:  # the first few fill per-process caches
                    times.append((time.process_time() - started) * 1000)
                assert status == 200, (path, status)
            found[kind] = percentile(times, 50)
        return found

    with override_settings(GCMHUB_PAGE_CACHE_SECONDS=0):
        rendered = medians(kept=False)
    lines = []
    for label, costs in (("rendered", rendered), ("kept", medians(kept=True))):
        mean = sum(costs[k] * w for k, w in PAGE_WEIGHTS.items()) / sum(PAGE_WEIGHTS.values())
        lines.append(
            f"CPU per page {label}, median: "
            + ", ".join(f"{k} {v:.1f} ms" for k, v in costs.items())
            + f"; mix {mean:.1f} ms → at best {2000 / mean:.0f} req/s on 2 cores"
        )
    return "\n".join(lines)


def verify(results: list[Path]) -> list[str]:
    """In a child process: the database against what the server told people. Returns
    the problems found, empty when everything holds."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "gcmhub.settings"
    django.setup()
    from collections import Counter

    from django.conf import settings
    from django.utils import timezone

    from gcmhub.audit.models import AuditEntry, AuditEvent
    from gcmhub.notifications.actions import notifications_retry_due
    from gcmhub.notifications.models import Notification
    from gcmhub.review.models import Submission, SubmissionState, Transition

    told: dict[str, list[str]] = {}
    for path in results:
        for title, record in json.loads(path.read_text())["submissions"].items():
            told[title] = record["answers"]
    stored = Counter(
        Submission.objects.filter(submitter__username__startswith="loadsubmitter").values_list(
            "content__title", flat=True
        )
    )
    states = dict(
        Submission.objects.filter(submitter__username__startswith="loadsubmitter").values_list(
            "content__title", "state"
        )
    )
    problems = [f"{title!r} stored {n} times" for title, n in stored.items() if n > 1]
    for title, answers in told.items():
        if "created" in answers and stored[title] != 1:
            problems.append(f"{title!r} was confirmed saved but is stored {stored[title]} times")
        if "submitted" in answers and states.get(title) != SubmissionState.SUBMITTED:
            problems.append(f"{title!r} was confirmed submitted but is {states.get(title)!r}")
    unknown = set(stored) - set(told)
    problems += [f"{title!r} stored but never sent" for title in unknown]
    # No half-written step: each submitted submission has its transition and audit entry.
    submitted = Submission.objects.filter(
        submitter__username__startswith="loadsubmitter", state=SubmissionState.SUBMITTED
    )
    for submission in submitted.exclude(
        pk__in=Transition.objects.filter(to_state=SubmissionState.SUBMITTED).values("submission_id")
    ):
        problems.append(f"{submission.title!r} is submitted without its transition")
    audited = set(
        AuditEntry.objects.filter(event_type=AuditEvent.SUBMISSION_CREATED).values_list(
            "object_id", flat=True
        )
    )
    for submission in Submission.objects.filter(submitter__username__startswith="loadsubmitter"):
        if str(submission.pk) not in audited:
            problems.append(f"{submission.title!r} has no creation audit entry")
    # Emails whose sending failed (the worker lost the database mid-task) are retried by
    # `gcmhub notifications_retry`; run it here as it would run a day later, in process.
    retried = notifications_retry_due(now=timezone.now() + timedelta(days=1))
    # Every submission tells the curator once; each email leaves once.
    notifications = Notification.objects.filter(recipient__username="loadcurator")
    if notifications.count() != submitted.count():
        problems.append(
            f"{notifications.count()} notifications for {submitted.count()} submissions"
        )
    unsent = notifications.filter(sent_at=None).count()
    if unsent:
        problems.append(f"{unsent} notifications not sent")
    # The file backend ends each message with a line of 79 dashes.
    messages = [
        message
        for path in Path(settings.EMAIL_FILE_PATH).glob("*.log")
        for message in path.read_text().split("-" * 79)
    ]
    for notification in notifications.exclude(sent_at=None):
        sent = sum(notification.url in message for message in messages)
        if sent != 1:
            problems.append(f"{notification.url} emailed {sent} times")
    print(
        f"checked: {len(told)} submissions attempted, {sum(stored.values())} stored, "
        f"{submitted.count()} submitted, {notifications.count()} notifications "
        f"({retried} sent by the retry)",
        file=sys.stderr,
    )
    return problems


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] if values else 0.0


def get(path: str, timeout: float = 20) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(BASE + path, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


def wait_until_serving(seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if get("/en/")[0] == 200:
            return time.monotonic() - started
        time.sleep(0.5)
    raise RuntimeError(f"{BASE} did not answer 200 within {seconds} s")


def run_step(env: dict, data_dir: Path, name: str, browsers: int, submitters: int, seconds: int):
    result = data_dir / f"step-{name}.json"
    users = browsers + submitters
    subprocess.run(
        [
            BIN / "locust",
            "-f",
            ROOT / "scripts" / "locustfile.py",
            *(["Browser", "Submitter"] if submitters else ["Browser"]),
            "--headless",
            "--only-summary",
            "--loglevel",
            "ERROR",
            "--host",
            BASE,
            "-u",
            str(users),
            "-r",
            str(max(1, users // 5)),
            "-t",
            f"{seconds}s",
            "--stop-timeout",
            "10",
        ],
        env={
            **env,
            "LOADTEST_FIXTURE": str(data_dir / "fixture.json"),
            "LOADTEST_RESULT": str(result),
            "LOADTEST_SUBMITTERS": str(submitters),
            "LOADTEST_STEP": name,
        },
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    return result


def server_errors(result: Path, *, outage: bool) -> int:
    """Answers 500 and above; while the database is down, 503 is the expected answer."""
    return sum(
        n
        for codes in json.loads(result.read_text())["statuses"].values()
        for code, n in codes.items()
        if int(code) >= 500 and not (outage and int(code) == 503)
    )


def summarise(backend: str, step: str, browsers: int, result: Path) -> str:
    """One table line; `load` is the machine's 1-minute load average as the step ends
    (other work on the machine shares its cores)."""
    data = json.loads(result.read_text())
    browse = data["samples"]["browse"]
    seconds = data["seconds"] or 1
    errors = data["failures"].get("browse", 0) + data["failures"].get("submit", 0)
    fives = {
        group: sum(n for code, n in codes.items() if int(code) >= 500)
        for group, codes in data["statuses"].items()
    }
    rps, p95 = len(browse) / seconds, percentile(browse, 95)
    done = sum("submitted" in r["answers"] for r in data["submissions"].values())
    met = rps >= TARGET_RPS and p95 <= TARGET_P95_MS and errors == 0
    return (
        f"{backend:<10} {step:>8} {browsers:>8} {rps:>8.0f} {percentile(browse, 50):>7.0f} "
        f"{p95:>7.0f} {percentile(browse, 99):>7.0f} {errors:>6} {fives['browse']:>6} "
        f"{len(data['samples']['submit']) / seconds:>8.1f} {done:>9} {fives['submit']:>6} "
        f"{'met' if met else 'not met':>8} {os.getloadavg()[0]:>5.1f}"
    )


HEADER = (
    f"{'database':<10} {'step':>8} {'browsers':>8} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} "
    f"{'p99 ms':>7} {'errors':>6} {'5xx':>6} {'sub r/s':>8} {'submitted':>9} {'sub5xx':>6} "
    f"{'targets':>8} {'load':>5}"
)


def outage(env: dict, report: dict) -> None:
    """Stop PostgreSQL under load, check the 503 page, start it again, time recovery."""
    time.sleep(8)
    stopped = time.monotonic()
    try:
        subprocess.run(["pg_ctlcluster", *PG_CLUSTER, "stop", "-m", "fast"], check=True)
        time.sleep(1)
        pages = {language: get(f"/{language}/") for language in ("fr", "en")}
        report["pages"] = {lang: status for lang, (status, _page) in pages.items()}
        report["french_text"] = "momentanément indisponible" in pages["fr"][1]
        report["api"] = get("/api/v1/items")[0]
        time.sleep(max(0, OUTAGE_SECONDS - (time.monotonic() - stopped)))
    finally:
        subprocess.run(["pg_ctlcluster", *PG_CLUSTER, "start"], check=True)
        report["down_s"] = time.monotonic() - stopped
    report["recovered_s"] = wait_until_serving(90)


def step_plan(steps: list[int], submitters: int) -> list[tuple[str, int, int]]:
    """(name, browsers, submitters) of each step. Each server process fills its own kept
    pages (ADR 24), so a first step warms them; then browsing alone at each concurrency
    (the targets are for it), then the largest with the submitters as well (the faults
    run: nothing lost or doubled, no 5xx, while people save and submit)."""
    plan = [("warm-up", steps[0], 0), *((str(n), n, 0) for n in steps)]
    if submitters:
        plan.append((f"{steps[-1]}+{submitters}s", steps[-1], submitters))
    return plan


class Supervised:
    """A process started again whenever it exits, as systemd's Restart=always would do:
    the task worker exits when it cannot reach the database."""

    def __init__(self, args: list, env: dict, log: Path):
        self.args, self.env, self.log = args, env, open(log, "w")  # noqa: SIM115
        self.starts = 0
        self.stopping = threading.Event()
        self.process: subprocess.Popen | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stopping.is_set():
            self.starts += 1
            self.process = subprocess.Popen(
                self.args, env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log
            )
            self.process.wait()
            self.stopping.wait(1)

    def stop(self) -> None:
        self.stopping.set()
        self.process.terminate()
        self.thread.join(timeout=30)
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def run_backend(backend: str, env: dict, args, steps: list[int]) -> tuple[list[str], list[str]]:
    data_dir = Path(env["GCMHUB_DATA_DIR"])
    fixture = data_dir / "fixture.json"
    started = time.monotonic()
    subprocess.run(
        [sys.executable, __file__, "--prepare", str(fixture), "--items", str(args.items)],
        env=env,
        check=True,
        cwd=ROOT,
    )
    print(f"{backend}: {args.items} items built in {time.monotonic() - started:.0f} s", flush=True)
    cpu = subprocess.run(
        [sys.executable, __file__, "--page-cpu", str(fixture)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"{backend}: {cpu}", flush=True)
    server = subprocess.Popen(
        [BIN / "gunicorn", "gcmhub.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", str(args.workers)],
        env=env,
        cwd=ROOT,
        stderr=open(data_dir / "gunicorn.log", "w"),  # noqa: SIM115 (closed with the process)
    )
    worker = Supervised(
        [BIN / "gcmhub", "db_worker", "--interval", "0.5", "--no-startup-delay"],
        env,
        data_dir / "worker.log",
    )
    lines, results, problems = [], [], []
    try:
        wait_until_serving(120)
        for name, browsers, submitters in step_plan(steps, args.submitters):
            seconds = args.warm_up if name == "warm-up" else args.seconds
            result = run_step(env, data_dir, name, browsers, submitters, seconds)
            results.append(result)
            line = summarise(backend, name, browsers, result)
            lines.append(line)
            print(line, flush=True)
            if server_errors(result, outage=False):
                problems.append(f"{server_errors(result, outage=False)} 5xx in step {name}")
        if args.faults:
            report: dict = {}
            fault = threading.Thread(target=outage, args=(env, report))
            fault.start()
            browsers = steps[len(steps) // 2]
            result = run_step(env, data_dir, "outage", browsers, args.submitters, args.seconds)
            fault.join()
            results.append(result)
            line = summarise(backend, "outage", browsers, result)
            lines.append(line)
            print(line, flush=True)
            if server_errors(result, outage=True):
                problems.append(f"{server_errors(result, outage=True)} 5xx other than 503")
            print(
                f"{backend} outage: PostgreSQL down {report.get('down_s', 0):.1f} s; pages "
                f"while down {report.get('pages')} (French 503 text: "
                f"{report.get('french_text')}), API {report.get('api')}; serving again "
                f"{report.get('recovered_s', float('nan')):.1f} s after restart, same "
                f"processes (gunicorn pid {server.pid} "
                f"{'alive' if server.poll() is None else 'DEAD'})",
                flush=True,
            )
            if report.get("pages") != {"fr": 503, "en": 503} or not report.get("french_text"):
                problems.append(f"pages while the database was down: {report.get('pages')}")
            if server.poll() is not None:
                problems.append("gunicorn died during the outage")
        # Let the worker send what the last submissions queued.
        time.sleep(5)
    finally:
        server.terminate()
        server.wait(timeout=30)
        worker.stop()
    if worker.starts > 1:
        print(f"{backend}: the task worker was started again {worker.starts - 1} time(s)")
    checked = subprocess.run(
        [sys.executable, __file__, "--verify", *map(str, results)],
        env={**env, "GCMHUB_TASK_BACKEND": "immediate"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    sys.stderr.write(checked.stderr)
    problems += [p for p in checked.stdout.splitlines() if p]
    if checked.returncode:
        problems.append(f"verification failed (exit {checked.returncode})")
    return lines, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=int(os.environ.get("LOADTEST_ITEMS", 100_000)))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOADTEST_SECONDS", 30)))
    parser.add_argument(
        "--warm-up", type=int, default=int(os.environ.get("LOADTEST_WARM_UP_SECONDS", 60))
    )
    parser.add_argument("--steps", default=os.environ.get("LOADTEST_STEPS", "10,25,50"))
    parser.add_argument("--submitters", type=int, default=50)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("LOADTEST_WORKERS", 4)))
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--faults", action="store_true", help="stop PostgreSQL mid-run")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--verify", nargs="*", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--page-cpu", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(args.items, args.submitters, args.prepare)
        return 0
    if args.page_cpu:
        print(page_cpu(args.page_cpu))
        return 0
    if args.verify is not None:
        problems = verify(args.verify)
        print("\n".join(problems))
        return 0

    pg_url = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/gcmhub_loadtest")
    databases = {"postgresql"} if args.faults else set(args.databases.split(","))
    runs = [("sqlite", {})] if "sqlite" in databases else []
    if "postgresql" in databases and postgres_available(pg_url):
        runs.append(("postgresql", {"DATABASE_URL": pg_url}))
    elif "postgresql" in databases:
        print(f"PostgreSQL not reachable at {pg_url}: its run is skipped", file=sys.stderr)
        if args.faults:
            return 1
    if args.faults and not shutil.which("pg_ctlcluster"):
        print("--faults needs pg_ctlcluster (and the right to use it)", file=sys.stderr)
        return 1
    steps = [int(s) for s in args.steps.split(",")]
    print(
        f"Targets (benchmark): ≥ {TARGET_RPS} req/s of browsing, p95 ≤ {TARGET_P95_MS} ms, "
        f"zero errors, for browsing alone; then {args.submitters} submitters join the last "
        f"step; {args.seconds} s per step after a {args.warm_up} s warm-up.",
        flush=True,
    )
    all_lines, all_problems = [], []
    for backend, extra in runs:
        with tempfile.TemporaryDirectory(prefix="gcmhub-load-") as data_dir:
            env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
            env.update(
                extra,
                GCMHUB_DATA_DIR=data_dir,
                GCMHUB_DEBUG="0",
                GCMHUB_TASK_BACKEND="database",
                GCMHUB_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
                GCMHUB_SECRET_KEY="loadtest-" + os.urandom(16).hex(),
                GCMHUB_LOG_LEVEL="ERROR",
                # Every simulated person comes from 127.0.0.1: per-address rate limits
                # would count them all as one client and refuse most of them (429).
                **{f"GCMHUB_RATE_{scope.upper()}": "" for scope in RATE_LIMITED},
            )
            if backend == "postgresql":
                recreate_database(pg_url)
            lines, problems = run_backend(backend, env, args, steps)
            all_lines += lines
            all_problems += [f"{backend}: {p}" for p in problems]
    print("\n" + HEADER)
    print("\n".join(all_lines))
    print("\n".join(all_problems) or "checks: every confirmed submission stored once, no 5xx")
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
