"""Run the real python-telegram-bot Application in a thread against the local Bot API stand-in."""

from __future__ import annotations

import asyncio
import threading

from telegram import Update

from bot.app import build_application


class BotRunner:
    def __init__(self, settings) -> None:
        self.application = build_application(settings)
        self.loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._main())

    async def _main(self) -> None:
        # What run_polling does, minus signal handling (not available off the main thread).
        self._stop = asyncio.Event()
        app = self.application
        async with app:
            await app.post_init(app)
            await app.start()
            await app.updater.start_polling(poll_interval=0.05, timeout=1, allowed_updates=Update.ALL_TYPES)
            self._ready.set()
            await self._stop.wait()
            await app.updater.stop()
            await app.stop()
            await app.post_shutdown(app)

    def __enter__(self) -> BotRunner:
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("bot did not start")
        return self

    def __exit__(self, *exc) -> None:
        self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(30)
