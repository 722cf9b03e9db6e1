//! `readTranscript` / `parseTranscript`: the copy formats of seller IM
//! windows, who speaks, times, and lines reported instead of guessed.

use cuifu::{parse_transcript, read_transcript, Role, TranscriptOptions};

fn opts(agents: &[&str]) -> TranscriptOptions {
    TranscriptOptions {
        agent_nicks: agents.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn roles(t: &cuifu::Transcript) -> Vec<Role> {
    t.messages.iter().map(|m| m.from).collect()
}

fn texts(t: &cuifu::Transcript) -> Vec<&str> {
    t.messages.iter().map(|m| m.text.as_str()).collect()
}

#[test]
fn header_lines_with_date_and_seconds() {
    let text = "tb_lili 2026-11-24 14:05:12\n这件有M码吗？\n小美 2026-11-24 14:06:01\n有的亲~\n";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(texts(&t), ["这件有M码吗？", "有的亲~"]);
    assert_eq!(roles(&t), [Role::Buyer, Role::Agent]);
    assert_eq!(
        t.messages[0].at.as_deref(),
        Some("2026-11-24T14:05:12+08:00")
    );
    assert_eq!(
        t.messages[1].at.as_deref(),
        Some("2026-11-24T14:06:01+08:00")
    );
    assert_eq!(t.buyer_nick.as_deref(), Some("tb_lili"));
    assert!(t.unparsed.is_empty());
}

#[test]
fn header_with_several_lines_and_blank_line() {
    // Lines under one header are one message; a blank line starts another.
    let text = "tb_lili 2026-11-24 14:05:12\n第一行\n第二行\n\n另一条\n";
    let t = read_transcript(text, &opts(&[])).unwrap();
    assert_eq!(texts(&t), ["第一行\n第二行", "另一条"]);
    assert_eq!(t.messages[1].at, t.messages[0].at);
}

#[test]
fn header_in_brackets_and_time_only() {
    let o = TranscriptOptions {
        date: Some("2026-11-24".into()),
        ..opts(&["小美"])
    };
    let text = "tb_lili(14:05)\n在吗\n小美（14:06:30）\n在的亲\ntb_lili 14:08\n好的";
    let t = read_transcript(text, &o).unwrap();
    assert_eq!(texts(&t), ["在吗", "在的亲", "好的"]);
    assert_eq!(roles(&t), [Role::Buyer, Role::Agent, Role::Buyer]);
    assert_eq!(
        t.messages[0].at.as_deref(),
        Some("2026-11-24T14:05:00+08:00")
    );
    assert_eq!(
        t.messages[1].at.as_deref(),
        Some("2026-11-24T14:06:30+08:00")
    );
    assert_eq!(
        t.messages[2].at.as_deref(),
        Some("2026-11-24T14:08:00+08:00")
    );
}

#[test]
fn header_with_the_time_first() {
    let text = "2026-11-24 14:05:12 tb_lili\n在吗\n14:06:01 小美：\n在的\n10:00 我付款";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(texts(&t), ["在吗", "在的\n10:00 我付款"]);
    assert_eq!(roles(&t), [Role::Buyer, Role::Agent]);
    assert_eq!(
        t.messages[1].at.as_deref(),
        Some("2026-11-24T14:06:01+08:00")
    );
}

#[test]
fn a_time_is_not_a_nick() {
    // The colon of "14:05" never splits a nick from a message.
    let t = read_transcript("14:05 吧\n明天10:00付", &opts(&[])).unwrap();
    assert!(t.messages.is_empty(), "{:?}", t.messages);
    assert_eq!(t.unparsed.len(), 2);
}

#[test]
fn header_ending_in_a_colon() {
    let text = "tb_lili(2026-11-24 14:05:12):\n在吗\n小美 2026-11-24 14:06:01：\n在的";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(texts(&t), ["在吗", "在的"]);
    assert_eq!(roles(&t), [Role::Buyer, Role::Agent]);
}

#[test]
fn sentence_ending_in_a_time_stays_in_the_message() {
    // "我明天 14:05" looks like a weak header (no date, no seconds): it is a
    // header only for a known nick or after a blank line.
    let text =
        "tb_lili 2026-11-24 14:05:12\n能不能晚点付\n我明天 14:05\n小美 2026-11-24 14:06:00\n可以的";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(texts(&t), ["能不能晚点付\n我明天 14:05", "可以的"]);
}

#[test]
fn time_without_date_and_without_options_date_stays_unset() {
    let t = read_transcript("[14:05] tb_lili: 在吗", &opts(&[])).unwrap();
    assert_eq!(t.messages[0].at, None, "no date known: not guessed");
}

#[test]
fn date_carries_forward_to_later_time_only_lines() {
    let text = "[2026-11-24 14:05] tb_lili: 在吗\n[14:07] 小美: 在的";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(
        t.messages[1].at.as_deref(),
        Some("2026-11-24T14:07:00+08:00")
    );
}

#[test]
fn time_only_lines_roll_over_midnight() {
    let text = "[2026-11-24 23:50] tb_lili: 在吗\n[23:58] 小美: 在的\n[00:03] tb_lili: 那我明早付";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    let at: Vec<_> = t
        .messages
        .iter()
        .map(|m| m.at.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        at,
        [
            "2026-11-24T23:50:00+08:00",
            "2026-11-24T23:58:00+08:00",
            "2026-11-25T00:03:00+08:00"
        ]
    );
}

#[test]
fn bracket_lines_ascii_and_full_width_colon() {
    let text = "[2026-11-24 14:05] tb_lili：有优惠吗\n【2026-11-24 14:06:10】小美: 亲，满200减10哦\n[14:07] tb_lili: 好，价格:99 对吧";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(
        texts(&t),
        ["有优惠吗", "亲，满200减10哦", "好，价格:99 对吧"]
    );
    assert_eq!(roles(&t), [Role::Buyer, Role::Agent, Role::Buyer]);
    assert_eq!(
        t.messages[1].at.as_deref(),
        Some("2026-11-24T14:06:10+08:00")
    );
    assert!(t.unparsed.is_empty());
}

#[test]
fn bracket_header_without_colon_takes_the_next_lines() {
    let text = "[2026-11-24 14:05] tb_lili\n这件有M码吗？\n[2026-11-24 14:06] 小美\n有的";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(texts(&t), ["这件有M码吗？", "有的"]);
    assert_eq!(roles(&t), [Role::Buyer, Role::Agent]);
}

#[test]
fn plain_nick_colon_lines() {
    let text = "tb_lili: 在吗\n小美：在的亲\ntb_lili: 链接 https://example.com/x 打不开";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(
        texts(&t),
        ["在吗", "在的亲", "链接 https://example.com/x 打不开"]
    );
    assert_eq!(roles(&t), [Role::Buyer, Role::Agent, Role::Buyer]);
    assert!(t.messages.iter().all(|m| m.at.is_none()));
}

#[test]
fn sub_account_nicks_are_agents() {
    // Taobao sub-accounts are "shop:agent"; with no agent nick given they
    // are the shop's, and a shop or agent part given also matches.
    let text = "小美家女装:小美 2026-11-24 14:06:01\n有的亲~\ntb_lili 2026-11-24 14:07:00\n好";
    let t = read_transcript(text, &opts(&[])).unwrap();
    assert_eq!(roles(&t), [Role::Agent, Role::Buyer]);
    assert_eq!(t.buyer_nick.as_deref(), Some("tb_lili"));

    let t = read_transcript(text, &opts(&["小美家女装"])).unwrap();
    assert_eq!(roles(&t), [Role::Agent, Role::Buyer]);

    // In a one-line format the nick keeps its inner colon.
    let line = "[2026-11-24 14:06] 小美家女装:小美：有的亲，价格:99";
    let t = read_transcript(line, &opts(&["小美家女装"])).unwrap();
    assert_eq!(texts(&t), ["有的亲，价格:99"]);
    assert_eq!(roles(&t), [Role::Agent]);

    // A buyer writing "a: b:c" is not a sub-account.
    let t = read_transcript("tb_lili: 价格:99", &opts(&[])).unwrap();
    assert_eq!(roles(&t), [Role::Buyer]);
    assert_eq!(texts(&t), ["价格:99"]);
}

#[test]
fn system_messages() {
    let text = "[2026-11-24 14:05] 系统消息: 买家已拍下，待付款\n[2026-11-24 14:06] tb_lili: 在吗";
    let t = read_transcript(text, &opts(&[])).unwrap();
    assert_eq!(roles(&t), [Role::System, Role::Buyer]);
    assert_eq!(t.buyer_nick.as_deref(), Some("tb_lili"));
}

#[test]
fn offset_option() {
    let o = TranscriptOptions {
        offset: Some("+09:00".into()),
        ..opts(&[])
    };
    let t = read_transcript("[2026-11-24 14:05] tb: 在吗", &o).unwrap();
    assert_eq!(
        t.messages[0].at.as_deref(),
        Some("2026-11-24T14:05:00+09:00")
    );
}

#[test]
fn bad_options_are_typed_errors() {
    let o = TranscriptOptions {
        offset: Some("8".into()),
        ..opts(&[])
    };
    let e = read_transcript("tb: 在吗", &o).unwrap_err();
    assert_eq!((e.code(), e.path()), ("invalid_time", "options.offset"));
    for bad in [
        "24/11/2026",
        "2026-02-30",
        "2026-1-05",
        "2026-11-24x",
        "11-24",
        "",
    ] {
        let o = TranscriptOptions {
            date: Some(bad.into()),
            ..opts(&[])
        };
        let e = read_transcript("tb: 在吗", &o).unwrap_err();
        assert_eq!(
            (e.code(), e.path()),
            ("invalid_time", "options.date"),
            "{bad}"
        );
        assert!(e.message().contains("YYYY-MM-DD"), "{}", e.message());
    }
    let o = TranscriptOptions {
        date: Some(" 2026-11-24 ".into()),
        ..opts(&[])
    };
    assert!(read_transcript("tb: 在吗", &o).is_ok());
}

#[test]
fn lines_it_cannot_read_are_reported_with_line_numbers() {
    // A bracketed time alone is a time line, not a message.
    let text = "随便一句话没有昵称\n[2026-11-24 14:05] tb_lili: 在吗\n[99:99] x: y\n[2026-11-24 14:06]\n?? ??";
    let t = read_transcript(text, &opts(&[])).unwrap();
    assert_eq!(texts(&t), ["在吗"]);
    let lines: Vec<usize> = t.unparsed.iter().map(|u| u.line).collect();
    assert_eq!(lines, [1, 3, 5]);
    assert_eq!(t.unparsed[0].text, "随便一句话没有昵称");
}

#[test]
fn parse_transcript_throws_unless_skip_unparsed() {
    let text = "[2026-11-24 14:05] tb_lili: 在吗\n乱码一行";
    let e = parse_transcript(text, &opts(&[])).unwrap_err();
    assert_eq!((e.code(), e.path()), ("unparsed_lines", "text"));
    assert!(e.message().contains('2'), "names the line: {}", e.message());
    let o = TranscriptOptions {
        skip_unparsed: Some(true),
        ..opts(&[])
    };
    let msgs = parse_transcript(text, &o).unwrap();
    assert_eq!(msgs.len(), 1);
}

#[test]
fn empty_and_blank_input() {
    for text in ["", "\n\n", "   \r\n\t", "\u{feff}"] {
        let t = read_transcript(text, &opts(&[])).unwrap();
        assert!(t.messages.is_empty() && t.unparsed.is_empty(), "{text:?}");
    }
}

#[test]
fn windows_line_endings_and_bom() {
    let text =
        "\u{feff}tb_lili 2026-11-24 14:05:12\r\n在吗\r\n小美 2026-11-24 14:06:00\r\n在的\r\n";
    let t = read_transcript(text, &opts(&["小美"])).unwrap();
    assert_eq!(texts(&t), ["在吗", "在的"]);
}

#[test]
fn too_large_is_an_error() {
    let text = "x".repeat(cuifu::core::limits::MAX_TRANSCRIPT_CHARS + 1);
    let e = read_transcript(&text, &opts(&[])).unwrap_err();
    assert_eq!((e.code(), e.path()), ("too_large", "text"));
    let limit = cuifu::core::limits::MAX_TRANSCRIPT_CHARS.to_string();
    assert!(e.message().contains(&limit), "{}", e.message());
    let many = "tb: 在吗\n".repeat(cuifu::core::limits::MAX_MESSAGES + 1);
    let e = read_transcript(&many, &opts(&[])).unwrap_err();
    assert_eq!(e.code(), "too_large");
    let limit = cuifu::core::limits::MAX_MESSAGES.to_string();
    assert!(e.message().contains(&limit), "{}", e.message());
}

#[test]
fn odd_input_never_panics() {
    // Property-style: many odd strings and every prefix of them (cut at
    // char boundaries) must read without panicking.
    let seeds = [
        "[",
        "]",
        "【",
        "】",
        "(",
        "）",
        ":",
        "：",
        "[:]",
        "【：】",
        "a(",
        "a)",
        "a（）",
        "[14:05",
        "14:05",
        " 14:05",
        "a 2026-13-40 25:61:61",
        "a 2026-02-29 10:00",
        "a 0000-01-01 00:00",
        "[2026-11-24 14:05] :",
        "[2026-11-24 14:05] ：：：",
        "x:y:z:w:v",
        "🙂🙂 2026-11-24 14:05:00\n👍",
        "a\u{0}b: c",
        "\u{202e}abc: d",
        "名字（2026-11-24 14:05:12",
        "名字 2026-11-24 14:05:12)",
        "é: ü",
        "Ω 9:9",
        "[9:09]",
        "tb: \u{200b}",
        "【】【】【】",
        "[][][]: x",
        "a\r\rb: c",
        "\t\t: \t",
    ];
    let agents = opts(&["小美", ":", ""]);
    for s in seeds {
        let chars: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        for &end in &chars {
            let _ = read_transcript(&s[..end], &agents);
            let _ = parse_transcript(&s[..end], &agents);
        }
        let joined = format!("{s}\n{s}\n\n{s}");
        let _ = read_transcript(&joined, &agents);
    }
    // A generated mix of every seed, as one long paste.
    let mut big = String::new();
    let mut x: u32 = 7;
    for _ in 0..5_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        big.push_str(seeds[(x >> 16) as usize % seeds.len()]);
        big.push(if x & 1 == 0 { '\n' } else { ' ' });
    }
    let t = read_transcript(&big, &agents);
    if let Err(e) = t {
        let who = e.path() == "options.agentNicks";
        assert!(e.code() == "too_large" || who, "{e:?}");
    }
}

#[test]
fn line_numbers_are_one_based_over_the_whole_text() {
    let text = "\n\n乱\n[2026-11-24 14:05] tb: 在吗";
    let t = read_transcript(text, &opts(&[])).unwrap();
    assert_eq!(t.unparsed.len(), 1);
    assert_eq!(t.unparsed[0].line, 3);
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        // Any text, including odd unicode and the formats' own punctuation,
        // reads without panicking; every unparsed line number is in range.
        #[test]
        fn never_panics(text in "(\\PC|[\\[\\]【】()（）:：\n\r 0-9-]){0,200}") {
            let t = read_transcript(&text, &opts(&["小美", "a:b"]));
            if let Ok(t) = t {
                let lines = text.split('\n').count();
                prop_assert!(t.unparsed.iter().all(|u| u.line >= 1 && u.line <= lines));
            }
        }

        // Well-formed bracket lines always round-trip their text.
        #[test]
        fn bracket_lines_round_trip(h in 0u32..24, m in 0u32..60, msg in "[a-zA-Z0-9\u{4e00}-\u{9fa5} ，。？！~/]{1,40}") {
            let msg = msg.trim().to_string();
            prop_assume!(!msg.is_empty() && !msg.starts_with("//"));
            let line = format!("[2026-11-24 {h:02}:{m:02}] tb_lili: {msg}");
            let t = read_transcript(&line, &opts(&[])).unwrap();
            prop_assert_eq!(t.messages.len(), 1);
            prop_assert_eq!(&t.messages[0].text, &msg);
            let want = format!("2026-11-24T{h:02}:{m:02}:00+08:00");
            prop_assert_eq!(t.messages[0].at.as_deref(), Some(want.as_str()));
        }
    }
}

/// Every `tests/transcripts/NAME.txt` read with the options of `NAME.json`
/// gives exactly its `expect` (messages with role, text and time; the buyer's
/// nick; unparsed lines), or its `error` code and path.
#[test]
fn corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "{} formats", names.len());
    for txt in names {
        let text = std::fs::read_to_string(&txt).unwrap();
        let spec: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(txt.with_extension("json")).unwrap())
                .unwrap();
        let o: TranscriptOptions = serde_json::from_value(spec["options"].clone()).unwrap();
        let got = read_transcript(&text, &o);
        let name = txt.file_stem().unwrap().to_string_lossy();
        if let Some(err) = spec.get("error") {
            let e = got.expect_err(&name);
            assert_eq!(e.code(), err["code"], "{name}");
            assert_eq!(e.path(), err["path"], "{name}");
            continue;
        }
        let want: cuifu::Transcript = serde_json::from_value(spec["expect"].clone()).unwrap();
        assert_eq!(got.unwrap(), want, "{name}");
    }
}

/// A 200,000-character paste reads in one pass: every message is found,
/// whatever the number of colons, brackets and dashes on its lines.
#[test]
fn largest_paste_reads_whole() {
    let limit = cuifu::core::limits::MAX_TRANSCRIPT_CHARS;
    let body = "亲:[].(（）—".repeat(25);
    let mut text = String::new();
    let mut n = 0;
    loop {
        let who = if n % 2 == 0 { "tb_lili" } else { "小美" };
        let block = format!(
            "{who} 2026-11-24 14:{:02}:{:02}\n{body}{n}\n",
            n / 60 % 60,
            n % 60
        );
        if text.chars().count() + block.chars().count() > limit {
            break;
        }
        text.push_str(&block);
        n += 1;
    }
    let t = read_transcript(&text, &opts(&["小美"])).unwrap();
    assert_eq!(t.messages.len(), n);
    assert!(t.unparsed.is_empty());
    assert_eq!(t.messages[n - 1].text, format!("{body}{}", n - 1));
    // One line of the full size, all colons and brackets: reported, not joined.
    let line = "[:]（:）".repeat(limit / 6);
    let t = read_transcript(&line, &opts(&[])).unwrap();
    assert_eq!((t.messages.len(), t.unparsed.len()), (0, 1));
}

mod account {
    use super::*;
    use cuifu::core::transcript::{read_lines, LineUse};
    use proptest::prelude::*;

    /// Lines of every shape, and lines of none.
    fn any_line() -> impl Strategy<Value = String> {
        let nick = proptest::sample::select(vec!["tb_lili", "小美", "小美家女装:小美", "系统消息"]);
        let text = "[a-z0-9\u{4e00}-\u{4e20}，。？ ]{1,12}";
        let time = (0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h:02}:{m:02}"));
        prop_oneof![
            (nick.clone(), time.clone()).prop_map(|(n, t)| format!("{n} 2026-11-24 {t}:05")),
            (nick.clone(), time.clone()).prop_map(|(n, t)| format!("{n} 11-24 {t}:05")),
            (nick.clone(), time.clone()).prop_map(|(n, t)| format!("{n} {t}")),
            (nick.clone(), time.clone(), text).prop_map(|(n, t, x)| format!("[{t}] {n}: {x}")),
            nick.clone().prop_map(String::from),
            time.clone(),
            text.prop_map(String::from),
            (nick, text).prop_map(|(n, x)| format!("{n}：{x}")),
            proptest::sample::select(vec![
                "-------- 以下为新消息 --------",
                "—— 昨天 ——",
                "——以上为历史消息——",
                "买家已拍下，待付款",
                "[订单]待付款",
                "",
                "  ",
            ])
            .prop_map(String::from),
            "\\PC{0,20}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        // Every non-blank line is in a message (its text inside that
        // message), a header or divider, or reported unparsed; no divider
        // text is ever inside a message.
        #[test]
        fn every_line_is_accounted_for(lines in proptest::collection::vec(any_line(), 0..40)) {
            let text = lines.join("\n");
            let o = TranscriptOptions { date: Some("2026-11-25".into()), ..opts(&["小美"]) };
            let Ok((t, uses)) = read_lines(&text, &o) else { return Ok(()) };
            let lines: Vec<&str> = text.split('\n').collect();
            prop_assert_eq!(uses.len(), lines.len());
            let unparsed: Vec<usize> = t.unparsed.iter().map(|u| u.line).collect();
            for (i, (line, u)) in lines.iter().zip(&uses).enumerate() {
                let trimmed = line.trim().trim_start_matches('\u{feff}').trim();
                prop_assert_eq!(trimmed.is_empty(), *u == LineUse::Blank, "line {}: {:?}", i + 1, line);
                prop_assert_eq!(unparsed.contains(&(i + 1)), *u == LineUse::Unparsed);
                if let LineUse::Body(k) = u {
                    let m = &t.messages[*k];
                    let own = trimmed.contains(m.text.as_str()) || m.text.contains(trimmed);
                    prop_assert!(own, "line {} {:?} not in {:?}", i + 1, line, m.text);
                }
                if *u == LineUse::Divider {
                    prop_assert!(t.messages.iter().all(|m| !m.text.contains(trimmed)));
                }
            }
            // Every message has at least one line.
            for k in 0..t.messages.len() {
                prop_assert!(uses.contains(&LineUse::Body(k)));
            }
        }
    }
}
