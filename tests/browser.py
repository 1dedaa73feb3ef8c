"""A real headless Chromium from Debian's packages, driven by Selenium (nothing downloaded).

`make test` installs the packages when they are missing (tests/install_chromium.sh).
"""

from __future__ import annotations

import os
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1100,1400",
    "--lang=fr-FR",
]


def start_chromium(profile: Path) -> webdriver.Chrome:
    """Chromium with a fresh profile; fails with the command to run when the packages are missing."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            raise RuntimeError(f"{path} is missing: run tests/install_chromium.sh (make test does)")
    os.environ["SE_AVOID_STATS"] = "true"  # Selenium Manager is not used (both paths given); no telemetry either
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    return driver


class Page:
    """The chat page as a user sees it: what is written, where the focus is."""

    def __init__(self, driver: webdriver.Chrome, url: str) -> None:
        self.driver, self.url = driver, url

    def open(self, fresh: bool = True) -> Page:
        self.driver.get(self.url + "/")
        if fresh:
            self.driver.execute_script("localStorage.clear()")
            self.driver.get(self.url + "/")
        self.wait(lambda d: self.find("#question").is_displayed())
        return self

    def wait(self, condition, timeout: float = 60):
        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(condition)

    def find(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def turns(self) -> list[WebElement]:
        return self.find_all("#conversation .turn")

    def wait_turns(self, count: int) -> WebElement:
        self.wait(lambda d: len(self.turns()) >= count)
        return self.turns()[count - 1]

    def status(self) -> str:
        element = self.find("#status")
        return element.text if element.is_displayed() else ""

    def wait_status(self, words: str, timeout: float = 30) -> str:
        self.wait(lambda d: words in self.status(), timeout)
        return self.status()

    def ask(self, question: str) -> None:
        box = self.find("#question")
        box.clear()
        box.send_keys(question)
        self.find("#send").click()

    def stored(self) -> dict:
        return self.driver.execute_script("return JSON.parse(localStorage.getItem('poles-qa:conversation'))")

    def active_id(self) -> str:
        return self.driver.execute_script("return document.activeElement.id")
