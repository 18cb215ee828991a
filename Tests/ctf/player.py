#!/usr/bin/env python3
"""A player's script written for CTFd, unchanged: list the challenges, submit flags, read the
scoreboard, with CTFd's API and its Token header. Usage: player.py BASE_URL TOKEN."""
import sys
import time

import requests

base, token = sys.argv[1].rstrip("/"), sys.argv[2]
s = requests.Session()
s.headers.update({"Authorization": f"Token {token}", "Content-Type": "application/json"})


def attempt(challenge_id, submission):
    r = s.post(f"{base}/api/v1/challenges/attempt", json={"challenge_id": challenge_id, "submission": submission})
    return r.json()["data"]["status"]


challenges = {c["name"]: c for c in s.get(f"{base}/api/v1/challenges").json()["data"]}
assert "Bouteille à la mer" in challenges, challenges.keys()
assert "Abysses" not in challenges, "a challenge whose prerequisite is unsolved is not listed"
bottle = challenges["Bouteille à la mer"]
detail = s.get(f"{base}/api/v1/challenges/{bottle['id']}").json()["data"]
assert detail["files"], detail
assert s.get(base + detail["files"][0]).text.strip() == "UNPXNTBH{yn_zre_rssnpr_gbhg}"
assert attempt(bottle["id"], "HACKAGOU{faux}") == "incorrect"
assert attempt(bottle["id"], "HACKAGOU{la_mer_efface_tout}") == "correct"
assert attempt(bottle["id"], "HACKAGOU{la_mer_efface_tout}") == "already_solved"
challenges = {c["name"]: c for c in s.get(f"{base}/api/v1/challenges").json()["data"]}
abyss = challenges["Abysses"]
assert abyss["type"] == "dynamic" and abyss["value"] == 500, abyss
assert attempt(abyss["id"], "HACKAGOU{1234-marlin}") == "correct"
me = s.get(f"{base}/api/v1/users/me").json()["data"]
# Boards, like CTFd's cached ones, may be a moment behind the last solve (a second at most).
for _ in range(30):
    board = s.get(f"{base}/api/v1/scoreboard").json()["data"]
    mine = [row for row in board if row["account_id"] == me["team_id"]]
    if mine and mine[0]["score"] >= 600:
        break
    time.sleep(0.1)
assert mine and mine[0]["score"] >= 600, (mine, me)
top = s.get(f"{base}/api/v1/scoreboard/top/10").json()["data"]
assert str(mine[0]["pos"]) in top
print(f"player script: {len(challenges)} challenges, team score {mine[0]['score']}, position {mine[0]['pos']}")
