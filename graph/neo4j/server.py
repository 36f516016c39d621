"""A local Neo4j Community server for development and CI, obtained from Maven Central.

Neither Docker nor Neo4j's download site is reachable from where polgraph is developed, but
Maven Central is, and it publishes the Neo4j server's jars (`org.neo4j:neo4j`, its Bolt and
HTTP connectors) and Neo4j Browser (`org.neo4j.client:neo4j-browser`). `obtain()` resolves
them with `mvn` into a cache outside the repository and compiles the small launcher kept next
to this file, which runs Neo4j's own server bootstrapper with Bolt and the HTTP connector
(serving Neo4j Browser) on 127.0.0.1, auth on.

`start()` generates a password on first start and saves it with the URI in the state directory
(`.neo4j/`, git-ignored), where `polgraph.config.neo4j_settings` finds it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from polgraph.config import (
    Neo4jSettings,
    cache_dir,
    neo4j_state_dir,
    save_neo4j_settings,
    saved_neo4j_settings,
)
from polgraph.graph.neo4j.connect import Neo4jFailure, connect

NEO4J_VERSION = "5.26.30"
BROWSER_VERSION = "5.24.0"
DEFAULT_PORT = 7687
DEFAULT_BROWSER_PORT = 7474
# A 2-core, 24 GiB machine also runs spaCy, the embedded store and a browser: Neo4j gets
# 2 GiB of heap for queries and transactions and 2 GiB of page cache for the store files.
HEAP = "2g"
PAGECACHE = "2g"
# The packaged server's own JVM options: without the --add-opens the page cache falls back
# to a slower mode of buffer access.
JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
)
START_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0
LAUNCHER = "PolgraphNeo4j"


@dataclass(frozen=True, slots=True)
class ServerStatus:
    running: bool
    pid: int | None
    uri: str | None
    state_dir: Path
    message: str
    browser_url: str | None = None


def distribution_dir() -> Path:
    return cache_dir() / "neo4j" / NEO4J_VERSION


def _launcher_source() -> Path:
    return Path(str(resources.files("polgraph.graph.neo4j") / "launcher"))


def _launcher_files() -> list[Path]:
    source = _launcher_source()
    services = (path for path in (source / "META-INF").rglob("*") if path.is_file())
    return sorted(source.glob("*.java")) + sorted(services)


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _java() -> str:
    """The JVM to run: $JAVA_HOME's when set, else `java` on PATH; Neo4j 5 needs Java 17+."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not java or not Path(java).exists():
        raise Neo4jFailure("Java 17 or newer is needed to run Neo4j: no `java` found")
    probe = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    found = re.search(r'version "(\d+)', probe.stderr + probe.stdout)
    if not found or int(found.group(1)) < 17:
        raise Neo4jFailure(f"{java}: Java 17 or newer is needed to run Neo4j {NEO4J_VERSION}")
    return java


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
        raise Neo4jFailure(f"{what} failed: " + " | ".join(tail))


def _classes_dir() -> Path:
    """Compiled launcher, keyed by its sources so an edited launcher is compiled afresh."""
    return distribution_dir() / f"classes-{_digest(_launcher_files())}"


def _classpath_file() -> Path:
    """The resolved jars, keyed by the POM so an added artifact is resolved afresh (into the
    same local repository: only what is new is downloaded)."""
    return distribution_dir() / f"classpath-{_digest([_launcher_source() / 'pom.xml'])}.txt"


def _browser_jar() -> Path:
    """Keyed by the edits, so changed edits make a fresh copy."""
    edits = repr(_OFFLINE_EDITS).encode()
    key = hashlib.sha256(edits).hexdigest()[:8]
    return distribution_dir() / f"neo4j-browser-{BROWSER_VERSION}-offline-{key}.jar"


def is_obtained() -> bool:
    return (
        _classpath_file().exists()
        and _browser_jar().exists()
        and (_classes_dir() / f"{LAUNCHER}.class").exists()
    )


def obtain() -> Path:
    """Resolve the engine's jars and compile the launcher once; later calls return at once."""
    target = distribution_dir()
    if is_obtained():
        return target
    mvn = shutil.which("mvn") or ""
    if not mvn and not _classpath_file().exists():
        raise Neo4jFailure("Maven (`mvn`) is needed to obtain Neo4j from Maven Central")
    java = _java()
    javac = str(Path(java).with_name("javac"))
    if not Path(javac).exists():
        raise Neo4jFailure(f"{javac}: a JDK (with javac) is needed to compile the launcher")
    target.mkdir(parents=True, exist_ok=True)
    source = _launcher_source()
    if not _classpath_file().exists():
        _resolve(mvn, source, target)
    jars = _resolved_jars()
    offline_browser(_original_browser_jar(jars), _browser_jar())
    classes = _classes_dir()
    _run(
        [
            javac,
            "-d",
            str(classes),
            "-cp",
            os.pathsep.join(jars),
            *(str(path) for path in sorted(source.glob("*.java"))),
        ],
        "compiling the Neo4j launcher",
    )
    shutil.copytree(source / "META-INF", classes / "META-INF", dirs_exist_ok=True)
    return target


def _resolved_jars() -> list[str]:
    return _classpath_file().read_text(encoding="utf-8").strip().split(os.pathsep)


def _original_browser_jar(jars: list[str]) -> Path:
    name = f"neo4j-browser-{BROWSER_VERSION}.jar"
    found = [jar for jar in jars if Path(jar).name == name]
    if not found:
        raise Neo4jFailure(f"{name} is missing from the resolved Neo4j classpath")
    return Path(found[0])


# What Neo4j Browser fetches from the internet whatever the server's settings say (on
# Community it treats outgoing connections as allowed): web fonts imported by its stylesheet,
# a usage-analytics script, a feedback widget and crash reports. The offline copy drops the
# font import, so the fonts come from the jar's own assets/fonts (Open Sans, Fira Code) or
# the system's, and points the scripts at an empty script of its own and crash reports
# nowhere.
_EMPTY_SCRIPT = "browser/offline.js"
_OFFLINE_EDITS = (
    (re.compile(rb"@import url\(https?://[^)]*\);?"), b""),
    (re.compile(rb'"https://cdn\.segment\.com/[^"]*"'), b'"offline.js?"'),
    (re.compile(rb'"https://canny\.io/sdk\.js"'), b'"offline.js"'),
    (re.compile(rb'dsn:"https://[^"]*"'), b'dsn:""'),
)
# Served with the browser's pages: Chromium itself refuses anything but this server and
# Bolt on loopback, should a later browser version reach out somewhere new.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; font-src 'self'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'; connect-src 'self' ws://127.0.0.1:* ws://localhost:* "
    "http://127.0.0.1:* http://localhost:*"
)


def offline_browser(original: Path, offline: Path) -> None:
    """A copy of the Neo4j Browser jar that makes no request beyond its own server."""
    part = offline.with_suffix(".part")
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(part, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith((".js", ".css", ".html")):
                for pattern, replacement in _OFFLINE_EDITS:
                    data = pattern.sub(replacement, data)
            copy.writestr(item, data)
        copy.writestr(_EMPTY_SCRIPT, b"")
    part.replace(offline)


def _server_classpath() -> str:
    """The launcher, the resolved jars, and the offline browser in place of the original."""
    jars = _resolved_jars()
    original = str(_original_browser_jar(jars))
    jars = [str(_browser_jar()) if jar == original else jar for jar in jars]
    return os.pathsep.join([str(_classes_dir()), *jars])


def _resolve(mvn: str, source: Path, target: Path) -> None:
    """Fetch the engine's jars into the cache's own Maven repository; write the classpath."""
    shutil.copyfile(source / "pom.xml", target / "pom.xml")
    _run(
        [
            mvn,
            "--batch-mode",
            "--quiet",
            f"-Dmaven.repo.local={target / 'm2'}",
            f"-Dneo4j.version={NEO4J_VERSION}",
            "-f",
            str(target / "pom.xml"),
            "dependency:build-classpath",
            f"-Dmdep.outputFile={target / 'classpath.part'}",
        ],
        f"resolving Neo4j {NEO4J_VERSION} with Maven",
    )
    (target / "classpath.part").rename(_classpath_file())


def _config(port: int, browser_port: int) -> str:
    address = f"127.0.0.1:{port}"
    web = f"127.0.0.1:{browser_port}"
    return "\n".join(
        (
            "server.bolt.enabled=true",
            f"server.bolt.listen_address={address}",
            f"server.bolt.advertised_address={address}",
            "server.bolt.tls_level=DISABLED",
            # Neo4j Browser: served by the HTTP connector, talks to Bolt over WebSocket.
            "server.http.enabled=true",
            f"server.http.listen_address={web}",
            f"server.http.advertised_address={web}",
            "server.https.enabled=false",
            # Nothing leaves the machine: no product analytics from the browser, no remote
            # content in it, no usage report from the server.
            "client.allow_telemetry=false",
            "browser.allow_outgoing_connections=false",
            "browser.remote_content_hostname_whitelist=localhost",
            "dbms.usage_report.enabled=false",
            f"dbms.security.http_static_content_security_policy_header={CONTENT_SECURITY_POLICY}",
            "dbms.security.auth_enabled=true",
            f"server.memory.pagecache.size={PAGECACHE}",
            "db.memory.transaction.total.max=1g",
            "db.tx_log.rotation.retention_policy=2 files",
            "",
        )
    )


def _saved_port(saved: Neo4jSettings | None) -> int:
    return int(saved.uri.rsplit(":", 1)[1]) if saved else DEFAULT_PORT


def browser_port(state: Path) -> int | None:
    """The HTTP port in the neo4j.conf this state directory's server runs with."""
    try:
        text = (state / "neo4j.conf").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"^server\.http\.listen_address=.*:(\d+)$", text, re.MULTILINE)
    return int(found.group(1)) if found else None


def browser_url(state: Path) -> str | None:
    port = browser_port(state)
    return f"http://127.0.0.1:{port}/browser/" if port else None


def _write_config(state: Path, port: int, browser: int) -> Path:
    conf = state / "neo4j.conf"
    conf.write_text(_config(port, browser), encoding="utf-8")
    return conf


def _home(state: Path) -> Path:
    """The engine's home: data/databases and data/transactions live under it."""
    return (state / "home").resolve()


def _pid(state_dir: Path) -> int | None:
    try:
        pid = int((state_dir / "neo4j.pid").read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    """A port nothing listens on now, for a throwaway server (tests, benchmarks)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(settings: Neo4jSettings) -> bool:
    try:
        with connect(settings):
            return True
    except Neo4jFailure:
        return False


def _password(state_dir: Path) -> Path:
    """The generated password; a new one must be applied again at the next start."""
    path = state_dir / "password"
    if not path.exists():
        (state_dir / "password.applied").unlink(missing_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(24) + "\n", encoding="utf-8")
    return path


def _log_tail(log: Path, server_log: Path) -> str:
    """The console's last lines, else the server log's: once started, the server writes
    there (a port it cannot bind, a bad setting)."""
    for path in (log, server_log):
        try:
            lines = [line for line in path.read_text(errors="replace").splitlines() if line]
        except OSError:
            continue
        if lines:
            return " | ".join(lines[-3:])
    return "no output"


def start(
    state_dir: Path | None = None, port: int | None = None, browser: int | None = None
) -> Neo4jSettings:
    """Run the local server (obtaining it first if needed) and wait until Bolt answers.

    Idempotent: a server already running from this state directory is left as it is.
    `browser` is the HTTP port of Neo4j Browser: the one given, else the last one used,
    else 7474.
    """
    state = state_dir or neo4j_state_dir()
    saved = saved_neo4j_settings(state)
    if _pid(state) and saved and _answers(saved):
        return saved
    chosen = port or _saved_port(saved)
    web = browser or browser_port(state) or DEFAULT_BROWSER_PORT
    for taken, option in ((chosen, "--port"), (web, "--browser-port")):
        if _port_taken(taken):
            raise Neo4jFailure(f"127.0.0.1:{taken} is already in use; choose another with {option}")
    obtain()
    java = _java()
    state.mkdir(parents=True, exist_ok=True)
    password_file = _password(state)
    conf = _write_config(state, chosen, web)
    log = state / "console.log"
    applied = state / "password.applied"
    classpath = _server_classpath()
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [
                java,
                "-Xms" + HEAP,
                "-Xmx" + HEAP,
                *JVM_OPTIONS,
                "-cp",
                classpath,
                LAUNCHER,
                str(_home(state)),
                str(conf.resolve()),
                *([] if applied.exists() else [str(password_file.resolve())]),
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    (state / "neo4j.pid").write_text(f"{process.pid}\n")
    settings = Neo4jSettings(
        uri=f"bolt://127.0.0.1:{chosen}",
        password=password_file.read_text().strip(),
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            (state / "neo4j.pid").unlink(missing_ok=True)
            tail = _log_tail(log, _home(state) / "logs" / "neo4j.log")
            raise Neo4jFailure(f"{settings.uri}: Neo4j exited at start: {tail}")
        if "polgraph-neo4j: ready" in log.read_text(errors="replace") and _answers(settings):
            applied.touch()
            save_neo4j_settings(settings, state)
            return settings
        time.sleep(0.5)
    stop(state)
    raise Neo4jFailure(f"{settings.uri}: Neo4j did not answer within {START_TIMEOUT:.0f}s")


def stop(state_dir: Path | None = None) -> bool:
    """Stop the server of this state directory; False when none was running."""
    state = state_dir or neo4j_state_dir()
    pid = _pid(state)
    if pid is None:
        (state / "neo4j.pid").unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline and _pid(state):
        _reap(pid)
        time.sleep(0.2)
    if _pid(state):
        os.kill(pid, signal.SIGKILL)
        _reap(pid)
    (state / "neo4j.pid").unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    """Collect the exit status when this process started the server, so it is not a zombie."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def database_dirs(state_dir: Path, database: str = "neo4j") -> tuple[Path, Path]:
    """Where one database keeps its store files and its transaction logs."""
    data = _home(state_dir) / "data"
    return data / "databases" / database, data / "transactions" / database


def admin(arguments: list[str], state_dir: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `neo4j-admin ARGUMENTS` on the server of `state_dir`, which must be stopped.

    Maven Central has no neo4j-admin script, but the engine's classpath holds its entry
    point (`org.neo4j.cli.AdminTool`) and commands; NEO4J_HOME and NEO4J_CONF point it at
    the same home and neo4j.conf the server runs with. The conf is written as `start`
    writes it when no start has done so yet.
    """
    obtain()
    java = _java()
    _home(state_dir).mkdir(parents=True, exist_ok=True)
    if not (state_dir / "neo4j.conf").exists():
        _write_config(state_dir, _saved_port(saved_neo4j_settings(state_dir)), DEFAULT_BROWSER_PORT)
    classpath = _server_classpath()
    environment = {
        **os.environ,
        "NEO4J_HOME": str(_home(state_dir)),
        "NEO4J_CONF": str(state_dir.resolve()),
    }
    return subprocess.run(
        [
            java,
            "-Xmx" + HEAP,
            *JVM_OPTIONS,
            "-cp",
            classpath,
            "org.neo4j.cli.AdminTool",
            *arguments,
        ],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def status(state_dir: Path | None = None) -> ServerStatus:
    state = state_dir or neo4j_state_dir()
    pid = _pid(state)
    saved = saved_neo4j_settings(state)
    uri = saved.uri if saved else None
    if pid is None:
        return ServerStatus(False, None, uri, state, "not running")
    if saved and _answers(saved):
        return ServerStatus(
            True,
            pid,
            uri,
            state,
            f"running (pid {pid}), Bolt answers at {uri}",
            browser_url(state),
        )
    return ServerStatus(False, pid, uri, state, f"process {pid} is up but Bolt does not answer")
