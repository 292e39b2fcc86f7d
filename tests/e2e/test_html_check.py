"""The HTML check of the browser tests reports a real error, so it cannot pass everything."""

BROKEN = b"""<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Twee keer hetzelfde id</title></head>
<body>
<p id="stap">Een</p>
<p id="stap">Twee</p>
</body>
</html>
"""


def test_a_duplicate_id_in_a_received_document_is_reported(browser, live_server, html_checker):
    context = browser.new_context(base_url=live_server.url)
    documents = html_checker.watch(context, origin=live_server.url)
    page = context.new_page()
    # Served to the browser as a document from the live server's origin, like our pages.
    page.route("**/kapot/", lambda route: route.fulfill(body=BROKEN, content_type="text/html"))
    page.goto("/kapot/")
    page.goto("/hulp/")
    # One more call on the open page before closing it: the checker reads a document's
    # body in a response handler, which may otherwise run during the close and find the
    # page gone (seen once in CI: "/hulp/: body not readable").
    assert page.locator("h1").first.inner_text()
    context.close()

    problems = documents.problems()

    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{live_server.url}/kapot/ line 6, column ")
    assert "Duplicate ID “stap”" in problems[0]
