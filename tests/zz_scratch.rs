#[test]
fn show() {
    let mut files: Vec<_> = std::fs::read_dir("tests/review/scenarios").unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let only = std::env::var("ONLY").unwrap_or_default();
    for f in files {
        if !f.to_string_lossy().contains(&only) { continue; }
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let ctx: cuifu::ChatContext = serde_json::from_value(v.clone()).unwrap();
        println!("== {} :: {}", f.display(), v["scenario"].as_str().unwrap_or(""));
        for m in &ctx.messages { println!("   {:?}: {}", m.from, m.text); }
        match cuifu::suggest(&ctx) {
            Ok(s) => {
                println!("  {:?} {:?} {:?} {:?} {:?}", s.action, s.send_at, s.reason.code, s.channel, s.tone);
                for l in &s.lines { println!("  - [{}] {}", l.template_id, l.text.replace('\n', "\n      ")); }
            }
            Err(e) => println!("  ERR {e:?}"),
        }
    }
}
