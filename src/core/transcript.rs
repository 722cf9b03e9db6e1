//! Turns chat text copied from a seller IM window into messages.

use super::error::{Error, ErrorCode};
use super::limits::MAX_TRANSCRIPT_CHARS;
use super::model::{Message, Role, Transcript, TranscriptOptions, UnparsedLine};

/// Reads `[time] nick: message` lines.
pub fn read(text: &str, options: &TranscriptOptions) -> Result<Transcript, Error> {
    if text.chars().count() > MAX_TRANSCRIPT_CHARS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "text",
            format!("pasted text is longer than {MAX_TRANSCRIPT_CHARS} characters: paste one conversation"),
        ));
    }
    let mut out = Transcript::default();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        let parsed = l
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .and_then(|(_, r)| r.split_once(':').or_else(|| r.split_once('：')));
        match parsed {
            Some((nick, msg)) => {
                let nick = nick.trim();
                let from = if options.agent_nicks.iter().any(|a| a.trim() == nick) {
                    Role::Agent
                } else {
                    if out.buyer_nick.is_none() {
                        out.buyer_nick = Some(nick.to_string());
                    }
                    Role::Buyer
                };
                out.messages.push(Message {
                    from,
                    text: msg.trim().to_string(),
                    at: None,
                });
            }
            None => out.unparsed.push(UnparsedLine {
                line: i + 1,
                text: line.to_string(),
            }),
        }
    }
    Ok(out)
}
