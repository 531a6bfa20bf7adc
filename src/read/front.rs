//! Front matter: YAML between `---` lines or TOML between `+++` lines, only at byte 0.
//!
//! pulldown-cmark would take a `---` pair anywhere as a metadata block, so metadata
//! blocks stay disabled there and this stage cuts the front matter off itself; the
//! Markdown stage then parses the rest at its real offset, so lines stay absolute.

use std::collections::HashMap;

use serde_json::Value;

use super::Src;
use crate::model::Document;

/// The keys front matter may set; anything else gets a warning.
const KNOWN_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "author",
    "authors",
    "date",
    "lang",
    "series",
    "series-position",
    "description",
    "keywords",
];

#[derive(Clone, Copy, PartialEq)]
enum Syntax {
    Yaml,
    Toml,
}

/// Reads front matter into `doc.meta`, reporting problems, and returns the byte offset
/// where the Markdown body starts (0 when there is no front matter).
pub(super) fn read(src: &Src, doc: &mut Document) -> usize {
    let text = src.text;
    let first = text.split('\n').next().unwrap_or("");
    let syntax = match first.trim_end() {
        "---" => Syntax::Yaml,
        "+++" => Syntax::Toml,
        _ => return 0,
    };
    let content_start = (first.len() + 1).min(text.len());
    let Some((content_end, body_start)) = find_close(text, content_start, syntax) else {
        let fence = if syntax == Syntax::Yaml { "---" } else { "+++" };
        doc.diagnostics.push(
            src.error(
                "E-FRONT-MATTER",
                0,
                first.len(),
                "front matter opened on line 1 is never closed".to_string(),
            )
            .with_hint(format!(
                "end the front matter with a `{fence}` line; for a rule at the top, start the file with a blank line"
            )),
        );
        return text.len();
    };
    let content = &text[content_start..content_end];
    let parsed = match syntax {
        Syntax::Yaml => parse_yaml(content),
        Syntax::Toml => parse_toml(content),
    };
    match parsed {
        Ok(pairs) => apply(src, content_start, content, pairs, doc),
        Err((line_in_content, message)) => {
            // content starts on line 2 of the file
            let offset = src.line_start(line_in_content + 1);
            doc.diagnostics.push(
                src.error(
                    "E-FRONT-MATTER",
                    offset,
                    0,
                    format!("malformed front matter: {message}"),
                )
                .with_hint(match syntax {
                    Syntax::Yaml => {
                        "front matter between `---` lines must be YAML key: value pairs"
                    }
                    Syntax::Toml => {
                        "front matter between `+++` lines must be TOML key = value pairs"
                    }
                }),
            );
        }
    }
    body_start
}

/// The end of the front matter content and the start of the body after the closing line.
fn find_close(text: &str, from: usize, syntax: Syntax) -> Option<(usize, usize)> {
    for (start, line) in super::lines_with_offsets(&text[from..]) {
        let line = line.trim_end();
        let closes = match syntax {
            Syntax::Yaml => line == "---" || line == "...",
            Syntax::Toml => line == "+++",
        };
        if closes {
            let end = from + start;
            let raw_len = text[end..].find('\n').map_or(text.len() - end, |i| i + 1);
            return Some((end, end + raw_len));
        }
    }
    None
}

type Pairs = Vec<(String, Value)>;

/// Parsed pairs, or the 1-based line within the content and a message.
fn parse_yaml(content: &str) -> Result<Pairs, (usize, String)> {
    if content.trim().is_empty() {
        return Ok(Vec::new());
    }
    let value: Value = serde_saphyr::from_str(content).map_err(|e| {
        let line = e.location().map_or(1, |l| l.line() as usize).max(1);
        (line, first_line(&e.to_string()))
    })?;
    match value {
        Value::Object(map) => Ok(map.into_iter().collect()),
        Value::Null => Ok(Vec::new()),
        _ => Err((1, "expected `key: value` pairs".to_string())),
    }
}

fn parse_toml(content: &str) -> Result<Pairs, (usize, String)> {
    let table: toml::Table = toml::from_str(content).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            let before = &content.as_bytes()[..s.start.min(content.len())];
            before.iter().filter(|&&b| b == b'\n').count() + 1
        });
        (line, first_line(e.message()))
    })?;
    Ok(table
        .into_iter()
        .map(|(k, v)| (k, toml_to_json(v)))
        .collect())
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn first_line(message: &str) -> String {
    let line = message.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let line = line.trim().trim_end_matches('.');
    let mut chars = line.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => "cannot parse".to_string(),
    }
}

fn apply(src: &Src, content_start: usize, content: &str, pairs: Pairs, doc: &mut Document) {
    let offsets = key_offsets(content);
    for (key, value) in pairs {
        let offset = content_start + offsets.get(key.as_str()).copied().unwrap_or(0);
        let meta = &mut doc.meta;
        let ok = match key.as_str() {
            "title" => scalar(&value).map(|s| meta.title = s).is_some(),
            "subtitle" => set(&mut meta.subtitle, &value),
            "date" => set(&mut meta.date, &value),
            "series" => set(&mut meta.series, &value),
            "description" => set(&mut meta.description, &value),
            "lang" => scalar(&value).map(|s| meta.lang = s).is_some(),
            "author" | "authors" => list(&value, false).map(|l| meta.authors = l).is_some(),
            "keywords" => list(&value, true).map(|l| meta.keywords = l).is_some(),
            "series-position" => position(&value)
                .map(|p| meta.series_position = Some(p))
                .is_some(),
            _ => {
                doc.diagnostics.push(
                    src.warning(
                        "W-FRONT-MATTER-KEY",
                        offset,
                        key.len(),
                        format!("unknown front matter key `{key}`"),
                    )
                    .with_hint(format!("known keys: {}", KNOWN_KEYS.join(", "))),
                );
                true
            }
        };
        if !ok {
            let wanted = match key.as_str() {
                "author" | "authors" | "keywords" => "text or a list of text",
                "series-position" => "a whole number from 1",
                _ => "text",
            };
            doc.diagnostics.push(src.error(
                "E-FRONT-MATTER",
                offset,
                key.len(),
                format!("malformed front matter: `{key}` must be {wanted}"),
            ));
        }
    }
}

fn set(field: &mut Option<String>, value: &Value) -> bool {
    scalar(value).map(|s| *field = Some(s)).is_some()
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list of text, or one text; `split_commas` lets "a, b" stand for a list.
fn list(value: &Value, split_commas: bool) -> Option<Vec<String>> {
    match value {
        Value::Array(items) => items.iter().map(scalar).collect(),
        Value::Null => Some(Vec::new()),
        other => {
            let s = scalar(other)?;
            Some(if split_commas {
                s.split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(String::from)
                    .collect()
            } else {
                vec![s]
            })
        }
    }
}

fn position(value: &Value) -> Option<u32> {
    let n = match value {
        Value::Number(n) => n.as_u64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    u32::try_from(n).ok().filter(|&n| n >= 1)
}

/// Where each key is written in the content: the offset of the first line that
/// starts with it (quoted or not, before `:` or `=`), for spans. One pass over the
/// content, so 50,000 keys cost no more than reading them.
fn key_offsets(content: &str) -> HashMap<&str, usize> {
    let mut out = HashMap::new();
    for (off, line) in super::lines_with_offsets(content) {
        let body = line.trim_start();
        let key = match body.chars().next() {
            Some(q @ ('"' | '\'')) => body[1..].split(q).next().unwrap_or(""),
            _ => body.split([':', '=']).next().unwrap_or("").trim_end(),
        };
        if !key.is_empty() {
            out.entry(key).or_insert(off + (line.len() - body.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::read::read as read_file;

    #[test]
    fn yaml_sets_every_key() {
        let doc = read_file(
            "a.md",
            b"---\ntitle: The Title\nsubtitle: Sub\nauthors: [A. One, B. Two]\ndate: 2023-02-13\n\
              lang: fr\nseries: Profiles\nseries-position: 2\ndescription: About it.\n\
              keywords: alpha, beta\n---\n\nBody.\n",
        );
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        let m = &doc.meta;
        assert_eq!(m.title, "The Title");
        assert_eq!(m.subtitle.as_deref(), Some("Sub"));
        assert_eq!(m.authors, ["A. One", "B. Two"]);
        assert_eq!(m.date.as_deref(), Some("2023-02-13"));
        assert_eq!(m.lang, "fr");
        assert_eq!(m.series.as_deref(), Some("Profiles"));
        assert_eq!(m.series_position, Some(2));
        assert_eq!(m.description.as_deref(), Some("About it."));
        assert_eq!(m.keywords, ["alpha", "beta"]);
        assert_eq!(doc.blocks.len(), 1);
    }

    #[test]
    fn toml_sets_keys_and_dates_stay_as_written() {
        let doc = read_file(
            "a.md",
            b"+++\ntitle = \"T\"\nauthor = \"Solo\"\ndate = 2024-01-05\nkeywords = [\"x\", \"y\"]\n+++\nBody.\n",
        );
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        assert_eq!(doc.meta.title, "T");
        assert_eq!(doc.meta.authors, ["Solo"]);
        assert_eq!(doc.meta.date.as_deref(), Some("2024-01-05"));
        assert_eq!(doc.meta.keywords, ["x", "y"]);
    }

    #[test]
    fn unknown_key_is_a_warning_on_its_line() {
        let doc = read_file("a.md", b"---\ntitle: T\ncolour: red\n---\nBody.\n");
        let d = &doc.diagnostics[0];
        assert_eq!(d.code, "W-FRONT-MATTER-KEY");
        assert_eq!(d.span.line, 3);
        assert!(!doc.has_errors());
    }

    #[test]
    fn malformed_yaml_is_an_error_with_its_line() {
        let doc = read_file(
            "a.md",
            b"---\ntitle: T\nauthors: [a, b\ndate: x\n---\nBody.\n",
        );
        assert!(doc.has_errors());
        let d = &doc.diagnostics[0];
        assert_eq!(d.code, "E-FRONT-MATTER");
        assert!((3..=5).contains(&d.span.line), "line {}", d.span.line);
        assert!(doc.blocks.is_empty());
    }

    #[test]
    fn malformed_yaml_line_is_absolute() {
        let doc = read_file(
            "a.md",
            b"---\ntitle: T\nsubtitle: S\n  bad: : indent\n---\nBody.\n",
        );
        let d = &doc.diagnostics[0];
        assert_eq!(d.code, "E-FRONT-MATTER");
        assert_eq!(d.span.line, 4, "{d}");
    }

    #[test]
    fn malformed_toml_is_an_error_with_its_line() {
        let doc = read_file("a.md", b"+++\ntitle = \"T\"\nauthor = oops\n+++\nBody.\n");
        let d = &doc.diagnostics[0];
        assert_eq!(d.code, "E-FRONT-MATTER");
        assert_eq!(d.span.line, 3, "{d}");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let doc = read_file("a.md", b"---\ntitle: T\n\nBody.\n");
        assert_eq!(doc.diagnostics[0].code, "E-FRONT-MATTER");
        assert_eq!(doc.diagnostics[0].span.line, 1);
    }

    #[test]
    fn wrong_type_is_an_error() {
        let doc = read_file("a.md", b"---\ntitle: [a, b]\n---\nBody.\n");
        assert_eq!(doc.diagnostics[0].code, "E-FRONT-MATTER");
        assert_eq!(doc.diagnostics[0].span.line, 2);
    }

    #[test]
    fn front_matter_not_at_byte_zero_stays_body() {
        let doc = read_file("a.md", b"# Real\n\n---\ntitle: T\n---\n\nBody.\n");
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
        assert_eq!(doc.meta.title, "Real");
        // a rule, the setext heading "title: T", the paragraph
        assert_eq!(doc.blocks.len(), 3, "{:?}", doc.blocks);
        assert_eq!(doc.blocks[0], crate::model::Block::Rule);
    }
}
