//! Corpus JSONL format.
