"""docker-compose.yml, .env.example and the Dockerfile, checked as files (Docker cannot run here)."""

import re

import yaml
from settings_for_tests import every_variable
from tests_paths import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SETTINGS = every_variable()


def test_services_healthchecks_and_start_order():
    services = COMPOSE["services"]
    assert {"api", "bot", "redis", "indexer"} <= set(services)
    assert "/ready" in " ".join(services["api"]["healthcheck"]["test"])
    assert services["bot"]["depends_on"]["api"]["condition"] == "service_healthy"
    assert services["api"]["depends_on"]["redis"]["condition"] == "service_healthy"
    assert services["indexer"]["profiles"] == ["tools"]
    assert services["indexer"]["command"][:3] == ["poles-qa", "index", "build"]
    assert all("healthcheck" in services[name] for name in ("api", "bot", "redis"))


def test_index_volume_is_shared_by_indexer_and_api_and_redis_persists():
    services = COMPOSE["services"]
    mounts = {name: " ".join(services[name].get("volumes", [])) for name in ("api", "indexer", "redis")}
    assert "index:/srv/index" in mounts["api"] and "index:/srv/index" in mounts["indexer"]
    assert "/srv/corpus" in mounts["api"] and "/srv/corpus" in mounts["indexer"]
    assert "redis-data:/data" in mounts["redis"] and "--appendonly" in COMPOSE["services"]["redis"]["command"]
    assert {"index", "redis-data"} <= set(COMPOSE["volumes"])


def test_every_variable_the_compose_file_uses_is_a_setting():
    text = (ROOT / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{(POLES_QA_[A-Z_]+)", text))
    for service in COMPOSE["services"].values():
        used |= {k for k in service.get("environment", {}) if k.startswith("POLES_QA_")}
    assert used and used <= SETTINGS, used - SETTINGS


def test_bot_token_is_required_with_a_message():
    text = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r"\$\{POLES_QA_TELEGRAM_BOT_TOKEN:\?[^}]+\}", text)


def test_env_example_documents_every_setting():
    documented = set(re.findall(r"^(POLES_QA_[A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert documented == SETTINGS


def test_dockerfile_is_cpu_only_non_root_with_a_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert "download.pytorch.org/whl/cpu" in text and "torch==2.13.0" in text
    assert re.search(r"^USER (?!root)", text, re.M)
    assert "HEALTHCHECK" in text and "/ready" in text
