#!/usr/bin/env python3
"""Example data-feed client (数据接口): obtains a token with the client credentials, then imports a CSV or JSON file.

Python 3 standard library only. Usage:

  python3 scripts/feed-example.py --url http://localhost:5000 --client-id <id> --client-secret <secret> \
      --file values.csv [--dry-run] [--key batch-2026-07-01]

The file is sent as it is: text/csv for *.csv (UTF-8, header row), application/json otherwise ({"rows": [...]}).
Without --key a real import uses a key derived from the file's content, so sending the same file twice writes once.
Exit status: 0 when imported (or the dry run found no error), 1 when the server refused the rows (each error is
printed by row and field), 2 on other failures.
"""
import argparse
import hashlib
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


def post(url, body, content_type, headers=None):
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", content_type)
    request.add_header("Accept-Language", "zh-Hans")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read().decode("utf-8") or "null")
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8")
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, {"title": text}


def main():
    parser = argparse.ArgumentParser(description="Import indicator values through a data feed.")
    parser.add_argument("--url", default="http://localhost:5000")
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--key", help="idempotency key of the batch (default: SHA-256 of the file)")
    args = parser.parse_args()
    base = args.url.rstrip("/")

    form = urllib.parse.urlencode({
        "grant_type": "client_credentials",
        "client_id": args.client_id,
        "client_secret": args.client_secret,
    }).encode("ascii")
    status, token = post(base + "/api/feeds/token", form, "application/x-www-form-urlencoded")
    if status != 200:
        print(f"token refused ({status}): {token.get('title')}", file=sys.stderr)
        return 2

    with open(args.file, "rb") as handle:
        body = handle.read()
    content_type = "text/csv; charset=utf-8" if args.file.lower().endswith(".csv") else "application/json"
    headers = {"Authorization": "Bearer " + token["access_token"]}
    if not args.dry_run:
        headers["Idempotency-Key"] = args.key or hashlib.sha256(body).hexdigest()[:40]

    query = "?dryRun=" + ("true" if args.dry_run else "false")
    status, answer = post(base + "/api/feeds/values" + query, body, content_type, headers)
    if status == 200:
        note = "（重复提交，返回首次结果）" if answer.get("replayed") else ""
        print(f"{answer['status']}{note}: {answer['rows']} 行，新增 {answer['imported']}，更新 {answer['updated']}，未变 {answer['ignored']}")
        return 0

    print(f"refused ({status}): {answer.get('title')}", file=sys.stderr)
    for field, messages in (answer.get("errors") or {}).items():
        for message in messages:
            print(f"  {field}: {message}", file=sys.stderr)
    return 1 if status in (400, 403, 409) else 2


if __name__ == "__main__":
    sys.exit(main())
