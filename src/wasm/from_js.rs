//! Reads JS values into the contract types with the JSON path of every error.
//!
//! A small serde `Deserializer` over `JsValue`. It replaces a generic
//! path-tracking wrapper, which doubled the deserialization code in the wasm
//! binary, and it asks each visitor only for the type it expects, so the
//! float-formatting code of serde's generic type errors is never linked.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::error::{join, Error, ErrorCode};

/// A deserialization error, with the path where it happened once known.
#[derive(Debug)]
pub struct DeError {
    code: ErrorCode,
    path: Option<String>,
    message: String,
    missing: Option<&'static str>,
}

impl DeError {
    fn new(code: ErrorCode, path: &str, message: String) -> Self {
        DeError {
            code,
            path: Some(path.to_string()),
            message,
            missing: None,
        }
    }

    fn at(mut self, path: &str) -> Self {
        if self.path.is_none() {
            self.path = Some(path.to_string());
        }
        self
    }

    /// The core error, with `root` as the path when none was found.
    pub fn into_error(self, root: &str) -> Error {
        let path = self.path.unwrap_or_else(|| root.to_string());
        match self.missing {
            Some(field) => Error::new(
                ErrorCode::MissingField,
                join(&path, field),
                format!("`{field}` is required: add it"),
            ),
            None => Error::new(self.code, path, self.message),
        }
    }
}

impl std::fmt::Display for DeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

fn describe(u: &Unexpected) -> String {
    match u {
        Unexpected::Bool(b) => format!("the boolean {b}"),
        Unexpected::Unsigned(n) => format!("the number {n}"),
        Unexpected::Signed(n) => format!("the number {n}"),
        Unexpected::Float(_) => "a number".into(),
        Unexpected::Str(s) => format!("the string \"{s}\""),
        Unexpected::Unit | Unexpected::Option => "null".into(),
        Unexpected::Seq => "an array".into(),
        Unexpected::Map => "an object".into(),
        _ => "a value of another kind".into(),
    }
}

impl de::Error for DeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        DeError {
            code: ErrorCode::InvalidInput,
            path: None,
            message: msg.to_string(),
            missing: None,
        }
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        DeError {
            code: ErrorCode::InvalidType,
            path: None,
            message: format!("expected {exp}, found {}", describe(&unexp)),
            missing: None,
        }
    }

    fn invalid_value(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        DeError {
            code: ErrorCode::InvalidValue,
            path: None,
            message: format!("{} is not allowed: expected {exp}", describe(&unexp)),
            missing: None,
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError {
            code: ErrorCode::InvalidValue,
            path: None,
            message: format!(
                "\"{variant}\" is not allowed: use one of {}",
                expected.join(", ")
            ),
            missing: None,
        }
    }

    fn missing_field(field: &'static str) -> Self {
        DeError {
            code: ErrorCode::MissingField,
            path: None,
            message: String::new(),
            missing: Some(field),
        }
    }
}

/// Deserializes `T` from `value`; errors carry paths below `root`.
pub fn from_js<T: de::DeserializeOwned>(value: JsValue, root: &str) -> Result<T, Error> {
    T::deserialize(De {
        value,
        path: root.to_string(),
    })
    .map_err(|e| e.into_error(root))
}

struct De {
    value: JsValue,
    path: String,
}

impl De {
    fn kind(&self) -> &'static str {
        let v = &self.value;
        if v.is_undefined() {
            "nothing"
        } else if v.is_null() {
            "null"
        } else if v.as_bool().is_some() {
            "a boolean"
        } else if v.as_f64().is_some() {
            "a number"
        } else if v.is_string() {
            "a string"
        } else if js_sys::Array::is_array(v) {
            "an array"
        } else {
            "an object"
        }
    }

    fn wrong(&self, expected: &str) -> DeError {
        DeError::new(
            ErrorCode::InvalidType,
            &self.path,
            format!("expected {expected}, found {}", self.kind()),
        )
    }

    fn number(&self) -> Result<f64, DeError> {
        self.value.as_f64().ok_or_else(|| self.wrong("a number"))
    }

    fn integer(&self, min: i64, max: i64) -> Result<f64, DeError> {
        let n = self.number()?;
        // Bounds are formatted as integers: float formatting costs kilobytes of wasm.
        if n.fract() != 0.0 || n < min as f64 || n > max as f64 {
            return Err(DeError::new(
                ErrorCode::InvalidValue,
                &self.path,
                format!("expected a whole number from {min} to {max}"),
            ));
        }
        Ok(n)
    }

    fn string(&self) -> Result<String, DeError> {
        self.value.as_string().ok_or_else(|| self.wrong("a string"))
    }

    fn is_object(&self) -> bool {
        self.value.is_object() && !js_sys::Array::is_array(&self.value)
    }
}

macro_rules! unsigned {
    ($($method:ident => $visit:ident, $max:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            let n = self.integer(0, $max as i64)?;
            visitor.$visit::<DeError>(n as _).map_err(|e| e.at(&self.path))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for De {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let v = &self.value;
        if v.is_undefined() || v.is_null() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = v.as_f64() {
            visitor.visit_f64(n)
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if js_sys::Array::is_array(v) {
            self.deserialize_seq(visitor)
        } else {
            Err(self.wrong("a plain value"))
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let b = self
            .value
            .as_bool()
            .ok_or_else(|| self.wrong("true or false"))?;
        visitor.visit_bool(b)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_f64(self.number()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_f64(self.number()?)
    }

    unsigned! {
        deserialize_u8 => visit_u8, u8::MAX;
        deserialize_u16 => visit_u16, u16::MAX;
        deserialize_u32 => visit_u32, u32::MAX;
        deserialize_u64 => visit_u64, 9_007_199_254_740_991u64;
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let n = self.integer(-9_007_199_254_740_991, 9_007_199_254_740_991)?;
        visitor
            .visit_i64::<DeError>(n as i64)
            .map_err(|e| e.at(&self.path))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_string(self.string()?)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, DeError> {
        Err(self.wrong("bytes"))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, DeError> {
        Err(self.wrong("bytes"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.value.is_undefined() || self.value.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if !js_sys::Array::is_array(&self.value) {
            return Err(self.wrong("an array"));
        }
        let array: js_sys::Array = self.value.unchecked_into();
        let len = array.length();
        visitor
            .visit_seq(Seq {
                array,
                index: 0,
                len,
                path: &self.path,
            })
            .map_err(|e| e.at(&self.path))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if !self.is_object() {
            return Err(self.wrong("an object"));
        }
        let keys: Vec<String> = js_sys::Object::keys::<JsValue>(self.value.unchecked_ref())
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
        self.visit_fields(keys, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if !self.is_object() {
            return Err(self.wrong("an object"));
        }
        // Only the declared fields are read; unknown keys are ignored.
        self.visit_fields(fields.iter().map(|f| f.to_string()).collect(), visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let s = self.string()?;
        visitor
            .visit_enum(s.into_deserializer())
            .map_err(|e: DeError| e.at(&self.path))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

impl De {
    fn visit_fields<'de, V: Visitor<'de>>(
        self,
        keys: Vec<String>,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor
            .visit_map(Fields {
                object: &self.value,
                keys: keys.into_iter(),
                pending: None,
                path: &self.path,
            })
            .map_err(|e| e.at(&self.path))
    }
}

struct Seq<'a> {
    array: js_sys::Array,
    index: u32,
    len: u32,
    path: &'a str,
}

impl<'de> de::SeqAccess<'de> for Seq<'_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        if self.index >= self.len {
            return Ok(None);
        }
        let path = format!("{}[{}]", self.path, self.index);
        let value = self.array.get(self.index);
        self.index += 1;
        seed.deserialize(De {
            value,
            path: path.clone(),
        })
        .map(Some)
        .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.index) as usize)
    }
}

struct Fields<'a> {
    object: &'a JsValue,
    keys: std::vec::IntoIter<String>,
    pending: Option<(String, JsValue)>,
    path: &'a str,
}

impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        for key in self.keys.by_ref() {
            let value = js_sys::Reflect::get(self.object, &JsValue::from_str(&key))
                .unwrap_or(JsValue::UNDEFINED);
            // An absent or undefined field counts as not given.
            if value.is_undefined() {
                continue;
            }
            let k = seed.deserialize(key.clone().into_deserializer())?;
            self.pending = Some((key, value));
            return Ok(Some(k));
        }
        Ok(None)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        let (key, value) = self.pending.take().ok_or_else(|| {
            DeError::new(
                ErrorCode::InvalidInput,
                self.path,
                "value without a key".into(),
            )
        })?;
        let path = join(self.path, &key);
        seed.deserialize(De {
            value,
            path: path.clone(),
        })
        .map_err(|e| e.at(&path))
    }
}
