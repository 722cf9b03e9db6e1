//! Writes the results as plain JS objects (camelCase keys, `null` for an
//! absent `sendAt`, absent optional fields left out), the same shape the
//! serde derive gives as JSON. Written by hand for wasm size; checked against
//! serde in `tests/common/wasm_cases.rs`.

use wasm_bindgen::{JsCast, JsValue};

use super::js::Props;

use crate::core::model::*;

/// Something that becomes a JS value.
pub trait ToJs {
    /// The JS value.
    fn to_js(&self) -> JsValue;
}

struct Obj(js_sys::Object);

impl Obj {
    fn new() -> Self {
        Obj(js_sys::Object::new())
    }

    fn set(self, key: &str, value: JsValue) -> Self {
        // Setting a data property on a fresh plain object cannot fail.
        self.0.unchecked_ref::<Props>().set(key, value);
        self
    }

    fn opt<T: ToJs>(self, key: &str, value: &Option<T>) -> Self {
        match value {
            Some(v) => self.set(key, v.to_js()),
            None => self,
        }
    }

    fn done(self) -> JsValue {
        self.0.into()
    }
}

impl ToJs for String {
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl ToJs for f64 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self)
    }
}

impl ToJs for usize {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self as f64)
    }
}

impl ToJs for bool {
    fn to_js(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
}

impl<T: ToJs> ToJs for Vec<T> {
    fn to_js(&self) -> JsValue {
        // A plain loop: `collect::<js_sys::Array>()` costs an iterator
        // adapter chain per element type.
        let out = js_sys::Array::new();
        for x in self {
            out.push(&x.to_js());
        }
        out.into()
    }
}

macro_rules! names_to_js {
    ($($ty:ty),*) => {$(
        impl ToJs for $ty {
            fn to_js(&self) -> JsValue {
                JsValue::from_str(self.wire())
            }
        }
    )*};
}

names_to_js!(Role, Channel, Tone, Action, ReasonCode);

impl ToJs for Evidence {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("messageIndex", self.message_index.to_js())
            .set("text", self.text.to_js())
            .set("start", self.start.to_js())
            .set("end", self.end.to_js())
            .done()
    }
}

impl ToJs for Reason {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("code", self.code.to_js())
            .set("confidence", self.confidence.to_js())
            .set("evidence", self.evidence.to_js())
            .done()
    }
}

impl ToJs for Line {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("text", self.text.to_js())
            .set("templateId", self.template_id.to_js())
            .set("angle", self.angle.to_js())
            .done()
    }
}

impl ToJs for Warning {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("code", self.code.to_js())
            .set("message", self.message.to_js())
            .opt("start", &self.start)
            .opt("end", &self.end)
            .done()
    }
}

fn or_null(v: &Option<String>) -> JsValue {
    v.as_ref().map_or(JsValue::NULL, ToJs::to_js)
}

impl ToJs for Suggestion {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("action", self.action.to_js())
            .set("sendAt", or_null(&self.send_at))
            .set("closesAt", self.closes_at.to_js())
            .set("reason", self.reason.to_js())
            .set("channel", self.channel.to_js())
            .set("tone", self.tone.to_js())
            .set("lines", self.lines.to_js())
            .set("warnings", self.warnings.to_js())
            .set("why", self.why.to_js())
            .set("remark", self.remark.to_js())
            .done()
    }
}

impl ToJs for Message {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("from", self.from.to_js())
            .set("text", self.text.to_js())
            .opt("at", &self.at)
            .done()
    }
}

impl ToJs for UnparsedLine {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("line", self.line.to_js())
            .set("text", self.text.to_js())
            .done()
    }
}

impl ToJs for Transcript {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("messages", self.messages.to_js())
            .opt("buyerNick", &self.buyer_nick)
            .set("unparsed", self.unparsed.to_js())
            .done()
    }
}

impl ToJs for RankedOrder {
    fn to_js(&self) -> JsValue {
        Obj::new()
            .set("index", self.index.to_js())
            .set("priority", self.priority.to_js())
            .set("sendAt", or_null(&self.send_at))
            .set("action", self.action.to_js())
            .set("closesAt", self.closes_at.to_js())
            .set("reason", self.reason.to_js())
            .done()
    }
}
