#!/usr/bin/env python3
"""Counts the entity errors on a GUM file that are convention conflicts between CoNLL-2003, which
newsmark follows, and GUM, and prints the exact F1 with them read GUM's way.

    newsmark annotate ../shared/corpus/gum_news_dev.jsonl /tmp/pred.jsonl
    python3 scripts/eval/gum_conflicts.py ../shared/corpus/gum_news_dev.jsonl /tmp/pred.jsonl

or on the cross-validation's names (each document tagged by a model that never saw it):

    newsmark cv-ner --shuffle-seeds 1 --silver target/silver/polnear_train.jsonl --pred /tmp/cv.jsonl
    python3 scripts/eval/gum_conflicts.py ../shared/corpus/gum_all_dev.jsonl /tmp/cv.jsonl

Three conflicts are counted:
- a nationality adjective ("Afghan team", "English captain"), a listed nationality: MISC in
  CoNLL-2003, no name in GUM. Read GUM's way, the predicted span is dropped.
- a listed country or city that GUM marks ORG (a national team, a government: "Belgium defeated
  Panama", "North Korea puts military ..."): CoNLL-2003 marks it LOC, newsmark a place. Read GUM's
  way, the place counts as right.
- a work's title after a noun for it (src/entities/work_nouns.txt) that GUM cuts at a word inside
  it, marking only its first words or the names in it ("Ghost" of "the film Ghost in the Shell",
  "Copying" and "Beethoven" of "the drama Copying Beethoven"): CoNLL-2003 marks a title whole, as
  newsmark does. Read GUM's way, the predicted title is dropped (GUM's pieces stay missed).
"""

import json
import os
import re
import sys

KINDS = ("PERSON", "ORG", "PLACE", "MISC")
LISTS = os.path.join(os.path.dirname(__file__), "..", "..", "src", "entities")


def words(name):
    with open(os.path.join(LISTS, name), encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def cut_title(text, key, gold, work_nouns):
    """Whether the span `key` follows a work's noun (and perhaps "The") and gold marks names
    inside it but not it."""
    start, end = key
    inside = any(start <= s and e <= end and (s, e) != key for s, e in gold)
    before = re.findall(r"(\w+)\W*(?:The )?$", text[max(0, start - 30):start])
    return key not in gold and inside and bool(before) and before[-1].lower() in work_nouns


def main(gold_path, pred_path):
    nationalities = words("nationalities.txt") | words("demonyms.txt")
    places = words("geo_regions.txt") | words("places.txt")
    with open(pred_path, encoding="utf-8") as f:
        pred = {d["id"]: d for d in map(json.loads, f)}
    right = predicted = gold_count = 0
    work_nouns = words("work_nouns.txt")
    conflicts = {
        "nationality adjective": 0,
        "country or city marked ORG": 0,
        "work's title cut at a word inside": 0,
    }
    with open(gold_path, encoding="utf-8") as f:
        for doc in map(json.loads, f):
            text = doc["text"]
            gold = {(s["start"], s["end"]): s["label"] for s in doc["spans"] if s["label"] in KINDS}
            spans = [s for s in pred[doc["id"]]["spans"] if s.get("label") in KINDS]
            for s in spans:
                key, label = (s["start"], s["end"]), s["label"]
                name = text[key[0]:key[1]].lower()
                if gold.get(key) == label:
                    right += 1
                elif label == "MISC" and key not in gold and name in nationalities:
                    conflicts["nationality adjective"] += 1
                    predicted -= 1
                elif label == "PLACE" and gold.get(key) == "ORG" and name in places:
                    conflicts["country or city marked ORG"] += 1
                    right += 1
                elif label == "MISC" and cut_title(text, key, gold, work_nouns):
                    conflicts["work's title cut at a word inside"] += 1
                    predicted -= 1
            predicted += len(spans)
            gold_count += len(gold)
    p, r = right / predicted, right / gold_count
    for what, count in conflicts.items():
        print(f"{what}: {count}")
    print(f"read GUM's way: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
