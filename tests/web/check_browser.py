#!/usr/bin/env python3
"""Drives `clinic-plan serve` in a real browser: Debian's chromium and chromium-driver with
Python's selenium (all installed by scripts/setup.sh).

Usage: check_browser.py CLINIC_PLAN_BINARY SAMPLE_FOLDER [SCREENSHOT.png]

Signs in as the admin, books a free slot through the booking form, sees it on the week grid,
closes a Sunday of Dr. Ahmed Hassan, rebooks what the closure strands and applies it, and checks
every page for console errors and failed or 4xx/5xx network requests. Saves a screenshot of the
grid (the README's). Prints "browser: N passed, 0 failed" and exits 0, or what failed and exits 1.
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from serve_fixture import Served

BINARY, SAMPLE = sys.argv[1], sys.argv[2]
SCREENSHOT = sys.argv[3] if len(sys.argv) > 3 else None
AHMED = "65f000010000000000000001"
failures, checks = [], 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)


def problems(driver, page):
    """Console errors and network failures since the last call."""
    for entry in driver.get_log("browser"):
        check(entry["level"] not in ("SEVERE", "ERROR"), f"{page}: console: {entry['message']}")
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.loadingFailed":
            check(False, f"{page}: network failure: {message['params'].get('errorText')}")
        if message["method"] == "Network.responseReceived":
            response = message["params"]["response"]
            check(response["status"] < 400 or "expected" in page,
                  f"{page}: {response['url']} answered {response['status']}")


def click_and_wait(driver, element_id):
    """Clicks a submit button or link and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, element_id).click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(page))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def set_value(driver, element_id, value):
    element = driver.find_element(By.ID, element_id)
    driver.execute_script("arguments[0].value = arguments[1]", element, value)


served = Served(BINARY, SAMPLE)
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1100"):
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
# chromium's first start on a loaded machine can fail inside chromedriver: try three times.
for attempt in range(3):
    try:
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        break
    except Exception as error:  # noqa: BLE001 - any start failure is retried, the last one reported
        if attempt == 2:
            served.stop()
            raise SystemExit(f"chromium did not start: {error}")
try:
    base = served.url
    driver.get(base + "/week")
    check(driver.current_url.startswith(base + "/login"), f"not signed in: sent to the login form ({driver.current_url})")
    driver.find_element(By.ID, "email").send_keys("admin@clinicplan.example")
    driver.find_element(By.ID, "password").send_keys("clinic-demo")
    click_and_wait(driver, "signin")
    url = driver.current_url
    check(url == base + "/week", f"after sign-in, back to the page asked for: {url}")
    check("Sign out" in driver.page_source, "the menu shows the signed-in user")
    problems(driver, "login (expected redirect)")

    # Book a free slot from the grid's free-slot link.
    driver.get(f"{base}/week?date=2026-12-08&doctor={AHMED}")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.slot")]
    wanted = f"{base}/book?doctor={AHMED}&date=2026-12-08&time=09:40"
    check(wanted in links, "the week offers Tuesday 09:40 as a free slot")
    driver.get(wanted)
    Select(driver.find_element(By.ID, "patient")).select_by_value("65f000020000000000000003")
    click_and_wait(driver, "book")
    message = driver.find_element(By.ID, "message").text
    check(message.startswith("booked appointment"), f"booking: {message}")
    problems(driver, "book")
    click_and_wait(driver, "to-week")
    items = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".item.appt")]
    check("09:40 Mahmoud Reda" in items, f"the grid shows the booking: {items}")
    check(not driver.find_elements(By.XPATH, "//a[@class='slot' and text()='09:40' and contains(@href,'2026-12-08')]"),
          "09:40 is no longer free")
    if SCREENSHOT:
        driver.save_screenshot(SCREENSHOT)
    problems(driver, "week")

    # Close Sunday 2026-12-13 for Dr. Ahmed Hassan, then rebook what it strands and apply.
    driver.get(base + "/close")
    Select(driver.find_element(By.ID, "doctor")).select_by_value(AHMED)
    set_value(driver, "date", "2026-12-13")
    driver.find_element(By.ID, "reason").send_keys("National Holiday")
    click_and_wait(driver, "close")
    check("closed 2026-12-13" in driver.find_element(By.ID, "message").text, "the closure is confirmed")
    click_and_wait(driver, "to-rebook")
    set_value(driver, "days", "7")
    click_and_wait(driver, "preview")
    moves = driver.find_elements(By.CSS_SELECTOR, "#moves tr")
    check(len(moves) > 1, f"the preview lists moves ({len(moves) - 1}): {driver.current_url} {driver.page_source[:3000]}")
    check("2026-12-13" in driver.find_element(By.ID, "moves").text, "the moves come from the closed Sunday")
    problems(driver, "rebook preview")
    click_and_wait(driver, "apply")
    check(driver.find_element(By.ID, "message").text.startswith("Applied"), "the rebooking is applied")
    problems(driver, "rebook apply")
    driver.get(f"{base}/week?date=2026-12-13&doctor={AHMED}")
    check("Closed" in driver.page_source and not driver.find_elements(By.XPATH, "//div[contains(@class,'day closed')]/div[contains(@class,'item')]"),
          "nothing is left on the closed Sunday")
    problems(driver, "week after rebooking")
finally:
    driver.quit()
    served.stop()

for failure in failures:
    print("FAIL", failure)
print(f"browser: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
