"""Settings sections from flat keyword arguments, as the POLES_QA_* variables name them."""

from __future__ import annotations

from api.settings import ApiSettings
from bot.settings import BotSettings
from qa.settings import AnswerSettings, IndexSettings, ServerSettings, StateSettings

SECTIONS = {"index": IndexSettings, "answer": AnswerSettings, "state": StateSettings}
EVERY_SECTION = [IndexSettings, AnswerSettings, StateSettings, ApiSettings, BotSettings]


def every_variable() -> set[str]:
    return {f"POLES_QA_{name.upper()}" for section in EVERY_SECTION for name in section.model_fields}


def server_settings(**values) -> ServerSettings:
    """ServerSettings with each value put in the section that owns it; unknown names are an error."""
    parts = {}
    for key, section in SECTIONS.items():
        own = {k: values.pop(k) for k in list(values) if k in section.model_fields}
        parts[key] = section(**own)
    assert not values, f"not a server setting: {sorted(values)}"
    return ServerSettings(**parts)


def api_settings(**values) -> ApiSettings:
    return ApiSettings(**values)


def bot_settings(**values) -> BotSettings:
    return BotSettings(**values)
