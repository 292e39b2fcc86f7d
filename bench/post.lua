-- wrk script for the "klaar" scenario: POST the form body given in BENCH_POST_BODY
-- (the CSRF token); the session and CSRF cookies come with wrk's --header.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_POST_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
