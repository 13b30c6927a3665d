"""Signs in to a running `clinic-plan serve` over plain HTTP and gets an admin-issued bearer token."""
import http.cookiejar
import json
import re
import urllib.parse
import urllib.request


def bearer_token(base, email="admin@clinicplan.example", password="clinic-demo", act_as=None):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf": csrf, "email": email, "password": password, "next": "/book"}).encode()
    page = opener.open(base + "/login", data=form).read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    request = urllib.request.Request(base + "/api/v1/tokens", data=json.dumps({"email": act_as or email}).encode(),
                                     headers={"Content-Type": "application/json", "X-CSRF-Token": csrf}, method="POST")
    return json.loads(opener.open(request).read())["token"]
