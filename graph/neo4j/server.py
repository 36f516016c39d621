"""A local Neo4j Community server for development and CI, obtained from Maven Central.

Neither Docker nor Neo4j's download site is reachable from where polgraph is developed, but
Maven Central is, and it publishes the Neo4j engine (`org.neo4j:neo4j`) and its Bolt server.
`obtain()` resolves them with `mvn` into a cache outside the repository and compiles the small
launcher kept next to this file, which runs the engine with Bolt on 127.0.0.1 and auth on: the
set-up Neo4j documents as "accessing Neo4j embedded via the Bolt protocol".

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
DEFAULT_PORT = 7687
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


def distribution_dir() -> Path:
    return cache_dir() / "neo4j" / NEO4J_VERSION


def _launcher_source() -> Path:
    return Path(str(resources.files("polgraph.graph.neo4j") / "launcher"))


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
    """Compiled launcher, keyed by its source so an edited launcher is compiled afresh."""
    source = (_launcher_source() / f"{LAUNCHER}.java").read_bytes()
    return distribution_dir() / f"classes-{hashlib.sha256(source).hexdigest()[:12]}"


def is_obtained() -> bool:
    return (distribution_dir() / "classpath.txt").exists() and (
        _classes_dir() / f"{LAUNCHER}.class"
    ).exists()


def obtain() -> Path:
    """Resolve the engine's jars and compile the launcher once; later calls return at once."""
    target = distribution_dir()
    if is_obtained():
        return target
    mvn = shutil.which("mvn") or ""
    if not mvn and not (target / "classpath.txt").exists():
        raise Neo4jFailure("Maven (`mvn`) is needed to obtain Neo4j from Maven Central")
    java = _java()
    javac = str(Path(java).with_name("javac"))
    if not Path(javac).exists():
        raise Neo4jFailure(f"{javac}: a JDK (with javac) is needed to compile the launcher")
    target.mkdir(parents=True, exist_ok=True)
    source = _launcher_source()
    if not (target / "classpath.txt").exists():
        _resolve(mvn, source, target)
    classpath = (target / "classpath.txt").read_text(encoding="utf-8").strip()
    _run(
        [javac, "-d", str(_classes_dir()), "-cp", classpath, str(source / f"{LAUNCHER}.java")],
        "compiling the Neo4j launcher",
    )
    return target


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
    (target / "classpath.part").rename(target / "classpath.txt")


def _config(port: int) -> str:
    address = f"127.0.0.1:{port}"
    return "\n".join(
        (
            "server.bolt.enabled=true",
            f"server.bolt.listen_address={address}",
            f"server.bolt.advertised_address={address}",
            "server.bolt.tls_level=DISABLED",
            "dbms.security.auth_enabled=true",
            f"server.memory.pagecache.size={PAGECACHE}",
            "db.memory.transaction.total.max=1g",
            "db.tx_log.rotation.retention_policy=2 files",
            "",
        )
    )


def _saved_port(saved: Neo4jSettings | None) -> int:
    return int(saved.uri.rsplit(":", 1)[1]) if saved else DEFAULT_PORT


def _write_config(state: Path, port: int) -> Path:
    conf = state / "neo4j.conf"
    conf.write_text(_config(port), encoding="utf-8")
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


def _log_tail(log: Path) -> str:
    try:
        lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return "no log"
    return " | ".join(lines[-3:]) or "no output"


def start(state_dir: Path | None = None, port: int | None = None) -> Neo4jSettings:
    """Run the local server (obtaining it first if needed) and wait until Bolt answers.

    Idempotent: a server already running from this state directory is left as it is.
    """
    state = state_dir or neo4j_state_dir()
    saved = saved_neo4j_settings(state)
    if _pid(state) and saved and _answers(saved):
        return saved
    chosen = port or _saved_port(saved)
    if _port_taken(chosen):
        raise Neo4jFailure(f"127.0.0.1:{chosen} is already in use; choose another with --port")
    home = obtain()
    java = _java()
    state.mkdir(parents=True, exist_ok=True)
    password_file = _password(state)
    conf = _write_config(state, chosen)
    log = state / "console.log"
    applied = state / "password.applied"
    classpath = f"{_classes_dir()}{os.pathsep}{(home / 'classpath.txt').read_text().strip()}"
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
            raise Neo4jFailure(f"{settings.uri}: Neo4j exited at start: {_log_tail(log)}")
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
    home = obtain()
    java = _java()
    _home(state_dir).mkdir(parents=True, exist_ok=True)
    if not (state_dir / "neo4j.conf").exists():
        _write_config(state_dir, _saved_port(saved_neo4j_settings(state_dir)))
    classpath = (home / "classpath.txt").read_text().strip()
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
        return ServerStatus(True, pid, uri, state, f"running (pid {pid}), Bolt answers at {uri}")
    return ServerStatus(False, pid, uri, state, f"process {pid} is up but Bolt does not answer")
