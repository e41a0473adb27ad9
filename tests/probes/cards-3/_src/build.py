#!/usr/bin/env python3
"""Build the p9 (cards-3) probe set: cards.jsonl, replies.jsonl, conversations.jsonl."""
import json
import os
import sys
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from cards import CARDS  # noqa: E402
from replies import REPLIES  # noqa: E402
from conversations import CONVS  # noqa: E402

NEVER = ["never-ask.generic-opener", "never-ask.order-number", "never-ask.explain-again", "never-ask.known-detail"]
AVOID = ["avoid.blame-ai", "avoid.over-apologize"]
ALWAYS = {"n": "always.use-name", "i": "always.introduce-self", "a": "always.acknowledge-issue",
          "r": "always.reference-context", "s": "always.state-action", "t": "always.set-timeline"}
ALWAYS_IDS = list(ALWAYS.values())
CLOSE = ["close.summarize", "close.next-steps", "close.anything-else", "close.thank"]
TONE = "tone.empathy-missing"
TRIGGER = {"frustrated", "angry", "upset", "annoyed", "irritated", "furious"}
CALM = {"neutral", "calm", "anxious", "worried", "confused"}


def u16(s, i):
    return len(s[:i].encode("utf-16-le")) // 2


cards = {c["id"]: c for c in CARDS}


def no_name(card):
    e = card["expect"]
    return e.get("customer_name", "x") is None and e.get("first_name", "x") is None


def build_reply(n, entry):
    card_id, phase, text, fire, kw = entry
    card = cards[card_id]
    rid = "p9-r%03d" % n
    must, mustnot = [], []
    openset = set(kw.get("open", []))
    for rule in NEVER + AVOID:
        if rule in fire:
            must.append(rule)
        elif rule not in openset:
            mustnot.append(rule)
    for rule in fire:
        assert rule in NEVER + AVOID, (rid, rule)
    checklist = {}
    if phase == "first":
        ck = dict(kw.get("ck", {}))
        if no_name(card):
            ck["n"] = None
        for k, v in ck.items():
            checklist[ALWAYS[k]] = v
            (must if v is False else mustnot).append(ALWAYS[k])
        sent = card["expect"].get("sentiment")
        tone = kw.get("tone")
        if tone is None:
            if sent in CALM:
                tone = "nofire"
            elif sent in TRIGGER and "emp" in kw:
                tone = "nofire" if kw["emp"] else "fire"
        if tone == "fire":
            must.append(TONE)
        elif tone == "nofire":
            mustnot.append(TONE)
        mustnot += CLOSE
    else:
        assert "ck" not in kw, rid
        mustnot += ALWAYS_IDS + [TONE]
        if phase != "closing":
            mustnot += CLOSE
    assert not set(must) & set(mustnot), rid
    d = {"id": rid, "card_id": card_id, "phase": phase, "reply": text,
         "must_fire": must, "must_not_fire": mustnot, "checklist": checklist}
    hints = []
    for rule, sub in kw.get("span", []):
        assert rule in must, (rid, rule)
        assert text.count(sub) == 1, (rid, sub)
        i = text.index(sub)
        hints.append({"rule": rule, "text": sub, "start": u16(text, i), "end": u16(text, i + len(sub))})
    for rule in must:
        if rule in NEVER:
            assert any(h["rule"] == rule for h in hints), (rid, "missing span for", rule)
    if hints:
        d["span_hints"] = hints
    if kw.get("note"):
        d["note"] = kw["note"]
    return d


def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def build_conv(c):
    msgs = [{"role": r, "text": t, "at": a} for r, t, a in c["messages"]]
    first_agent = next(i for i, m in enumerate(msgs) if m["role"] == "agent")
    ais = [i for i in range(first_agent) if msgs[i]["role"] == "ai"]
    h = ais[-1] if ais else 0
    ttfr = (ts(msgs[first_agent]["at"]) - ts(msgs[h]["at"])).total_seconds()
    if ttfr == int(ttfr):
        ttfr = int(ttfr)
    metrics = {"time_to_first_response_s": ttfr}
    metrics.update(c["metrics"])
    nrep = sum(len(v) for v in c["must"].values())
    assert metrics["repeat_questions"] == nrep, c["id"]
    for k in c["must"]:
        assert msgs[int(k)]["role"] == "agent", (c["id"], k)
    # timestamps increase
    for a, b in zip(msgs, msgs[1:]):
        assert ts(a["at"]) < ts(b["at"]), (c["id"], a["at"])
    expect = {"qa": c["qa"], "metrics": metrics}
    if c["must"]:
        expect["message_must_fire"] = c["must"]
    if c["context"]:
        expect["context"] = c["context"]
    return {"id": c["id"], "summary": c["summary"], "messages": msgs, "expect": expect, "note": c["note"]}


def main():
    replies = [build_reply(i + 1, e) for i, e in enumerate(REPLIES)]
    convs = [build_conv(c) for c in CONVS]
    for c in CARDS:
        e = c["expect"]
        if "vip" not in e:
            pass
        for k in ("order_numbers", "emails"):
            if k in e:
                assert len(e[k]) == len(set(e[k])), (c["id"], k)
                for v in e[k]:
                    assert v in c["card"] or v.replace("-", "&#8209;") in c["card"], (c["id"], v)
        for k in ("customer_name", "first_name", "summary"):
            v = e.get(k)
            if isinstance(v, str) and k != "summary":
                assert v in c["card"] or v.replace("'", "&#39;") in c["card"], (c["id"], k, v)
    with open(os.path.join(OUT, "cards.jsonl"), "w", encoding="utf-8") as f:
        for c in CARDS:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "replies.jsonl"), "w", encoding="utf-8") as f:
        for r in replies:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for c in convs:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(len(CARDS), "cards,", len(replies), "replies,", len(convs), "conversations")


if __name__ == "__main__":
    main()
