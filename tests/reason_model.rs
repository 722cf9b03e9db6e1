//! The statistical reason model: the embedded weights read, the Rust
//! inference reproduces the trainer's predictions (so the shipped weights and
//! the feature extractor agree), and the features behave as documented.

use cuifu::core::reason::features::{escape, for_each_gram, normalise, unescape, Gram, END, START};
use cuifu::core::reason::model::{classify, model, Label, Model, Verdict, MODEL_FILE};

fn sample() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string("tools/train-reasons/sample.jsonl")
        .expect("tools/train-reasons/sample.jsonl is written by scripts/train-reasons");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn embedded_model_reads() {
    let m = Model::parse(MODEL_FILE).expect("the embedded model parses");
    assert_eq!(m.labels().len(), 16, "none and the 15 reason codes");
    assert!(m.vocab().len() > 100, "{} grams", m.vocab().len());
    for t in ["在吗", "hello"] {
        assert!((0.0..1.0).contains(&model().threshold(t)));
    }
}

/// The engine uses the tables `build.rs` wrote from the model file: they
/// are the file, read the same way (every gram's row and every sample's
/// probabilities).
#[test]
fn built_tables_are_the_model_file() {
    let file = Model::parse(MODEL_FILE).expect("the embedded model parses");
    let built = Model::embedded().expect("the built tables are consistent");
    assert_eq!(built.labels(), file.labels());
    assert_eq!(built.vocab().len(), file.vocab().len());
    for r in sample() {
        let text = r["text"].as_str().expect("text");
        assert_eq!(built.logits(text), file.logits(text), "{text:?}");
    }
    for g in ["\u{2}在", "吗\u{3}", "价", "hello"] {
        let gram = if g.is_ascii() {
            Gram::Word(g)
        } else {
            Gram::Chars(g)
        };
        assert_eq!(built.vocab().row(gram), file.vocab().row(gram), "{g:?}");
    }
}

#[test]
fn inference_reproduces_the_trainer() {
    let rows = sample();
    assert!(rows.len() > 50, "{} sample rows", rows.len());
    for r in rows {
        let text = r["text"].as_str().expect("text");
        let top = r["top"].as_str().expect("top");
        let p = r["probability"].as_f64().expect("probability");
        let got = classify(text);
        assert_eq!(got.top.as_str(), top, "{text:?}");
        assert!(
            (got.probability - p).abs() < 1e-6,
            "{text:?}: {} against {p}",
            got.probability
        );
        let sum: f64 = got.probabilities.iter().sum();
        assert!(
            (sum - 1.0).abs() < 1e-9,
            "{text:?}: probabilities sum to {sum}"
        );
    }
}

/// When the training corpus is present, the shipped model (trained on all of
/// it) reads most of it back, and never panics on any of it.
#[test]
fn corpus_reads_back() {
    let Ok(dir) = std::fs::read_dir("train/reasons") else {
        return;
    };
    let (mut n, mut right) = (0usize, 0usize);
    for e in dir.flatten() {
        if e.path().extension().is_none_or(|x| x != "jsonl") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).expect("corpus file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus line");
            let codes: Vec<&str> = v["codes"]
                .as_array()
                .expect("codes")
                .iter()
                .map(|c| match c.as_str().expect("code") {
                    "unknown" => "none",
                    c => c,
                })
                .collect();
            let p = classify(v["text"].as_str().expect("text"));
            n += 1;
            right += usize::from(codes.contains(&p.top.as_str()));
        }
    }
    assert!(n > 0);
    let share = right as f64 / n as f64;
    assert!(share > 0.9, "{right} of {n} read back");
}

#[test]
fn verdicts_follow_the_threshold() {
    for text in ["在吗", "能便宜点吗", "忘记支付密码了怎么办", "好的谢谢", ""]
    {
        let p = classify(text);
        match (p.top, p.verdict) {
            (Label::NoReason, v) => assert_eq!(v, Verdict::NoReason, "{text}"),
            (Label::Reason(c), Verdict::Reason(d)) => {
                assert_eq!(c, d);
                assert!(p.probability >= model().threshold(text), "{text}");
            }
            (Label::Reason(_), v) => {
                assert_eq!(v, Verdict::Unknown, "{text}");
                assert!(p.probability < model().threshold(text), "{text}");
            }
        }
        assert!(p.others.iter().all(|(c, _)| Label::Reason(*c) != p.top));
    }
}

#[test]
fn clear_messages_read_right() {
    let cases = [
        ("忘记支付密码了", "forgot_password"),
        ("运费太贵了吧", "shipping_fee"),
        ("拍了两单能一起发吗", "order_merge"),
    ];
    for (text, code) in cases {
        assert_eq!(classify(text).top.as_str(), code, "{text}");
    }
}

#[test]
fn normalising_folds_width_case_digits_space_and_script() {
    assert_eq!(
        normalise("  ＡＢＣ　Hello\t\n１２３４ 價格 "),
        format!("{START}abc hello 0 价格{END}")
    );
    assert_eq!(normalise(""), format!("{START}{END}"));
}

#[test]
fn grams_are_chars_up_to_three_and_words() {
    let norm = normalise("ok吗");
    let mut got = Vec::new();
    for_each_gram(&norm, |g| got.push(g));
    let (so, sok) = (format!("{START}o"), format!("{START}ok"));
    let (kme, me) = (format!("k吗{END}"), format!("吗{END}"));
    let want = [
        Gram::Chars(&so),
        Gram::Chars("o"),
        Gram::Chars("ok"),
        Gram::Chars(&sok),
        Gram::Chars("k"),
        Gram::Chars("ok吗"),
        Gram::Chars("k吗"),
        Gram::Chars("吗"),
        Gram::Word("ok"),
        Gram::Chars(&kme),
        Gram::Chars(&me),
    ];
    let mut got_sorted = got.clone();
    got_sorted.sort();
    let mut want_sorted = want.to_vec();
    want_sorted.sort();
    assert_eq!(got_sorted, want_sorted);
}

#[test]
fn escaping_round_trips() {
    for g in [" a", "\\s", "\u{2}在", "吗\u{3}", "\\"] {
        assert_eq!(unescape(&escape(g)).as_deref(), Some(g));
        assert!(!escape(g).contains([' ', '\t', '\n']));
    }
    assert_eq!(unescape("\\q"), None);
}

#[test]
fn bad_model_files_name_the_line() {
    let err = Model::parse("classes\tnone price_bargain\nc\tab\t1\n").unwrap_err();
    assert_eq!(err.line, 2);
    let err = Model::parse("classes\tnone nonsense\n").unwrap_err();
    assert!(err.message.contains("nonsense"));
    let err = Model::parse("classes\tnone\nthreshold\t0.5\n").unwrap_err();
    assert!(err.message.contains("two thresholds"), "{err}");
    let head = "classes\tnone price_bargain\nscale\t1\ntemperature\t1\nthreshold\t0.5 0.5\nothers\t0.3\nbias\t0 0\n";
    let ok = Model::parse(&format!("{head}c\ta\t1 2\nc\tb\t1 2\nw\tok\t0 1\n")).expect("in order");
    assert_eq!(ok.vocab().len(), 3);
    let err = Model::parse(&format!("{head}c\tb\t1 2\nc\ta\t1 2\n")).unwrap_err();
    assert!(err.message.contains("ascending order"), "{err}");
    assert!(Model::parse("").is_err());
}

#[test]
fn long_and_odd_text_never_panics() {
    let long = "在吗?".repeat(2000);
    let p = classify(&long);
    assert!(p.probability > 0.0 && p.probability <= 1.0);
    for t in ["\u{0}", "😀😀", "\u{10FFFF}", "[数字x]", "\\"] {
        let _ = classify(t);
    }
}
