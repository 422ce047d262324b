#!/usr/bin/env python3
"""End-to-end tests of the browser client in a real headless Chromium.

Starts the built `sessionzero serve` on a free loopback port with a temporary data folder, drives the client
with Selenium, saves a screenshot of every page into .build/e2e-screenshots/ and runs axe-core on each page:
no serious or critical violations are allowed. Usage: test_client.py SESSIONZERO_BINARY AXE_MIN_JS
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import struct
import zlib

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, ".build", "e2e-screenshots")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary):
        self.data = tempfile.mkdtemp(prefix="sz-e2e-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(self.data, "server.log"), "w")
        # Games expire after five days here, so every game is within the dashboard's week of warning.
        with open(os.path.join(self.data, "settings.json"), "w") as settings:
            json.dump({"expire": 5 * 86400}, settings)
        self.process = subprocess.Popen(
            [binary, "serve", "--data", self.data, "--localhost", "--port", str(self.port), "--quiet"],
            stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited with {self.process.returncode}: {self.read_log()}")
            try:
                urllib.request.urlopen(self.url + "/api/v1/health", timeout=1)
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise SystemExit("the server did not answer within 60 s")

    def read_log(self):
        with open(os.path.join(self.data, "server.log")) as f:
            return f.read()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


def xpath_literal(text):
    """Text as an XPath string, whichever quote it holds."""
    return f'"{text}"' if "'" in text else f"'{text}'"


class Browser:
    def __init__(self, base_url, axe_script):
        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                         "--lang=en-US", "--force-prefers-reduced-motion",
                         # A fake camera that needs no permission prompt, for the background snapshot.
                         "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
        self.base_url = base_url
        self.axe_script = axe_script
        # Live lists are redrawn as events arrive, so an element found a moment ago may be gone: look again.
        self.wait = WebDriverWait(self.driver, 10, ignored_exceptions=[StaleElementReferenceException])
        self.scanned = []

    def open(self, path):
        self.driver.get(self.base_url + path)

    def heading(self, text):
        self.wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), text))

    def find(self, selector):
        return self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))

    def field(self, label, index=0):
        """The input a visible <label> names, as a screen reader would find it (`index` picks among equal labels)."""
        path = f"//label[normalize-space()={xpath_literal(label)}]"
        self.wait.until(lambda d: len(d.find_elements(By.XPATH, path)) > index)
        label_element = self.driver.find_elements(By.XPATH, path)[index]
        return self.driver.find_element(By.ID, label_element.get_attribute("for"))

    def button(self, text):
        return self.wait.until(EC.element_to_be_clickable((By.XPATH, f"//button[normalize-space()={xpath_literal(text)}]")))

    def link(self, text):
        return self.wait.until(EC.element_to_be_clickable((By.XPATH, f"//a[normalize-space()={xpath_literal(text)}]")))

    def shoot_and_scan(self, name):
        """A screenshot for people, and axe-core for machines: serious and critical violations fail the run."""
        time.sleep(0.2)  # let fonts and late layout settle so the picture shows the page as a person would
        self.driver.save_screenshot(os.path.join(SHOTS, f"{name}.png"))
        self.driver.execute_script(self.axe_script)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => "
            "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))));"
        )
        bad = [v for v in result if v["impact"] in ("serious", "critical")]
        self.scanned.append((name, len(result)))
        assert not bad, f"axe on {name}: {json.dumps(bad, indent=1)}"

    def create_game(self, name):
        """From the signed-in dashboard: creates the game `name` and lands on its join page."""
        self.open("/")
        self.heading("Welcome, alice")
        self.field("Game name (optional)").send_keys(name)
        self.button("Create game").click()
        self.heading(f"Join {name}")

    def join_table(self):
        """From a join page: takes the seat, waits for the table to connect and returns the table's path."""
        self.button("Join the game").click()
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".connection"), "Connected"))
        return self.driver.current_url.split(self.base_url)[1]

    def console_errors(self, expected=()):
        """Script errors and CSP violations; failed loads of API resources are expected (401, 404) and left out."""
        entries = self.driver.get_log("browser")
        allowed = ("Failed to load resource", *expected)
        return [e["message"] for e in entries if e["level"] == "SEVERE" and not any(a in e["message"] for a in allowed)]


def check_account_flow(browser):
    browser.open("/")
    browser.heading("Log in")
    assert "/login?next=" in browser.driver.current_url, browser.driver.current_url
    browser.shoot_and_scan("01-login")

    browser.link("Sign up").click()
    browser.heading("Create an account")
    browser.button("Create account").click()
    error = browser.find(".field-error:not([hidden])")
    assert error.text == "Enter your name.", error.text
    browser.shoot_and_scan("02-signup-errors")
    browser.field("Name").send_keys("alice")
    browser.field("Password").send_keys("correct horse battery")
    browser.button("Create account").click()
    browser.heading("Welcome, alice")
    assert browser.driver.execute_script("return document.activeElement.tagName") == "H1", "focus moves to the new page's heading"
    browser.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".list-card ul[aria-busy]") == [])
    browser.shoot_and_scan("03-dashboard")

    browser.button("Log out").click()
    browser.heading("Log in")
    browser.field("Name").send_keys("alice")
    password = browser.field("Password")
    password.send_keys("wrong password")
    password.send_keys(Keys.ENTER)  # the keyboard alone submits
    alert = browser.find(".status-box.error:not([hidden])")
    assert alert.get_attribute("role") == "alert"
    assert alert.text, "a failed login says why"
    browser.shoot_and_scan("04-login-failed")
    password.clear()
    password.send_keys("correct horse battery", Keys.ENTER)
    browser.heading("Welcome, alice")


def check_languages(browser):
    Select(browser.find("#language-select")).select_by_value("de")
    browser.heading("Willkommen, alice")
    html = browser.driver.find_element(By.TAG_NAME, "html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("de", "ltr")
    assert browser.link("Bibliothek")
    browser.shoot_and_scan("05-dashboard-de")

    browser.driver.refresh()  # the choice is remembered
    browser.heading("Willkommen, alice")

    Select(browser.find("#language-select")).select_by_value("ar")
    browser.heading("مرحبًا، \u2068alice\u2069")  # the inserted name is isolated in right-to-left text
    assert browser.driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    brand = browser.driver.find_element(By.CSS_SELECTOR, ".brand").rect
    tools = browser.driver.find_element(By.CSS_SELECTOR, ".app-tools").rect
    assert brand["x"] > tools["x"], "right to left: the brand sits at the right, the tools at the left"
    browser.shoot_and_scan("06-dashboard-ar-rtl")
    Select(browser.find("#language-select")).select_by_value("en")
    browser.heading("Welcome, alice")


def check_pages(browser):
    browser.link("Library").click()
    browser.heading("Library")
    browser.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".list-card ul[aria-busy]") == [])
    browser.shoot_and_scan("07-library")

    browser.open("/library/nothing-here")
    browser.heading("Page not found")
    browser.shoot_and_scan("08-not-found")

    browser.driver.set_window_size(390, 844)
    browser.open("/")
    browser.heading("Welcome, alice")
    width = browser.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the phone layout does not scroll sideways ({width} px)"
    browser.shoot_and_scan("09-dashboard-phone")
    browser.driver.set_window_size(1280, 900)


def check_table_without_server(browser):
    """The table page against a game the server does not know: it draws, says it is reconnecting, and is accessible."""
    browser.open("/")
    browser.driver.execute_script(
        "localStorage.setItem('sz.seat.alice/no-such-game', JSON.stringify({playerID: 'p', credential: 'c', role: 'gm'}))")
    browser.open("/game/alice/no-such-game")
    browser.find("canvas.board")
    browser.wait.until(lambda d: "reconnecting" in d.find_element(By.CSS_SELECTOR, ".connection").text
                       or "Disconnected" in d.find_element(By.CSS_SELECTOR, ".connection").text)
    for sides in (4, 6, 8, 10, 12, 20, 100):
        assert browser.driver.find_element(By.XPATH, f"//button[@aria-label='Roll a d{sides}']")
    browser.shoot_and_scan("10-table-offline")
    browser.driver.set_window_size(390, 844)
    width = browser.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the table on a phone does not scroll sideways ({width} px)"
    browser.shoot_and_scan("10b-table-offline-phone")
    browser.driver.set_window_size(1280, 900)
    browser.driver.execute_script("localStorage.clear()")
    browser.open("/game/alice/other-game")
    browser.heading("Join other-game")
    browser.shoot_and_scan("11-join")
    errors = browser.console_errors(expected=("WebSocket connection to",))
    assert not errors, f"table without a server: console errors: {errors}"


def png(path, size=32, colour=(200, 40, 40)):
    """A small opaque PNG written with the standard library."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(colour) * size for _ in range(size))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def check_token(browser):
    """An uploaded image becomes a token; the keyboard selects it and moves it one grid cell."""
    image = os.path.join(tempfile.mkdtemp(prefix="sz-e2e-img-"), "token.png")
    png(image)
    browser.field("Add an image to the scene").send_keys(image)
    token = browser.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".token-button")))
    before = token.text
    token.click()
    board = browser.driver.switch_to.active_element
    browser.find(".token-button[aria-pressed=true]")
    assert board.tag_name == "canvas", "choosing a token moves focus to the board"
    board.send_keys(Keys.ARROW_RIGHT)
    moved = browser.wait.until(lambda d: (text := d.find_element(By.CSS_SELECTOR, ".token-button").text) != before and text)
    x_before = int(before.split("(")[1].split(",")[0])
    x_after = int(moved.split("(")[1].split(",")[0])
    assert x_after > x_before, f"{before} -> {moved}"

    # Drag it with the mouse: throttled drags while moving, one committed move on the drop.
    scene_width, scene_height = 1008, 567  # a new game's first scene
    canvas = browser.driver.find_element(By.CSS_SELECTOR, "canvas.board")
    width, height = canvas.size["width"], canvas.size["height"]
    scale = min(width / scene_width, height / scene_height)
    y_before = int(moved.split(",")[1].split(")")[0])
    start_x = (width - scene_width * scale) / 2 + x_after * scale - width / 2
    start_y = (height - scene_height * scale) / 2 + y_before * scale - height / 2
    ActionChains(browser.driver).move_to_element_with_offset(canvas, int(start_x), int(start_y)).click_and_hold() \
        .move_by_offset(-40, 10).move_by_offset(-40, 10).move_by_offset(-40, 10).release().perform()
    dropped = browser.wait.until(lambda d: (text := d.find_element(By.CSS_SELECTOR, ".token-button").text) != moved and text)
    assert int(dropped.split("(")[1].split(",")[0]) < x_after, f"{moved} -> {dropped}"
    shutil.rmtree(os.path.dirname(image), ignore_errors=True)


def check_table(browser):
    """A GM creates a game, joins it, rolls dice and adds a scene, all through the page."""
    browser.create_game("Tuesday")
    assert browser.field("Your name at the table").get_attribute("value") == "alice"
    browser.join_table()
    browser.heading("Tuesday")
    browser.driver.find_element(By.XPATH, "//button[@aria-label='Roll a d20']").click()
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".roll-log"), "alice rolled 1d20:"))
    formula = browser.field("Formula")
    formula.send_keys("2d6+1", Keys.ENTER)
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".roll-log"), "alice rolled 2d6 + 1:"))
    assert browser.find("[role=log]").get_attribute("aria-live") == "polite"
    scene = browser.field("New scene")
    scene.send_keys("Lair", Keys.ENTER)
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".scene-strip"), "Lair"))
    check_token(browser)
    browser.shoot_and_scan("12-table")
    browser.driver.refresh()  # the seat is remembered and the connection resumes
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".connection"), "Connected"))
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".roll-log"), "alice rolled 2d6 + 1:"))


def built_pack(binary, folder, broken=False):
    """A .szp of an example pack made by the CLI; `broken` zips it by hand with a szpack.json that lacks its name."""
    out_dir = tempfile.mkdtemp(prefix="sz-e2e-pack-")
    path = os.path.join(out_dir, "broken.szp" if broken else "pack.szp")
    if not broken:
        subprocess.run([binary, "pack", "build", folder, "-o", path], check=True, capture_output=True)
        return path
    import zipfile
    with zipfile.ZipFile(path, "w") as archive:
        for directory, _, files in os.walk(folder):
            for name in sorted(files):
                full = os.path.join(directory, name)
                inside = os.path.relpath(full, folder)
                if inside == "szpack.json":
                    manifest = json.load(open(full))
                    del manifest["name"]
                    archive.writestr(inside, json.dumps(manifest))
                else:
                    archive.write(full, inside)
    return path


def wait_lists(browser):
    browser.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ul[aria-busy]") == [])


def check_library(browser, binary):
    """Upload a pack and a broken one, browse a dataset with search and icons, make a character, edit its sheet."""
    browser.open("/")
    browser.heading("Welcome, alice")
    broken = built_pack(binary, os.path.join(ROOT, "examples/packs/core-fantasy"), broken=True)
    browser.field("Pack file (.szp)").send_keys(broken)
    browser.button("Upload").click()
    report = browser.find(".report")
    browser.wait.until(lambda d: "was not added" in report.text)
    assert 'Error: The field "name" is missing. (in szpack.json)' in report.text, report.text
    browser.shoot_and_scan("13-pack-invalid")

    browser.driver.refresh()
    browser.heading("Welcome, alice")
    browser.field("Pack file (.szp)").send_keys(built_pack(binary, os.path.join(ROOT, "examples/packs/core-fantasy")))
    browser.driver.find_element(By.XPATH, "//label[normalize-space()='Everyone']").click()
    browser.button("Upload").click()
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".status-box.success"), "Core Fantasy 1.0.0 is in your library."))
    browser.link("Core Fantasy 1.0.0")

    browser.link("Library").click()
    browser.heading("Library")
    wait_lists(browser)
    browser.field("Search the entries of every dataset").send_keys("dragon", Keys.ENTER)
    browser.wait.until(lambda d: d.find_elements(By.XPATH, "//a[contains(., 'Dragon')]"))
    wait_lists(browser)
    browser.shoot_and_scan("13b-library-entry-search")
    browser.link("Core Fantasy 1.0.0").click()
    browser.heading("Core Fantasy 1.0.0")
    wait_lists(browser)
    browser.shoot_and_scan("14-pack")
    browser.link("Items").click()
    browser.heading("Items")
    wait_lists(browser)
    search = browser.field("Search entries")
    search.send_keys("potion", Keys.ENTER)
    browser.wait.until(lambda d: all("Potion" in b.text or "Antitoxin" in b.text for b in d.find_elements(By.CSS_SELECTOR, ".entry-button"))
                       and len(d.find_elements(By.CSS_SELECTOR, ".entry-button")) >= 4)
    browser.button("Potion of Healing").click()
    details = browser.find(".entry-details h2")
    assert details.text == "Potion of Healing"
    assert browser.driver.switch_to.active_element == details, "the details' heading takes the focus"
    browser.wait.until(lambda d: d.execute_script(
        "return [...document.querySelectorAll('.entry-details img, .entry-button img')].every(i => i.complete && i.naturalWidth > 0)"))
    browser.shoot_and_scan("15-dataset")

    browser.driver.back()
    browser.heading("Core Fantasy 1.0.0")
    browser.link("Adventurer").click()
    browser.heading("Adventurer")
    browser.shoot_and_scan("16-template")
    browser.field("Character name").send_keys("Brom", Keys.ENTER)
    browser.heading("Brom")
    strength = browser.field("Strength")
    assert strength.get_attribute("value") == "10", "the template's default shows"
    strength.clear()
    strength.send_keys("16", Keys.TAB)
    picker = browser.field("Search to add to Equipment")
    picker.send_keys("rope")
    add_rope = browser.button("Add Hempen Rope (50 ft)")
    browser.wait.until(lambda d: d.execute_script(  # the picker shows the entry's icon
        "const i = arguments[0].querySelector('img'); return i.complete && i.naturalWidth > 0", add_rope))
    add_rope.click()
    assert "Hempen Rope (50 ft)" in browser.find(".chips").text
    browser.button("Save changes").click()
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".status-box.success"), "Saved."))
    browser.shoot_and_scan("17-character")
    browser.driver.refresh()
    browser.heading("Brom")
    assert browser.field("Strength").get_attribute("value") == "16", "the edit survives a reload"
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".chips"), "Hempen Rope (50 ft)"))
    assert "Torch" in browser.find(".chips").text, "the template's default list is kept and shown by name"
    for path in (broken,):
        shutil.rmtree(os.path.dirname(path), ignore_errors=True)


def click_token(browser, name):
    """Clicks the token list's button for a token, looking again while the live list is redrawn."""
    def attempt(driver):
        for button in driver.find_elements(By.CSS_SELECTOR, ".token-button"):
            if button.text.startswith(name):
                button.click()
                return True
        return False
    browser.wait.until(attempt)


def token_buttons(browser):
    """The texts of the token list, read in one go (the list is redrawn as events arrive)."""
    return browser.driver.execute_script("return [...document.querySelectorAll('.token-button')].map(b => b.innerText)")


def last_roll(browser):
    return browser.driver.execute_script(
        "const li = document.querySelector('.roll-log li:last-child'); return li && {id: li.dataset.roll, text: li.innerText}")


def board_pixel(browser, fx=0.5, fy=0.5):
    """The colour drawn at a fraction of the board canvas."""
    return browser.driver.execute_script(
        "const c = document.querySelector('canvas.board');"
        "return [...c.getContext('2d').getImageData(Math.floor(c.width*arguments[0]), Math.floor(c.height*arguments[1]), 1, 1).data].slice(0, 3);",
        fx, fy)


def drag_token(browser, token_x, token_y, dx, dy):
    scene_width, scene_height = 1008, 567  # a new game's first scene
    canvas = browser.driver.find_element(By.CSS_SELECTOR, "canvas.board")
    width, height = canvas.size["width"], canvas.size["height"]
    scale = min(width / scene_width, height / scene_height)
    start_x = (width - scene_width * scale) / 2 + token_x * scale - width / 2
    start_y = (height - scene_height * scale) / 2 + token_y * scale - height / 2
    ActionChains(browser.driver).move_to_element_with_offset(canvas, int(start_x), int(start_y)).click_and_hold() \
        .move_by_offset(dx // 3, dy // 3).move_by_offset(dx // 3, dy // 3).move_by_offset(dx // 3, dy // 3).release().perform()


def coordinates(text):
    inside = text.split("(")[1].split(")")[0]
    return tuple(int(part) for part in inside.split(", "))


def check_two_browsers(gm, player):
    """A GM and a player in two browsers: background, a GM-only token, a drag and a roll seen on both screens."""
    images = tempfile.mkdtemp(prefix="sz-e2e-img-")
    background, wolf, trap, hero = (os.path.join(images, f"{n}.png") for n in ("background", "wolf", "trap", "hero"))
    png(background, 64, (30, 110, 200))
    png(wolf, 32, (120, 120, 120))
    png(trap, 32, (200, 160, 20))
    png(hero, 32, (30, 160, 60))

    gm.create_game("Duel")
    table_path = gm.join_table()
    gm.field("Use as the scene's background").click()
    gm.field("Add an image to the scene").send_keys(background)
    gm.wait.until(lambda d: board_pixel(gm) == [30, 110, 200])
    gm.field("Use as the scene's background").click()
    gm.field("Add an image to the scene").send_keys(wolf)
    gm.wait.until(lambda d: len(token_buttons(gm)) == 1)
    gm.find(".token-button").click()
    label = gm.field("Label")
    label.send_keys("Wolf", Keys.ENTER)
    gm.wait.until(lambda d: token_buttons(gm)[0].startswith("Wolf"))
    gm.field("Hidden from players").click()  # the upload's checkbox: the next token is GM-only
    gm.field("Add an image to the scene").send_keys(trap)
    gm.wait.until(lambda d: len(token_buttons(gm)) == 2)
    assert any("hidden from players" in text for text in token_buttons(gm)), token_buttons(gm)
    gm.field("Hidden from players").click()  # and the ones after it are for everyone again

    player.open(table_path.replace("/game/", "/join/"))
    player.heading("Join Duel")
    player.field("Your name at the table").send_keys("bob")
    player.join_table()
    player.wait.until(lambda d: len(token_buttons(player)) == 1)
    assert token_buttons(player)[0].startswith("Wolf"), "the player sees the Wolf but not the GM-only trap"
    player.wait.until(lambda d: board_pixel(player, 0.05, 0.5) == [30, 110, 200])
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".players"), "bob"))

    # The player adds a token of their own, names it and drags it; the GM's screen follows.
    player.field("Add an image to the scene").send_keys(hero)
    player.wait.until(lambda d: len(token_buttons(player)) == 2)
    click_token(player, "Token ")  # the player's own, still unnamed
    player.field("Label").send_keys("Hero", Keys.ENTER)
    player.wait.until(lambda d: any(t.startswith("Hero") for t in token_buttons(player)))
    gm.wait.until(lambda d: any(t.startswith("Hero") for t in token_buttons(gm)))
    before = coordinates([t for t in token_buttons(player) if t.startswith("Hero")][0])
    gm.driver.execute_script("document.querySelector('.token-button').focus()")  # the GM is tabbing through the list
    focused = gm.driver.execute_script("return document.activeElement.dataset.focusKey")
    drag_token(player, before[0], before[1], -150, 60)
    player.wait.until(lambda d: coordinates([t for t in token_buttons(player) if t.startswith("Hero")][0]) != before)
    after = coordinates([t for t in token_buttons(player) if t.startswith("Hero")][0])
    assert after[0] < before[0] and after[1] > before[1], f"{before} -> {after}"
    gm.wait.until(lambda d: coordinates([t for t in token_buttons(gm) if t.startswith("Hero")][0]) == after)
    assert gm.driver.execute_script("return document.activeElement.dataset.focusKey") == focused, \
        "the list redrawn by the player's drag keeps the GM's focus where it was"

    # A ping from the keyboard (B on the selected token) is read out on the other screen.
    click_token(player, "Hero")
    player.driver.switch_to.active_element.send_keys("b")
    gm.wait.until(EC.text_to_be_present_in_element((By.ID, "announcer"), "bob pinged a spot on the board."))

    # A roll shows the same result on both screens.
    player.driver.find_element(By.XPATH, "//button[@aria-label='Roll a d20']").click()
    player.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".roll-log"), "bob rolled 1d20:"))
    rolled = last_roll(player)
    gm.wait.until(lambda d: (last_roll(gm) or {}).get("id") == rolled["id"])
    assert last_roll(gm)["text"] == rolled["text"], f"{last_roll(gm)} != {rolled}"

    # The GM picks the Hero: the player sees who selected it; then the GM hides the Wolf from the table.
    click_token(gm, "Hero")
    player.wait.until(lambda d: any("selected by alice" in t for t in token_buttons(player)))
    click_token(gm, "Wolf")
    gm.button("Hidden from players").click()
    player.wait.until(lambda d: not any(t.startswith("Wolf") for t in token_buttons(player)))
    assert gm.find("button[aria-pressed=true]").text == "Hidden from players"

    # Token editing on the GM's side: turn, resize, mirror, lock.
    gm.button("Rotate right").click()
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".token-title"), "turned 45°"))
    size = gm.field("Size")
    size.clear()
    size.send_keys("96", Keys.ENTER)
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".token-title"), "size 96"))
    gm.button("Mirror").click()
    gm.wait.until(lambda d: d.find_element(By.XPATH, "//button[normalize-space()='Mirror']").get_attribute("aria-pressed") == "true")
    gm.button("Locked").click()
    gm.wait.until(lambda d: not d.find_element(By.XPATH, "//button[normalize-space()='Rotate right']").is_enabled())

    # The ruler from the keyboard: M starts it at the selected token, arrows stretch it by grid cells.
    board = gm.find("canvas.board")
    board.click()
    click_token(gm, "Hero")
    board = gm.driver.switch_to.active_element
    board.send_keys("m", Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".ruler-output"), "Distance: 3 squares"))
    gm.shoot_and_scan("18-table-gm")
    board.send_keys(Keys.ESCAPE, Keys.ESCAPE)
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".token-panel .empty-state"), "Select a token"))

    # Several tokens at once: Ctrl+A, then a Shift-drag box over the whole board.
    board.send_keys(Keys.CONTROL, "a")
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".token-title"), "3 tokens"))
    board.send_keys(Keys.ESCAPE)
    width, height = board.size["width"], board.size["height"]
    ActionChains(gm.driver).key_down(Keys.SHIFT).move_to_element_with_offset(board, -width // 2 + 4, -height // 2 + 4) \
        .click_and_hold().move_by_offset(width // 2, height // 2).move_by_offset(width // 2 - 8, height // 2 - 8) \
        .release().key_up(Keys.SHIFT).perform()
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".token-title"), "3 tokens"))
    assert len(gm.driver.find_elements(By.CSS_SELECTOR, ".token-button[aria-pressed=true]")) == 3
    board.send_keys(Keys.ESCAPE)

    # @field: the GM rolls with Brom's Strength.
    Select(gm.field("Character for @fields")).select_by_visible_text("Brom")
    gm.wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".field-help").is_displayed())
    gm.field("Formula").send_keys("1d20+@strength", Keys.ENTER)
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".roll-log"), "alice rolled 1d20 + 16:"))
    player.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".roll-log"), "alice rolled 1d20 + 16:"))

    # A file dropped on the board becomes a token.
    count = len(token_buttons(player))
    gm.driver.execute_script("""
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 16;
        canvas.getContext('2d').fillRect(0, 0, 16, 16);
        canvas.toBlob((blob) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([blob], 'dropped.png', {type: 'image/png'}));
          document.querySelector('canvas.board').dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }, 'image/png');""")
    player.wait.until(lambda d: len(token_buttons(player)) == count + 1)

    # Music: the GM has the five slots' controls; the player (the game does not let players control music) only hears.
    assert len(gm.driver.find_elements(By.XPATH, "//label[starts-with(normalize-space(), 'Audio file for track')]")) == 5
    assert not [b for b in player.driver.find_elements(By.XPATH, "//button[starts-with(@aria-label, 'Play track')]") if b.is_displayed()]

    # A ready-made token from SessionZero's own set, drawn to a PNG in the browser and uploaded.
    count = len(token_buttons(player))
    gm.driver.find_element(By.XPATH, "//button[@aria-label='Add a token: campfire']").click()
    player.wait.until(lambda d: len(token_buttons(player)) == count + 1)
    gm.wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".asset-grid button[data-image]")) >= 5)

    # The GM shows the grid with bigger cells; the player's board draws its lines over the background.
    gm.driver.find_element(By.XPATH, "//summary[normalize-space()='Settings of the shown scene']").click()
    gm.field("Show the grid").click()
    cell = gm.field("Grid cell size")
    cell.clear()
    cell.send_keys("84")
    gm.button("Apply").click()
    player.wait.until(lambda d: any(board_pixel(player, x / 200, 0.3) != [30, 110, 200] for x in range(60, 140)))

    # The drawing tool: an index card with typed text and a line drawn with the mouse.
    gm.button("Draw a card, overlay or token").click()
    gm.wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "dialog.drawing-dialog").get_attribute("open") is not None)
    gm.field("Card title").send_keys("Clue")
    gm.field("Card text").send_keys("The butler has the key to the cellar.")
    surface = gm.find(".drawing-canvas")
    ActionChains(gm.driver).move_to_element_with_offset(surface, -60, 40).click_and_hold() \
        .move_by_offset(40, 10).move_by_offset(40, -10).release().perform()
    gm.shoot_and_scan("19a-drawing")
    count = len(token_buttons(player))
    gm.button("Add to the scene").click()
    player.wait.until(lambda d: len(token_buttons(player)) == count + 1)
    gm.wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "dialog.drawing-dialog").get_attribute("open") is None)

    player.shoot_and_scan("19-table-player")
    player.driver.set_window_size(390, 844)
    width = player.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the table on a phone does not scroll sideways ({width} px)"
    player.shoot_and_scan("20-table-player-phone")
    player.driver.set_window_size(1280, 900)

    Select(gm.find("#language-select")).select_by_value("de")
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".connection"), "Verbunden"))
    gm.shoot_and_scan("21-table-gm-de")
    Select(gm.find("#language-select")).select_by_value("en")
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".connection"), "Connected"))

    # The GM removes the player, whose page says so.
    gm.driver.find_element(By.XPATH, "//button[@aria-label='Remove bob from the game']").click()
    player.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".status-box"), "The game master removed you from the game."))

    # Someone who only watches sees the table but none of the tools that act on it.
    player.link("Join again").click()
    player.heading("Join Duel")
    name = player.field("Your name at the table")
    name.clear()
    name.send_keys("carol")
    player.field("Only watch (as a spectator)").click()
    player.join_table()
    player.wait.until(lambda d: len(token_buttons(player)) >= 3)
    assert not player.driver.find_element(By.ID, "dice-heading").is_displayed()
    assert not player.driver.find_element(By.ID, "images-heading").is_displayed()
    player.shoot_and_scan("22-table-spectator")
    shutil.rmtree(images, ignore_errors=True)


def check_thumbnails(browser):
    """The duel's background got a thumbnail at upload: the dashboard shows it, and another game offers its images."""
    browser.create_game("Bare")  # a game without any picture yet
    browser.open("/")
    browser.heading("Welcome, alice")
    picture = browser.wait.until(EC.presence_of_element_located((By.XPATH, "//img[@alt='Picture of Duel']")))
    browser.wait.until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", picture))
    assert browser.find(".game-thumbnail-none"), "a game without a picture shows a placeholder"
    sizes = browser.driver.execute_script(
        "return [...document.querySelectorAll('.game-thumbnail')].map(e => [e.offsetWidth, e.offsetHeight])")
    assert len({tuple(size) for size in sizes}) == 1, f"pictures and placeholders share one size: {sizes}"
    browser.shoot_and_scan("25-dashboard-thumbnails")
    browser.driver.set_window_size(390, 844)
    width = browser.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the dashboard with pictures does not scroll sideways on a phone ({width} px)"
    browser.shoot_and_scan("25b-dashboard-thumbnails-phone")
    browser.driver.set_window_size(1280, 900)

    browser.link("Tuesday").click()
    joined = (By.CSS_SELECTOR, ".connection")
    browser.wait.until(lambda d: d.find_elements(*joined) or d.find_elements(By.XPATH, "//button[.='Join the game']"))
    if not browser.driver.find_elements(*joined):
        browser.button("Join the game").click()
    browser.wait.until(EC.text_to_be_present_in_element(joined, "Connected"))
    other = browser.wait.until(EC.element_to_be_clickable((By.XPATH, "//button[@aria-label='Place an image from Duel']")))
    before = len(token_buttons(browser))
    other.click()
    browser.wait.until(lambda d: len(token_buttons(browser)) == before + 1)
    browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", other)
    browser.shoot_and_scan("26-table-other-games-images")
    browser.driver.set_window_size(390, 844)
    browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", other)
    width = browser.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the asset browser does not scroll sideways on a phone ({width} px)"
    browser.shoot_and_scan("26b-table-other-games-images-phone")
    browser.driver.set_window_size(1280, 900)


def tab_to(browser, describe, wanted, limit=120):
    """Presses Tab until the focused element's description (a script over `el`) equals `wanted`, as a keyboard user would."""
    for _ in range(limit):
        ActionChains(browser.driver).send_keys(Keys.TAB).perform()
        if browser.driver.execute_script(f"const el = document.activeElement; return {describe};") == wanted:
            return browser.driver.switch_to.active_element
    raise AssertionError(f"Tab never reached {wanted!r}")


LABEL_OF = "(el.labels && el.labels[0] && el.labels[0].textContent.trim()) || el.getAttribute('aria-label') || el.textContent.trim()"


def check_keyboard_only(browser):
    """A game made, joined and played with the keyboard alone: no clicks, only Tab, typing, Enter and keys."""
    browser.open("/")
    browser.heading("Welcome, alice")
    tab_to(browser, LABEL_OF, "Game name (optional)").send_keys("Keys", Keys.ENTER)
    browser.heading("Join Keys")
    assert browser.driver.switch_to.active_element.tag_name == "h1", "a new page starts at its heading"
    tab_to(browser, LABEL_OF, "Join the game").send_keys(Keys.ENTER)  # the name is filled in already
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".connection"), "Connected"))
    tab_to(browser, LABEL_OF, "Roll a d20").send_keys(Keys.ENTER)
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".roll-log"), "alice rolled 1d20:"))
    tab_to(browser, LABEL_OF, "Add a token: hero").send_keys(Keys.ENTER)
    browser.wait.until(lambda d: len(token_buttons(browser)) == 1)
    before = coordinates(token_buttons(browser)[0])
    tab_to(browser, "el.className", "token-button").send_keys(Keys.ENTER)
    board = browser.driver.switch_to.active_element
    assert board.tag_name == "canvas", "picking a token from the list puts the focus on the board"
    board.send_keys(Keys.ARROW_DOWN, "r")
    browser.wait.until(lambda d: coordinates(token_buttons(browser)[0])[1] > before[1])
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".token-title"), "turned 45°"))
    focus = browser.driver.execute_script(
        "const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2")
    assert focus, "the focused board shows a visible focus ring"


def check_schedule(browser, player):
    """The GM plans the next session; the countdown link opens the table (GM) and the join page (guest) with a countdown."""
    browser.open("/")
    browser.heading("Welcome, alice")
    warning = browser.find(".expiry-warning")
    assert "May expire on" in warning.text and "open it to keep it" in warning.text, warning.text
    browser.driver.find_element(By.XPATH, "//summary[@aria-label='Plan the next session of Tuesday']").click()
    when = browser.field("Date and time")
    # datetime-local takes typed digits in a locale-dependent order; setting its value is what a picker does.
    browser.driver.execute_script(
        "const d = new Date(Date.now() + (51 * 60 + 30) * 60000), p = (n) => String(n).padStart(2, '0');"
        "arguments[0].value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;",
        when)
    when.find_element(By.XPATH, "ancestor::form//button[normalize-space()='Save']").click()
    link = browser.field("Countdown link").get_attribute("value")
    assert "/game/alice/" in link and "?session=" in link, link
    assert browser.field("Discord timestamp").get_attribute("value").startswith("<t:")
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".next-session"), "Next session: in 2 days"))
    browser.driver.find_element(By.XPATH, "//button[@aria-label='Copy the Countdown link']").click()
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".copy-result"), "copied"))
    browser.shoot_and_scan("13-dashboard-scheduler")
    browser.driver.set_window_size(390, 844)
    browser.shoot_and_scan("13-dashboard-scheduler-phone")
    browser.driver.set_window_size(1280, 900)

    browser.driver.get(link)
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".session-countdown"), "Next session in 2 days, 3 hours"))
    assert browser.find(".session-countdown [role=timer]").is_displayed()
    browser.shoot_and_scan("14-table-countdown")
    player.driver.get(link)
    player.heading("Join Tuesday")
    player.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".session-countdown"), "Next session in 2 days"))
    player.shoot_and_scan("15-join-countdown")
    player.driver.set_window_size(390, 844)
    player.shoot_and_scan("15-join-countdown-phone")
    player.driver.set_window_size(1280, 900)


def check_snapshot(browser):
    """The GM takes a still from the (fake) camera and it becomes the scene's background; the camera is let go."""
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".connection"), "Connected"))
    images = len(browser.driver.find_elements(By.CSS_SELECTOR, ".asset-grid button[data-image]"))
    browser.button("Snapshot from camera").click()
    use = browser.wait.until(lambda d: (b := d.find_element(By.XPATH, "//button[normalize-space()='Use as background']")).is_enabled() and b)
    browser.wait.until(lambda d: d.execute_script("return document.querySelector('.snapshot-preview').videoWidth > 0"))
    browser.shoot_and_scan("16-table-snapshot")
    use.click()
    browser.wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".asset-grid button[data-image]")) == images + 1)
    def camera_released(driver):
        # A dialog's "close" event, which lets the camera go, comes in a task of its own after the click.
        return driver.execute_script("return document.querySelector('.snapshot-preview').srcObject") is None

    browser.wait.until(camera_released, "the camera is stopped once the picture is taken")
    browser.button("Snapshot from camera").click()
    browser.wait.until(lambda d: d.find_element(By.XPATH, "//button[normalize-space()='Use as background']").is_enabled())
    browser.driver.find_element(By.XPATH, "//dialog[@open]//button[normalize-space()='Cancel']").click()
    browser.wait.until(camera_released, "the camera is stopped when the dialog is cancelled")


def check_area_select(browser):
    """"Select area" (for touch screens, which have no Shift) makes a plain drag draw a selection box."""
    canvas = browser.driver.find_element(By.CSS_SELECTOR, "canvas.board")
    canvas.send_keys(Keys.ESCAPE)
    browser.wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".token-button[aria-pressed=true]"))
    area = browser.button("Select area")
    area.click()
    assert area.get_attribute("aria-pressed") == "true"
    width, height = canvas.size["width"], canvas.size["height"]
    ActionChains(browser.driver).move_to_element_with_offset(canvas, -width // 2 + 2, -height // 2 + 2).click_and_hold() \
        .move_by_offset(width // 2, height // 2).move_by_offset(width // 2 - 4, height // 2 - 4).release().perform()
    browser.find(".token-button[aria-pressed=true]")
    area.click()
    assert area.get_attribute("aria-pressed") == "false"


def check_session_sheet(gm, player):
    """The game's session sheet: the GM writes Notes and GM-only GM notes; the player reads the Notes only."""
    secret = "The innkeeper is the dragon."
    gm.create_game("Ledger")
    table_path = gm.join_table()
    gm.button("Session sheet").click()
    gm.field("Notes").send_keys("We met at the Crooked Lantern.")
    gm_notes = gm.field("GM notes GM only")  # the badge is part of the label, so screen readers say it too
    gm_notes.send_keys(secret, Keys.TAB)  # leaving the field is what counts it as changed
    gm.button("Save sheet").click()
    gm.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".session-sheet-dialog .status-box"), "Session sheet saved."))
    gm.shoot_and_scan("30-session-sheet-gm")
    gm.driver.set_window_size(390, 844)
    gm.shoot_and_scan("31-session-sheet-gm-phone")
    gm.driver.set_window_size(1280, 900)
    gm.button("Close").click()

    player.open(table_path.replace("/game/", "/join/"))
    player.heading("Join Ledger")
    name = player.field("Your name at the table")
    name.clear()
    name.send_keys("dora")
    player.join_table()
    player.button("Session sheet").click()
    player.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".session-sheet-dialog"), "We met at the Crooked Lantern."))
    shown = player.find(".session-sheet-dialog").text
    assert "GM notes" not in shown and secret not in shown, shown
    assert secret not in player.driver.page_source, "the GM-only value reached the player's page"
    assert not player.driver.find_elements(By.CSS_SELECTOR, ".session-sheet-dialog textarea, .session-sheet-dialog input"), \
        "the player's sheet is read-only"
    player.shoot_and_scan("32-session-sheet-player")
    player.driver.set_window_size(390, 844)
    width = player.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the session sheet on a phone does not scroll sideways ({width} px)"
    player.shoot_and_scan("33-session-sheet-player-phone")
    player.driver.set_window_size(1280, 900)

    # The GM changes the sheet again: the player's open sheet follows (session.changed on the socket).
    gm.button("Session sheet").click()
    notes = gm.field("Notes")
    notes.clear()
    notes.send_keys("Session 2: the road north.", Keys.TAB)
    gm.button("Save sheet").click()
    player.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".session-sheet-dialog"), "Session 2: the road north."))
    assert secret not in player.driver.page_source
    gm.button("Close").click()
    player.button("Close").click()


def check_game_files(browser):
    """Import a game from a picture, export, clean up and delete it; start one from a session template; play music."""
    folder = tempfile.mkdtemp(prefix="sz-e2e-files-")
    picture = os.path.join(folder, "cave.png")
    png(picture, 48, (90, 60, 30))
    browser.open("/")
    browser.heading("Welcome, alice")
    browser.field("Image, game export or session pack").send_keys(picture)
    browser.field("Game name (optional)", index=1).send_keys("Cave")
    browser.button("Import").click()
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Cave is ready."))
    browser.link("Cave")
    browser.wait.until(EC.presence_of_element_located((By.XPATH, "//img[@alt='Picture of Cave']")))  # made after the import
    export = browser.wait.until(EC.presence_of_element_located((By.XPATH, "//a[@aria-label='Export Cave as a ZIP']")))
    answer = browser.driver.execute_async_script(
        "const done = arguments[1]; fetch(arguments[0]).then(r => done([r.status, r.headers.get('Content-Type')]));",
        export.get_attribute("href"))
    assert answer == [200, "application/zip"], answer
    browser.driver.find_element(By.XPATH, "//button[@aria-label='Remove the files Cave no longer uses']").click()
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".status-box.success"), "Cave:"))
    browser.shoot_and_scan("23-dashboard-game-files")
    browser.driver.find_element(By.XPATH, "//button[@aria-label='Delete Cave']").click()
    browser.driver.switch_to.alert.accept()
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".status-box.success"), "Cave deleted."))
    browser.wait.until(lambda d: not d.find_elements(By.XPATH, "//a[normalize-space()='Cave']"))

    browser.link("Library").click()
    browser.link("Core Fantasy 1.0.0").click()
    browser.heading("Core Fantasy 1.0.0")
    browser.driver.find_element(By.XPATH, "//button[starts-with(@aria-label, 'Start a game from')]").click()
    browser.heading("Join")
    browser.join_table()

    # A track in slot 1: uploaded, then played (the state shows in every browser; the sound may be muted here).
    track = os.path.join(folder, "drums.wav")
    import wave
    with wave.open(track, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\0\0" * 800)
    browser.field("Audio file for track 1").send_keys(track)
    browser.wait.until(lambda d: d.find_element(By.XPATH, "//button[@aria-label='Play track 1']").is_enabled())
    browser.driver.find_element(By.XPATH, "//button[@aria-label='Play track 1']").click()
    browser.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".music-slots li:first-child"), "playing"))
    browser.shoot_and_scan("24-table-from-template")
    shutil.rmtree(folder, ignore_errors=True)


def named(name, check):
    check.__name__ = name
    return check


def main():
    binary, axe_path = sys.argv[1], sys.argv[2]
    os.makedirs(SHOTS, exist_ok=True)
    with open(axe_path) as f:
        axe_script = f.read()
    server = Server(binary)
    browser = None
    player = None
    try:
        browser = Browser(server.url, axe_script)
        checks = [check_account_flow, check_languages, check_pages, check_table_without_server]
        player = Browser(server.url, axe_script)
        checks += [check_table, named("check_schedule", lambda b: check_schedule(b, player)), check_snapshot,
                   check_area_select,
                   named("check_library", lambda b: check_library(b, binary)),
                   named("check_two_browsers", lambda b: check_two_browsers(b, player)), check_thumbnails,
                   check_keyboard_only, named("check_session_sheet", lambda b: check_session_sheet(b, player)),
                   check_game_files]
        for check in checks:
            try:
                check(browser)
            except Exception:
                browser.driver.save_screenshot(os.path.join(SHOTS, f"failed-{check.__name__}.png"))
                print("browser console:", browser.driver.get_log("browser"))
                if player:
                    player.driver.save_screenshot(os.path.join(SHOTS, f"failed-{check.__name__}-player.png"))
                    print("player's browser console:", player.driver.get_log("browser"))
                raise
            for who in (browser, player):
                errors = who.console_errors() if who else []
                assert not errors, f"{check.__name__}: console errors: {errors}"
            print(f"ok - {check.__name__}")
        scanned = len(browser.scanned) + (len(player.scanned) if player else 0)
        print(f"{len(checks)} browser checks passed with {2 if player else 1} browsers; axe scanned {scanned} pages; screenshots in {SHOTS}")
    finally:
        for who in (browser, player):
            if who:
                who.driver.quit()
        server.stop()


if __name__ == "__main__":
    main()
