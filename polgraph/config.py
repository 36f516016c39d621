"""Where polgraph finds its settings: CLI options, then environment variables, then saved files.

Neo4j's own variable names (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) are used
so a shell already set up for Neo4j tools works unchanged. `polgraph neo4j start` saves the
connection of the server it runs, so later commands need no variables at all.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

NEO4J_STATE_DIR = Path(".neo4j")
CONNECTION_FILE = "connection.json"


@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    uri: str
    username: str = "neo4j"
    password: str = ""
    database: str = "neo4j"


def cache_dir() -> Path:
    """Downloads shared by every checkout of the user: never inside a repository."""
    if explicit := os.environ.get("POLGRAPH_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "polgraph"


def neo4j_state_dir() -> Path:
    """The local server's data, logs and saved connection: `.neo4j/` of the working directory
    (git-ignored), like the embedded store's `.polgraph/`, so each project has its own graph."""
    return Path(os.environ.get("POLGRAPH_NEO4J_DIR") or NEO4J_STATE_DIR)


def saved_neo4j_settings(state_dir: Path | None = None) -> Neo4jSettings | None:
    path = (state_dir or neo4j_state_dir()) / CONNECTION_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not data.get("uri"):
        return None
    fields = ("uri", "username", "password", "database")
    return Neo4jSettings(**{key: str(data[key]) for key in fields if data.get(key)})


def save_neo4j_settings(settings: Neo4jSettings, state_dir: Path | None = None) -> Path:
    """Write the connection with owner-only permissions: it holds the password."""
    directory = state_dir or neo4j_state_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / CONNECTION_FILE
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
    return path


def neo4j_settings(
    uri: str | None = None,
    username: str | None = None,
    password: str | None = None,
    database: str | None = None,
    state_dir: Path | None = None,
) -> Neo4jSettings | None:
    """The Neo4j connection to use, or None when nothing names a server.

    Each field comes from the first that gives it: the argument (a CLI option), the
    NEO4J_* variable, the connection saved by `polgraph neo4j start`, the Neo4j default.
    """
    saved = saved_neo4j_settings(state_dir)
    given = {
        "uri": uri or os.environ.get("NEO4J_URI"),
        "username": username or os.environ.get("NEO4J_USERNAME"),
        "password": password or os.environ.get("NEO4J_PASSWORD"),
        "database": database or os.environ.get("NEO4J_DATABASE"),
    }
    if not given["uri"] and saved is None:
        return None
    base = asdict(saved) if saved else {}
    merged = {key: value for key, value in base.items() if value}
    merged.update({key: value for key, value in given.items() if value})
    return Neo4jSettings(**merged)
