"""Neo4j Browser as a user meets it: served by the server `polgraph neo4j start` runs, in
real headless Chromium, logged in with the saved credentials, drawing a cookbook query, and
never reaching beyond this machine."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from polgraph.config import Neo4jSettings, saved_neo4j_settings
from polgraph.graph.browser import CHROMIUM_ARGS
from polgraph.graph.neo4j import server
from polgraph.graph.neo4j.load import load
from tests.docs.cookbook import cookbook
from tests.graph.neo4j.sample import article, extraction, graph_rows, mention, triple

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
CONFLICT = {"quad_class": 3, "goldstein": -2.0, "polarity": -1}


def _graph_rows() -> object:
    first, second = article("b1", title="Feud"), article("b2", title="Strike")
    ames, bell, carland = mention("Ada Ames"), mention("Bo Bell"), mention("Carland", "GPE")
    return graph_rows(
        extraction(first, triple(first, ames, "CRITICIZE", bell, "criticised", **CONFLICT)),
        extraction(
            second,
            triple(second, carland, "ATTACK", bell, "struck", quad_class=4, polarity=-1),
            triple(second, bell, "ACCUSE", carland, "accused", 100, **CONFLICT),
        ),
    )


def test_the_browser_logs_in_draws_a_cookbook_query_and_stays_local(
    neo4j_graph: Neo4jSettings, neo4j_server_dir: Path, chromium: str
) -> None:
    from playwright.sync_api import sync_playwright

    load(_graph_rows(), neo4j_graph)
    saved = saved_neo4j_settings(neo4j_server_dir)
    url = server.browser_url(neo4j_server_dir)
    assert saved is not None and url is not None
    cypher, _ = cookbook()["Hostility as a graph"]
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.on("websocket", lambda socket: requests.append(socket.url))
            page.goto(url.removesuffix("browser/"))
            page.locator("[data-testid=boltaddress]").wait_for(timeout=60_000)
            assert (
                page.locator("[data-testid=boltaddress]")
                .input_value()
                .endswith(saved.uri.rsplit("/", 1)[1])
            )
            page.locator("[data-testid=username]").fill(saved.username)
            page.locator("[data-testid=password]").fill(saved.password)
            page.locator("[data-testid=connect]").click()
            page.get_by_text("You are connected as user").wait_for(timeout=60_000)
            page.locator("[data-testid=activeEditor] textarea").first.click()
            page.keyboard.type(" ".join(cypher.split()))
            page.keyboard.press("Control+Enter")
            nodes = page.locator("svg g.node")
            nodes.first.wait_for(timeout=60_000)
            drawn = nodes.count()
            relationships = page.locator("svg g.relationship").count()
        finally:
            browser.close()
    assert drawn == 3
    assert relationships == 3
    hosts = {urlsplit(address).hostname for address in requests}
    assert hosts == {"127.0.0.1"}, sorted(set(requests))
    assert any(address.startswith("ws://127.0.0.1") for address in requests)
