//! Pathological inputs: each is analyzed without panicking and the result keeps the invariants.
//! Sizes are modest so `cargo test` stays fast; no timing is asserted (the 10 MB case and the
//! growth with size are measured by `examples/bench.rs`).

mod invariants;

use std::sync::OnceLock;

use newsmark::{Analysis, Analyzer, Options};

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::new(Options::default()))
}

fn analyze(text: &str) -> Analysis {
    let options = Options::default();
    let analysis = analyzer().analyze_with(text, &options);
    invariants::check(text, &options, &analysis);
    analysis
}

const SENTENCE: &str =
    "“We will meet in Budapest next week,” President Donald Trump said on Thursday, \
                        according to Reuters. ";

#[test]
fn one_megabyte_line() {
    // No newline at all: one paragraph, one line.
    let text = SENTENCE.repeat(1_000_000 / SENTENCE.len() + 1);
    let analysis = analyze(&text);
    assert!(analysis.spans.iter().any(|s| s.text == "Budapest"));
}

#[test]
fn one_megabyte_line_without_sentence_ends() {
    let text = "word Word, ".repeat(100_000);
    analyze(&text);
}

#[test]
fn hundred_thousand_quote_marks() {
    for mark in ["\"", "“", "”", "'", "«", "„"] {
        analyze(&mark.repeat(100_000));
    }
    analyze(&"“”".repeat(50_000));
    analyze(&"\" said Trump \"".repeat(10_000));
}

#[test]
fn unclosed_quotes() {
    analyze("“We will never surrender, Churchill said. And the speech went on and on");
    analyze(&"“Unclosed, said Smith. ".repeat(5_000));
    analyze(&"He said “no. ".repeat(5_000));
    analyze("\"");
    analyze("”Closed before it opened,” Mr. Jones said.”");
}

#[test]
fn deep_nesting_of_quote_marks() {
    let depth = 10_000;
    let mut text = String::new();
    for i in 0..depth {
        text.push_str(["“", "‘", "«", "\"", "'", "„"][i % 6]);
        text.push_str("He said ");
    }
    for i in (0..depth).rev() {
        text.push_str(" word");
        text.push_str(["”", "’", "»", "\"", "'", "“"][i % 6]);
    }
    text.push_str(" Trump said.");
    analyze(&text);
}

#[test]
fn all_caps() {
    let text = "WASHINGTON (REUTERS) - PRESIDENT DONALD TRUMP SAID ON THURSDAY HE WOULD MEET \
                VLADIMIR PUTIN IN BUDAPEST NEXT WEEK. "
        .repeat(2_000);
    analyze(&text);
    analyze(&"A".repeat(100_000));
    analyze(&"ABC DEF ".repeat(20_000));
}

#[test]
fn only_digits() {
    analyze(&"0123456789".repeat(20_000));
    analyze(&"2025 ".repeat(20_000));
    analyze(&"12/31/2025 10:30 ".repeat(5_000));
    analyze(&"1".repeat(100_000));
}

#[test]
fn only_punctuation() {
    analyze(&".".repeat(100_000));
    analyze(&"-".repeat(100_000));
    analyze(&"!?.,;:—–()[]{}/\\&%$#@*".repeat(5_000));
    analyze(&"... ".repeat(25_000));
}

#[test]
fn nul_and_control_characters() {
    let controls: String = (0u8..32)
        .map(char::from)
        .chain(['\u{7f}', '\u{85}'])
        .collect();
    analyze(&controls.repeat(3_000));
    analyze(&"\0".repeat(100_000));
    analyze(&format!(
        "Trump\0said\0“hi\0”\0on\0Monday.\r\n{controls}Putin said."
    ));
    analyze(&"\r\n".repeat(50_000));
    analyze(&"\r".repeat(50_000));
}

#[test]
fn emoji_and_combining_marks() {
    analyze(&"👩‍👩‍👧🇺🇸e\u{301}\u{301}\u{301}".repeat(10_000));
    analyze(&"\u{301}".repeat(50_000));
    analyze(&"“😀,” 😀 said on 😀day. ".repeat(5_000));
}

#[test]
fn empty_and_whitespace() {
    for text in ["", " ", "\n", "\r\n", "\t", "\u{feff}", "\u{a0}"] {
        let analysis = analyze(text);
        assert!(analysis.spans.is_empty());
    }
    analyze(&" ".repeat(100_000));
    analyze(&"\n".repeat(100_000));
}

#[test]
fn long_words_and_long_names() {
    analyze(&"a".repeat(200_000));
    analyze(&"Aa".repeat(100_000));
    analyze(&"Smith ".repeat(20_000));
    analyze(&"Mr. ".repeat(20_000));
    analyze(&"January ".repeat(20_000));
    analyze(&"said ".repeat(20_000));
}

/// Found by `cargo fuzz`: a two-word name ending the text, followed by another mention, made the
/// entity grouper read the token after the last one (acronym check out of bounds).
#[test]
fn fuzz_regression_name_at_the_end_of_the_tokens() {
    let options = Options {
        layers: vec![newsmark::Layer::Entities, newsmark::Layer::Dates],
        ..Options::default()
    };
    let text = "SSo\nK\u{1d}SSo\nSSo";
    let analysis = analyzer().analyze_with(text, &options);
    invariants::check(text, &options, &analysis);
    analyze(text);
}

// ---------------------------------------------------------------------------------------------
// Linear time, counted in instructions (issue 17, defect 1)
//
// Each adversarial shape is analyzed at n and 2n repetitions inside `linear_probe_measured`, and
// valgrind's callgrind counts the instructions executed in that function alone (a deterministic
// measure: no clock). Doubling the input must roughly double the count. The test runs itself
// under valgrind (NEWSMARK_LINEAR_PROBE set in the child); without valgrind it fails, unless
// NEWSMARK_NO_VALGRIND=1 says to skip it (`.ci/run` installs valgrind).

/// The adversarial shapes: a name, an id for messages, and the text of `n` repetitions.
#[allow(clippy::type_complexity)]
const SHAPES: &[(&str, fn(usize) -> String)] = &[
    ("names sharing a first word", |n| {
        (0..n).map(|i| format!("John Zed{i} arrived. ")).collect()
    }),
    ("names differing only in their last letters", |n| {
        // One hash chunk each ("Zedaaaa", "Zedaaab", ...): they all fell in 32 hash buckets.
        let letters = |i: usize| -> String {
            (0..4)
                .rev()
                .map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8))
                .collect()
        };
        (0..n)
            .map(|i| format!("John Zed{} arrived. ", letters(i)))
            .collect()
    }),
    ("organizations sharing a first word", |n| {
        (0..n).map(|i| format!("Bank Zed{i} rose. ")).collect()
    }),
    ("a comma list of names in one sentence", |n| {
        (0..n).map(|i| format!("John Zed{i}, ")).collect::<String>() + "and Mary arrived."
    }),
    ("one giant sentence of capitalized words", |n| {
        (0..n).map(|i| format!("Zed{i} Kay ")).collect()
    }),
    ("many repeated capitalized words", |n| {
        "Smith Hope Smith. ".repeat(n)
    }),
    ("quotes with speakers", |n| {
        (0..n)
            .map(|i| format!("“We won,” John Zed{i} said. "))
            .collect()
    }),
    ("unclosed quotes", |n| {
        (0..n)
            .map(|i| format!("“Unclosed, said Smith Zed{i}. "))
            .collect()
    }),
    ("a long run of quote marks", |n| "“\"”'«".repeat(4 * n)),
    ("many dates", |n| {
        (0..n)
            .map(|i| format!("on Monday, {} March 2016 at 10:30 and ", i % 28 + 1))
            .collect()
    }),
    ("many titles", |n| {
        (0..n)
            .map(|i| format!("Mr. Zed{i} of Acme Corp. said so. "))
            .collect()
    }),
    ("a name followed by a long run of legal forms", |n| {
        format!("Shares of Zed{} rose.", " Inc".repeat(n))
    }),
    ("companies and their short names", |n| {
        (0..n)
            .map(|i| format!("Zed{i} Holdings AG said Zed{i} and the town of Kay{i} grew. "))
            .collect()
    }),
    ("works' titles listed in one sentence", |n| {
        let titles: Vec<String> = (0..n).map(|i| format!("Zed{i} of the Kay")).collect();
        format!("the films {} won.", titles.join(" and "))
    }),
    ("acronyms of names written in full, on one line", |n| {
        (0..n)
            .map(|i| {
                format!("The World Zed{i} Organization met, and WZO and the WZO staff agreed. ")
            })
            .collect()
    }),
    ("a firm's analyst and a medicine's brand", |n| {
        (0..n)
            .map(|i| format!("Zed{i} analyst Kay Lee said the drug Zed{i}vax sold. "))
            .collect()
    }),
    ("places before hyphens, on one line", |n| {
        (0..n)
            .map(|i| format!("the Hong Kong-based Zed{i} and the Los Angeles-based Kay Zed{i}, "))
            .collect::<String>()
            + "sailed."
    }),
    ("vessels' names after their nouns, on one line", |n| {
        (0..n)
            .map(|i| format!("the aircraft carrier Kay Zed{i} met the destroyers Zed{i} and Lee, "))
            .collect::<String>()
            + "sailed."
    }),
    ("roads' numbers and codes, on one line", |n| {
        (0..n)
            .map(|i| {
                format!("Interstate {i} West, the M{i} northbound, US-75 and I-{i} to Zed{i}, ")
            })
            .collect::<String>()
            + "Kay."
    }),
    ("race words and firms' initials, on one line", |n| {
        (0..n)
            .map(|i| format!("Black and Latino voters, Black Zed{i}, analysts at K.L. Zed{i}, "))
            .collect::<String>()
            + "Kay."
    }),
    (
        "an office's name and common words after and, on one line",
        |n| {
            (0..n)
                .map(|i| format!("the Office of Zed{i} and Budget, Tobacco and Firearms and "))
                .collect::<String>()
                + "Kay."
        },
    ),
    (
        "lists of names before plural place nouns, on one line",
        |n| {
            (0..n)
                .map(|i| format!("Zed{i}, Kay Lee, Dorn, Arvo and Zed{i} counties, Zed{i}, "))
                .collect::<String>()
                + "Kay."
        },
    ),
    (
        "initials before persons' names, firms' and places' last words, on one line",
        |n| {
            (0..n)
                .map(|i| {
                    format!(
                        "A. B. John Zed{i}, D. E. Kay, Zed{i} Aerospace, Kay Mosque, F. Mary Lee "
                    )
                })
                .collect::<String>()
                + "G. H."
        },
    ),
    ("years before events' names, on one line", |n| {
        (0..n)
            .map(|i| format!("the 2004 Olympics, 27th Zed{i} Film Festival and 1999 Cup "))
            .collect::<String>()
            + "Kay."
    }),
    ("laws' and treaties' names, on one line", |n| {
        (0..n)
            .map(|i| format!("the HEROES Act, Zed{i} Free Trade Agreement and Kay Protocol of "))
            .collect::<String>()
            + "Kay."
    }),
    ("countries in matches' results, on one line", |n| {
        (0..n)
            .map(|i| format!("Brazil beat Zed{i} 2 – 1 and Ghana lost 1 – 3 to Japan, "))
            .collect::<String>()
            + "Kay."
    }),
    ("awards' categories, on one line", |n| {
        (0..n)
            .map(|i| {
                format!("the Zed{i} Award for Best Actor in a Leading Role and Kay Prize for ")
            })
            .collect::<String>()
            + "Best."
    }),
    ("languages after their cues, on one line", |n| {
        (0..n)
            .map(|i| format!("in French by Zed{i}, spoke German and learned Greek in "))
            .collect::<String>()
            + "Kay."
    }),
    ("numbered parts of sites, on one line", |n| {
        (0..n)
            .map(|i| format!("Gate B7 of Terminal 4, Zed{i} Platform 2 Pier "))
            .collect::<String>()
            + "Kay."
    }),
    ("places and institutions joined by of", |n| {
        (0..n)
            .map(|i| format!("the Senate of the Gulf of Zed{i} of "))
            .collect::<String>()
            + "Kay."
    }),
];

#[inline(never)]
fn linear_probe_measured(text: &str) -> usize {
    std::hint::black_box(analyzer().analyze(text)).spans.len()
}

/// Child side: analyze every shape at n and 2n, one measured call each.
fn run_linear_probe(n: usize) {
    // A warm-up, so one-time setup (patterns compiled on first use) is not measured.
    analyzer().analyze("Warm up: “Yes,” John Smith said on Monday, 12 March 2016.");
    for (_, shape) in SHAPES {
        for size in [n, 2 * n] {
            let text = shape(size);
            linear_probe_measured(&text);
        }
    }
}

/// The instruction totals of the callgrind dumps in `dir`, in the order they were written.
fn callgrind_totals(dir: &std::path::Path) -> Vec<u64> {
    let mut dumps: Vec<(u32, u64)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let part: u32 = path.extension()?.to_str()?.parse().ok()?;
            let text = std::fs::read_to_string(&path).ok()?;
            let total = text
                .lines()
                .find_map(|l| l.strip_prefix("summary: ").or(l.strip_prefix("totals: ")))?;
            Some((part, total.trim().split(' ').next()?.parse().ok()?))
        })
        .collect();
    dumps.sort();
    dumps.into_iter().map(|(_, total)| total).collect()
}

#[test]
fn every_layer_is_linear_in_instructions() {
    const N: usize = 1_000;
    if let Ok(n) = std::env::var("NEWSMARK_LINEAR_PROBE") {
        run_linear_probe(n.parse().unwrap_or(N));
        return;
    }
    if std::env::var("NEWSMARK_NO_VALGRIND").as_deref() == Ok("1") {
        println!("note: NEWSMARK_NO_VALGRIND=1: the instruction counts are skipped");
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("linear-probe");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let function = "pathological::linear_probe_measured";
    let status = std::process::Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--collect-atstart=no",
            &format!("--toggle-collect={function}"),
            &format!("--dump-after={function}"),
            &format!("--callgrind-out-file={}", dir.join("cg.out").display()),
        ])
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "every_layer_is_linear_in_instructions",
            "--test-threads=1",
        ])
        .env("NEWSMARK_LINEAR_PROBE", N.to_string())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("valgrind runs (install it, or set NEWSMARK_NO_VALGRIND=1 to skip)");
    assert!(status.success(), "the probe under valgrind failed");
    let totals = callgrind_totals(&dir);
    assert_eq!(
        totals.len(),
        2 * SHAPES.len(),
        "one dump per measured call: {totals:?}"
    );
    let mut report = String::new();
    let mut worst = 0.0f64;
    for ((name, _), pair) in SHAPES.iter().zip(totals.chunks(2)) {
        let ratio = pair[1] as f64 / pair[0] as f64;
        worst = worst.max(ratio);
        report += &format!(
            "{name}: {} → {} instructions (×{ratio:.2})\n",
            pair[0], pair[1]
        );
    }
    println!("{report}");
    assert!(
        worst < 2.25,
        "doubling the input more than doubled the work:\n{report}"
    );
}
