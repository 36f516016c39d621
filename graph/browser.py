"""Headless Chromium for looking at drawn pages: tests, the benchmark and docs screenshots.

One launcher for all of them, so they all see the page the same way. The browser is the
system's Chromium (POLGRAPH_CHROMIUM, else `chromium` on PATH): Playwright's own
downloads are not used.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")
READY_TIMEOUT_MS = 120_000


def chromium_path() -> str | None:
    """The Chromium executable to use, or None when this machine has none."""
    configured = os.environ.get("POLGRAPH_CHROMIUM")
    if configured:
        return configured
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass(slots=True)
class PageLog:
    """What a page did besides drawing: console errors, failed scripts and every request."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests that would need a network: anything but the file itself and data URLs."""
        return [url for url in self.requests if not url.startswith(("file://", "data:"))]


@contextmanager
def open_page(
    html_path: Path, *, width: int = 1400, height: int = 900, wait: bool = True
) -> Iterator[tuple[Any, PageLog]]:
    """Load a page in headless Chromium and, unless `wait` is false, wait until its graph
    is laid out and drawn."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise FileNotFoundError("no Chromium found: set POLGRAPH_CHROMIUM or install chromium")
    log = PageLog()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on(
                "console", lambda msg: log.errors.append(msg.text) if msg.type == "error" else None
            )
            page.on("pageerror", lambda exc: log.errors.append(str(exc)))
            page.on("request", lambda request: log.requests.append(request.url))
            page.goto(Path(html_path).resolve().as_uri())
            if wait:
                wait_ready(page)
            yield page, log
        finally:
            browser.close()


def wait_ready(page: Any) -> None:
    """Until the network has stabilised (or, with a precomputed layout, first drawn)."""
    page.wait_for_function(
        "() => window.polgraph && window.polgraph.ready", timeout=READY_TIMEOUT_MS
    )


def screenshot(html_path: Path, png_path: Path, *, width: int = 1400, height: int = 900) -> Path:
    """A PNG of the page as a reader first sees it, e.g. for the README."""
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with open_page(html_path, width=width, height=height) as (page, _):
        page.wait_for_timeout(300)
        page.screenshot(path=str(png_path))
    return png_path
