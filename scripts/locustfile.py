"""The people `scripts/loadtest.py` simulates, one locust process per step.

Browsers read anonymously, with no pause between requests: the home page, lists with
facets, objective pages, searches, detail pages and the JSON API, in three languages.
Submitters (LOADTEST_SUBMITTERS of them, each signed in as their own account through a
session made beforehand) save a new draft, open it again and submit it, then pause
5 to 15 seconds.

Every request is recorded by group ("browse" or "submit"), once spawning is complete,
and every submission by its unique title with what the server answered, so the
orchestrator can compute percentiles and compare the database with what people were
told. Settings come from the environment: LOADTEST_FIXTURE (written by the prepare step),
LOADTEST_RESULT (where to write), LOADTEST_SUBMITTERS, LOADTEST_STEP.
"""

import itertools
import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from locust import HttpUser, between, constant, events, task
from locust.contrib.fasthttp import FastHttpUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadtest import PAGE_WEIGHTS, page_path

RNG = random.Random()
FIXTURE = json.loads(Path(os.environ["LOADTEST_FIXTURE"]).read_text())
SUBMITTERS = int(os.environ.get("LOADTEST_SUBMITTERS", "50"))
STEP = os.environ.get("LOADTEST_STEP", "0")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOCK_VERSION = re.compile(r'name="lock_version" value="(\d+)"')
SUBMISSION = re.compile(r"/en/submissions/([0-9a-f-]{36})/")

measuring_since: list[float] = []
samples: dict[str, list[float]] = {"browse": [], "submit": []}
statuses: dict[str, Counter] = {"browse": Counter(), "submit": Counter()}
failures: Counter = Counter()
# title → what the server answered at each step: "created", "submitted", or an error.
submissions: dict[str, dict] = {}


@events.spawning_complete.add_listener
def _start_measuring(user_count, **kwargs):
    measuring_since.append(time.time())


@events.request.add_listener
def _record(request_type, name, response_time, response, exception, start_time=None, **kwargs):
    if not measuring_since or (start_time or time.time()) < measuring_since[0]:
        return
    group = "submit" if name.startswith("submit") else "browse"
    samples[group].append(response_time)
    statuses[group][getattr(response, "status_code", 0) or 0] += 1
    if exception is not None:
        failures[group] += 1


@events.test_stop.add_listener
def _write(environment, **kwargs):
    Path(os.environ["LOADTEST_RESULT"]).write_text(
        json.dumps(
            {
                "seconds": time.time() - measuring_since[0] if measuring_since else 0,
                "samples": samples,
                "statuses": {g: dict(c) for g, c in statuses.items()},
                "failures": dict(failures),
                "submissions": submissions,
            }
        )
    )


class Browser(FastHttpUser):
    wait_time = constant(0)

    @task
    def browse(self):
        kind = random.choices(list(PAGE_WEIGHTS), weights=list(PAGE_WEIGHTS.values()))[0]
        self.client.get(page_path(kind, FIXTURE, RNG), name=kind)


class Submitter(HttpUser):
    fixed_count = SUBMITTERS
    # People take a while to write; the pause follows each draft-then-submit.
    wait_time = between(5, 15)
    accounts = itertools.count()

    def on_start(self):
        self.account = FIXTURE["submitters"][next(self.accounts) % len(FIXTURE["submitters"])]
        self.client.cookies.set("sessionid", self.account["session"])
        self.sequence = itertools.count(1)

    def _form(self, title: str) -> dict:
        data = {**FIXTURE["practice"], "title": title}
        for code in FIXTURE["criteria"]:
            data[f"criterion_{code}"] = "on"
            data[f"criterion_{code}_explanation"] = "It does, as the description explains."
        return data

    def _token(self, page: str):
        match = CSRF.search(page)
        return match.group(1) if match else None

    @task
    def draft_then_submit(self):
        title = f"Load {STEP} {self.account['username']} {next(self.sequence)}"
        record = submissions[title] = {
            "account": self.account["username"],
            "answers": [],
        }
        form = self.client.get("/en/submissions/new/", name="submit: new form")
        token = self._token(form.text) if form.status_code == 200 else None
        if token is None:
            record["answers"].append(f"form {form.status_code}")
            return
        saved = self.client.post(
            "/en/submissions/new/",
            data={**self._form(title), "save": "1", "csrfmiddlewaretoken": token},
            allow_redirects=False,
            name="submit: save draft",
        )
        match = SUBMISSION.search(saved.headers.get("Location", ""))
        if saved.status_code != 302 or match is None:
            record["answers"].append(f"save {saved.status_code}")
            return
        record["answers"].append("created")
        record["reference"] = match.group(1)
        edit = self.client.get(saved.headers["Location"], name="submit: edit form")
        version = LOCK_VERSION.search(edit.text) if edit.status_code == 200 else None
        if version is None:
            record["answers"].append(f"edit {edit.status_code}")
            return
        sent = self.client.post(
            saved.headers["Location"],
            data={
                **self._form(title),
                "lock_version": version.group(1),
                "submit": "1",
                "csrfmiddlewaretoken": self._token(edit.text),
            },
            allow_redirects=False,
            name="submit: submit",
        )
        submitted = sent.status_code == 302 and sent.headers.get("Location", "").endswith(
            f"/submissions/{record['reference']}/"
        )
        record["answers"].append("submitted" if submitted else f"submit {sent.status_code}")
