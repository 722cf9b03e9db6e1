//! The statistical reason model: a multinomial logistic regression over the
//! character n-grams of one buyer message ([`super::features`]), trained
//! offline by `tools/train-reasons` (`scripts/train-reasons`) and embedded
//! from `src/data/reason-model.tsv`.
//!
//! The build turns the file into Rust constants (`build.rs`,
//! [`crate::core::data::reason_model`]), so the engine reads nothing when it
//! starts; [`Model::parse`] reads the same file for the tests and the
//! trainer.
//!
//! Its probabilities are calibrated (the logits are divided by a temperature
//! fitted on out-of-fold scores). A reason whose probability is below the
//! model's threshold is not trusted: the message reads as [`Verdict::Unknown`]
//! (answer first) rather than a confident wrong reason. The threshold was
//! chosen so that at most one message in ten that shows no reason gets one,
//! once for messages with Chinese characters and once for the others
//! ([`super::features::is_latin`]: English).
//!
//! The model file is text:
//! - `classes`, `scale`, `temperature`, `threshold`, `others` and `bias`
//!   lines (tab after the key, then space-separated values; `threshold` has
//!   two, for Chinese and for Latin-script messages);
//! - one line per gram: `c` (characters) or `w` (word), the gram escaped by
//!   [`super::features::escape`], then one integer weight per class
//!   (-128 to 127); the weight is the integer times `scale`.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::features::{is_latin, unescape, Gram, Grams, Vocab};
use crate::core::model::ReasonCode;

/// What a class of the model stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// The message shows no reason for not paying.
    NoReason,
    /// A reason code (never `silent_order` or `unknown`).
    Reason(ReasonCode),
}

impl Label {
    /// The name used in the corpus and the model file (`none` or a code).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::NoReason => "none",
            Label::Reason(c) => c.as_str(),
        }
    }

    /// Reads [`Label::as_str`].
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "none" => Some(Label::NoReason),
            _ => match ReasonCode::parse(s)? {
                ReasonCode::SilentOrder | ReasonCode::Unknown => None,
                c => Some(Label::Reason(c)),
            },
        }
    }
}

/// What to act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A reason, trusted.
    Reason(ReasonCode),
    /// The message shows no reason.
    NoReason,
    /// The most likely reason is below the threshold: abstain.
    Unknown,
}

/// The model's reading of one message.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// The most likely class.
    pub top: Label,
    /// Its calibrated probability.
    pub probability: f64,
    /// `top` when it is trusted, else `Unknown`.
    pub verdict: Verdict,
    /// The other reasons whose probability reaches the model's `others`
    /// threshold (several concerns in one message), most likely first.
    pub others: Vec<(ReasonCode, f64)>,
    /// Every class's calibrated probability, in [`Model::labels`] order.
    pub probabilities: Vec<f64>,
}

/// A model file that cannot be read: the line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong there.
    pub message: String,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "reason model, line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ModelError {}

/// A loaded model.
#[derive(Clone, Debug, Default)]
pub struct Model {
    labels: Vec<Label>,
    scale: f64,
    temperature: f64,
    threshold: [f64; 2],
    others: f64,
    bias: Cow<'static, [f64]>,
    vocab: Vocab,
    /// Row-major: `weights[row * labels.len() + class]`, unscaled integers.
    weights: Cow<'static, [i8]>,
}

/// The model file the build embeds (for the tests: the engine uses the
/// tables `build.rs` writes from it).
pub const MODEL_FILE: &str = include_str!("../../data/reason-model.tsv");

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::embedded().unwrap_or_default());

/// Classifies one buyer message with the embedded model.
pub fn classify(text: &str) -> Prediction {
    MODEL.classify(text)
}

/// The embedded model.
pub fn model() -> &'static Model {
    &MODEL
}

fn numbers<T: std::str::FromStr>(line: usize, text: &str) -> Result<Vec<T>, ModelError> {
    text.split(' ')
        .map(|v| {
            v.parse().map_err(|_| ModelError {
                line,
                message: format!("`{v}` is not a number"),
            })
        })
        .collect()
}

fn number(line: usize, text: &str) -> Result<f64, ModelError> {
    match numbers(line, text)?.as_slice() {
        [v] if f64::is_finite(*v) => Ok(*v),
        _ => Err(ModelError {
            line,
            message: format!("expected one finite number, found `{text}`"),
        }),
    }
}

impl Model {
    /// The model the build embedded. `None` only if its tables disagree
    /// (`build.rs` checks them, and so do the tests).
    pub fn embedded() -> Option<Model> {
        use crate::core::data::reason_model as t;
        let m = Model {
            labels: t::CLASSES
                .split(' ')
                .map(Label::parse)
                .collect::<Option<_>>()?,
            scale: t::SCALE,
            temperature: t::TEMPERATURE,
            threshold: t::THRESHOLD,
            others: t::OTHERS,
            bias: Cow::Borrowed(t::BIAS),
            vocab: Vocab::from_lists(
                Grams::new(Cow::Borrowed(t::CHARS), Cow::Borrowed(t::CHAR_SPANS))?,
                Grams::new(Cow::Borrowed(t::WORDS), Cow::Borrowed(t::WORD_SPANS))?,
            ),
            weights: Cow::Borrowed(t::WEIGHTS),
        };
        m.check().ok()?;
        Some(m)
    }

    /// Reads a model file (see the module's documentation).
    ///
    /// # Errors
    /// The first line that is not understood, or a missing header.
    pub fn parse(text: &str) -> Result<Model, ModelError> {
        let mut m = Model::default();
        let mut grams: Vec<(bool, String)> = Vec::new();
        let mut weights: Vec<i8> = Vec::new();
        let mut bias: Vec<f64> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| ModelError { line: n, message };
            let (key, rest) = line
                .split_once('\t')
                .ok_or_else(|| err("expected a key, a tab and values".into()))?;
            match key {
                "classes" => {
                    m.labels = rest
                        .split(' ')
                        .map(|s| Label::parse(s).ok_or_else(|| err(format!("unknown class `{s}`"))))
                        .collect::<Result<_, _>>()?;
                }
                "scale" => m.scale = number(n, rest)?,
                "temperature" => m.temperature = number(n, rest)?,
                "threshold" => match numbers::<f64>(n, rest)?.as_slice() {
                    [a, b] if a.is_finite() && b.is_finite() => m.threshold = [*a, *b],
                    _ => return Err(err("expected two thresholds (Chinese, Latin)".into())),
                },
                "others" => m.others = number(n, rest)?,
                "bias" => bias = numbers(n, rest)?,
                "c" | "w" => {
                    let (gram, values) = rest
                        .split_once('\t')
                        .ok_or_else(|| err("expected a gram, a tab and weights".into()))?;
                    let gram =
                        unescape(gram).ok_or_else(|| err(format!("bad escape in `{gram}`")))?;
                    let values: Vec<i8> = numbers(n, values)?;
                    if values.len() != m.labels.len() {
                        return Err(err(format!(
                            "{} weights for {} classes (is `classes` first?)",
                            values.len(),
                            m.labels.len()
                        )));
                    }
                    weights.extend(values);
                    grams.push((key == "w", gram));
                }
                _ => return Err(err(format!("unknown key `{key}`"))),
            }
        }
        m.bias = Cow::Owned(bias);
        m.weights = Cow::Owned(weights);
        m.vocab = Vocab::new(grams.iter().map(
            |(word, g)| {
                if *word {
                    Gram::Word(g)
                } else {
                    Gram::Chars(g)
                }
            },
        ))
        .ok_or_else(|| ModelError {
            line: 0,
            message: "grams must come characters first, then words, each in ascending order, once"
                .into(),
        })?;
        m.check()?;
        Ok(m)
    }

    /// Whether the parts fit: a bias per class, a positive temperature, a
    /// row of weights per gram.
    fn check(&self) -> Result<(), ModelError> {
        let k = self.labels.len();
        let err = |message: String| Err(ModelError { line: 0, message });
        if k == 0 || self.bias.len() != k {
            return err(format!("{} classes and {} biases", k, self.bias.len()));
        }
        if self.temperature.is_nan() || self.temperature <= 0.0 {
            return err("temperature must be positive".into());
        }
        if self.weights.len() != self.vocab.len() * k {
            return err(format!(
                "{} weights for {} grams of {k} classes",
                self.weights.len(),
                self.vocab.len()
            ));
        }
        Ok(())
    }

    /// The classes, in the order of the weights.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The threshold below which a reason found in `text` is not trusted.
    pub fn threshold(&self, text: &str) -> f64 {
        let [chinese, latin] = self.threshold;
        if is_latin(text) {
            latin
        } else {
            chinese
        }
    }

    /// The grams the model knows.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// The raw scores (logits before the temperature) of a message.
    pub fn logits(&self, text: &str) -> Vec<f64> {
        let k = self.labels.len();
        let (rows, value) = self.vocab.vector(text);
        let mut sums = vec![0i64; k];
        for row in rows {
            let from = row as usize * k;
            if let Some(w) = self.weights.get(from..from + k) {
                for (s, w) in sums.iter_mut().zip(w) {
                    *s += i64::from(*w);
                }
            }
        }
        self.bias
            .iter()
            .zip(sums)
            .map(|(b, s)| b + value * self.scale * s as f64)
            .collect()
    }

    /// Classifies one message. Without classes (an unreadable model) every
    /// message is `Unknown` with probability 0.
    pub fn classify(&self, text: &str) -> Prediction {
        let probabilities = softmax(&self.logits(text), self.temperature);
        let best = probabilities
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, p)| (i, *p));
        let Some((top, probability)) = best.and_then(|(i, p)| Some((*self.labels.get(i)?, p)))
        else {
            return Prediction {
                top: Label::NoReason,
                probability: 0.0,
                verdict: Verdict::Unknown,
                others: Vec::new(),
                probabilities,
            };
        };
        let verdict = match top {
            Label::NoReason => Verdict::NoReason,
            Label::Reason(c) if probability >= self.threshold(text) => Verdict::Reason(c),
            Label::Reason(_) => Verdict::Unknown,
        };
        let mut others: Vec<(ReasonCode, f64)> = self
            .labels
            .iter()
            .zip(&probabilities)
            .filter_map(|(l, p)| match l {
                Label::Reason(c) if *l != top && *p >= self.others => Some((*c, *p)),
                _ => None,
            })
            .collect();
        others.sort_by(|a, b| b.1.total_cmp(&a.1));
        Prediction {
            top,
            probability,
            verdict,
            others,
            probabilities,
        }
    }
}

/// Softmax of `logits / temperature`.
pub fn softmax(logits: &[f64], temperature: f64) -> Vec<f64> {
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = logits
        .iter()
        .map(|l| ((l - max) / temperature).exp())
        .collect();
    let sum: f64 = exp.iter().sum();
    exp.iter().map(|e| e / sum).collect()
}
