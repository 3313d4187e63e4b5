"""Optional: the official Python KalturaApiClient (XML responses), unchanged, against a running simulator.

Setup once:  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt
Run:         .venv/bin/python check_python.py http://127.0.0.1:8081
Prints `ok - ...` / `not ok - ...` and ends with `N passed, M failed`; exits 1 on failure.
"""

import hashlib
import sys

from KalturaClient import KalturaClient, KalturaConfiguration
from KalturaClient.exceptions import KalturaException
from KalturaClient.Plugins.Core import KalturaBaseEntryFilter, KalturaFilterPager, KalturaSessionType

# Fake demo fixtures (crates/sim/fixtures/demo.toml).
PARTNER_ID = 2506752
USER_SECRET = "FAKE-demo-user-secret-0001"
APP_TOKEN_ID = "0_apptk256"
APP_TOKEN = "feedface00000000000000000000a256"


def client(base):
    config = KalturaConfiguration()
    config.serviceUrl = base
    return KalturaClient(config)


def check_user_session(c):
    ks = c.session.start(USER_SECRET, "demo-user", KalturaSessionType.USER, PARTNER_ID, 3600)
    assert ks.startswith("djJ8"), ks


def check_wrong_secret(c):
    try:
        c.session.start("wrong", "demo-user", KalturaSessionType.USER, PARTNER_ID)
    except KalturaException as error:
        assert error.code == "START_SESSION_ERROR", error.code
        return
    raise AssertionError("no error")


def check_widget_and_app_token(c):
    widget = c.session.startWidgetSession("_%d" % PARTNER_ID)
    assert widget.partnerId == PARTNER_ID, widget.partnerId
    c.setKs(widget.ks)
    token_hash = hashlib.sha256((widget.ks + APP_TOKEN).encode()).hexdigest()
    info = c.appToken.startSession(APP_TOKEN_ID, token_hash)
    assert info.privileges == "sessionid:%s,apptoken:%s" % (APP_TOKEN_ID, APP_TOKEN_ID), info.privileges
    c.setKs(None)


def check_list(c):
    c.setKs(c.session.start(USER_SECRET, "demo-user", KalturaSessionType.USER, PARTNER_ID))
    listed = c.baseEntry.list(KalturaBaseEntryFilter(), KalturaFilterPager(pageSize=2))
    assert listed.totalCount == 4 and len(listed.objects) == 2, listed.totalCount
    c.setKs(None)


def check_multirequest(c):
    c.startMultiRequest()
    c.session.startWidgetSession("_%d" % PARTNER_ID)
    entry_filter = KalturaBaseEntryFilter()
    entry_filter.idIn = "1_demo0003,1_demo0004"
    c.setKs("{1:result:ks}")
    c.baseEntry.list(entry_filter)
    results = c.doMultiRequest()
    c.setKs(None)
    assert results[1].totalCount == 2, results


def main():
    if len(sys.argv) != 2:
        print("usage: check_python.py <simulator base URL>", file=sys.stderr)
        return 2
    checks = [
        ("session.start with the user secret", check_user_session),
        ("session.start with a wrong secret raises START_SESSION_ERROR", check_wrong_secret),
        ("startWidgetSession then appToken.startSession (SHA256)", check_widget_and_app_token),
        ("baseEntry.list with a USER KS, paged", check_list),
        ("multirequest with {1:result:ks}", check_multirequest),
    ]
    passed = failed = 0
    for name, run in checks:
        try:
            run(client(sys.argv[1]))
            passed += 1
            print("ok - " + name)
        except Exception as error:  # report every failure and keep going
            failed += 1
            print("not ok - %s: %r" % (name, error))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
