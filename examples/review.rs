//! Writes the review sheet: every scenario of a set under `tests/review/`
//! (`scenarios/` unless another folder is named) with the suggestion the
//! engine gives for it, as Markdown, for a reviewer who scores the lines as a
//! strict customer-service supervisor would.
//!
//! ```sh
//! cargo run --example review > tests/review/sheet.md
//! cargo run --example review -- scenarios-b > tests/review/sheet-b.md
//! ```

use std::fs;
use std::path::PathBuf;

use cuifu::ChatContext;
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let set = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "scenarios".to_string());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/review")
        .join(set);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();

    println!("# Review sheet\n");
    println!("Each scenario, the chat the engine was given, and its suggestion.\n");
    for path in &files {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let mut json: Value = serde_json::from_str(&fs::read_to_string(path)?)?;
        let scenario = json
            .as_object_mut()
            .and_then(|o| o.remove("scenario"))
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        println!("## {name}\n");
        println!("**Scenario:** {scenario}\n");
        print_context(&json);
        let ctx: ChatContext = serde_json::from_value(json)?;
        match cuifu::suggest(&ctx) {
            Ok(s) => {
                println!(
                    "**Suggestion:** `{}` at {}{} over `{}`, tone `{}`; reason `{}` ({:.2}); closes {}\n",
                    serde_json::to_value(s.action)?.as_str().unwrap_or("?"),
                    s.send_at.as_deref().unwrap_or("—"),
                    s.follow_up_at
                        .as_deref()
                        .map_or(String::new(), |f| format!(", then a reminder at {f}")),
                    serde_json::to_value(s.channel)?.as_str().unwrap_or("?"),
                    serde_json::to_value(s.tone)?.as_str().unwrap_or("?"),
                    serde_json::to_value(s.reason.code)?.as_str().unwrap_or("?"),
                    s.reason.confidence,
                    s.closes_at,
                );
                println!("**Lines:**\n");
                for (i, l) in s.lines.iter().enumerate() {
                    println!("{}. {}", i + 1, l.text.replace('\n', " ⏎ "));
                }
                println!("\n**Why:**\n");
                for w in &s.why {
                    println!("- {w}");
                }
                if !s.warnings.is_empty() {
                    println!("\n**Warnings:** {}", {
                        let codes: Vec<&str> = s.warnings.iter().map(|w| w.code.as_str()).collect();
                        codes.join(", ")
                    });
                }
                println!();
            }
            Err(e) => println!(
                "**Error:** `{}` at `{}`: {}\n",
                e.code(),
                e.path(),
                e.message()
            ),
        }
    }
    Ok(())
}

/// The order, buyer, shop and chat of a scenario, briefly.
fn print_context(ctx: &Value) {
    let field = |v: &Value, k: &str| v.get(k).map(|x| x.to_string()).unwrap_or_default();
    println!(
        "- now {}, locale {}",
        field(ctx, "now"),
        ctx.get("locale").and_then(Value::as_str).unwrap_or("zh-CN")
    );
    if let Some(o) = ctx.get("order") {
        println!("- order: {o}");
    }
    if let Some(b) = ctx.get("buyer") {
        println!("- buyer: {b}");
    }
    if let Some(s) = ctx.get("shop") {
        println!("- shop: {s}");
    }
    if let Some(r) = ctx.get("reminders") {
        println!("- reminders sent: {r}");
    }
    if let Some(ms) = ctx.get("messages").and_then(Value::as_array) {
        for m in ms {
            println!(
                "- {} {}: {}",
                m.get("at").and_then(Value::as_str).unwrap_or(""),
                m.get("from").and_then(Value::as_str).unwrap_or("?"),
                m.get("text").and_then(Value::as_str).unwrap_or("")
            );
        }
    }
    println!();
}
