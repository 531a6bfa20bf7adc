//! XML escaping, identifier and language-tag sanitising, right-to-left runs, and the
//! `{{name}}` template filler: the small text helpers every other stage leans on.

use std::fmt::Write as _;

/// Appends `text` to `out` with the five XML special characters escaped and the
/// characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) dropped, so scraped
/// input with stray control bytes still makes well-formed XHTML.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// `text` escaped for XML text or an attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// An XML NCName made of ASCII letters, digits and `-`, starting with a letter, so it
/// serves as a file name, an `id` and a URL fragment without further escaping.
pub fn sanitize_name(raw: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        return fallback.to_string();
    }
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, "p-");
    }
    out
}

/// A well-formed BCP 47 tag, or `en` (the rule in [`crate::lang`]).
pub fn language_tag(raw: &str) -> String {
    crate::lang::language_tag(raw)
}

/// Whether a language is written right to left (for `dir` on the whole document).
pub fn is_rtl_language(lang: &str) -> bool {
    matches!(
        crate::lang::primary(lang).as_str(),
        "ar" | "fa" | "he" | "ur" | "ps" | "yi" | "ckb" | "sd" | "ug" | "dv"
    )
}

fn is_arabic_script(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_hebrew_script(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x05FF | 0xFB1D..=0xFB4F)
}

fn is_strong_rtl(c: char) -> bool {
    is_arabic_script(c) || is_hebrew_script(c)
}

/// Letters Persian uses and Arabic does not (پ چ ژ گ ک ی), to tell the two apart.
fn is_persian_letter(c: char) -> bool {
    matches!(
        c,
        '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' | '\u{06A9}' | '\u{06CC}'
    )
}

/// U+2060 WORD JOINER: no line break on either side of it, and nothing drawn.
const WORD_JOINER: char = '\u{2060}';

/// `text` with a word joiner before each dash where a reading system following UAX
/// #14 could start a line with it ("word—word" breaks before the em dash) and the PDF
/// would not ([`crate::lang::opens_no_line`]). A dash opening the text is left alone:
/// what precedes it is markup.
fn join_dashes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(crate::lang::opens_no_line) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 6);
    let mut from = 0;
    for (p, _) in unicode_linebreak::linebreaks(text) {
        if p > 0 && p < text.len() && text[p..].starts_with(crate::lang::opens_no_line) {
            out.push_str(&text[from..p]);
            out.push(WORD_JOINER);
            from = p;
        }
    }
    out.push_str(&text[from..]);
    out.into()
}

/// Appends escaped `text`, wrapping each right-to-left run (Persian, Arabic, Hebrew
/// words with the spaces and punctuation between them) in `<span dir="rtl">` — with
/// `lang="fa"` when Persian-only letters show the language — so a reading system lays
/// it out correctly inside left-to-right prose. Inside an RTL document, runs are left
/// alone: the document's own direction already applies.
pub fn push_text(out: &mut String, text: &str, doc_rtl: bool) {
    let text = &join_dashes(text);
    if doc_rtl || !text.chars().any(is_strong_rtl) {
        push_escaped(out, text);
        return;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut plain_from = 0;
    while i < chars.len() {
        if !is_strong_rtl(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        // Extend over neutrals only while another RTL letter follows them.
        let mut end_idx = i;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_strong_rtl(c) {
                end_idx = j;
            } else if c.is_alphabetic() {
                break;
            }
            j += 1;
        }
        let end = chars
            .get(end_idx + 1)
            .map_or(text.len(), |&(offset, _)| offset);
        push_escaped(out, &text[plain_from..start]);
        let run = &text[start..end];
        if run.chars().any(is_persian_letter) {
            out.push_str("<span dir=\"rtl\" lang=\"fa\" xml:lang=\"fa\">");
        } else {
            out.push_str("<span dir=\"rtl\">");
        }
        push_escaped(out, run);
        out.push_str("</span>");
        plain_from = end;
        i = end_idx + 1;
    }
    push_escaped(out, &text[plain_from..]);
}

/// Fills `{{name}}` placeholders in a template with already-escaped values. An unknown
/// placeholder is an error naming it, so a hand-edited template with a typo fails
/// loudly instead of printing `{{titel}}` into a book.
pub fn fill(template: &str, values: &[(&str, &str)]) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            return Err(format!("unclosed placeholder {}", snippet(&rest[open..])));
        };
        let name = after[..close].trim();
        match values.iter().find(|(key, _)| *key == name) {
            Some((_, value)) => out.push_str(value),
            None => return Err(format!("unknown placeholder {{{{{name}}}}}")),
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn snippet(text: &str) -> String {
    let mut s: String = text.chars().take(24).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

/// Letters for the n-th (from 0) citing place of a note: a … z, aa, ab, …
pub use crate::model::letters as occurrence_letters;

/// `YYYY-MM-DDThh:mm:ssZ` for unix seconds (the form `dcterms:modified` requires).
pub fn iso_datetime(unix: i64) -> String {
    let (y, m, d, hh, mm, ss) = civil(unix);
    let mut out = String::new();
    let _ = write!(out, "{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z");
    out
}

/// Calendar fields of unix seconds, years clamped to 0..=9999 (Howard Hinnant's
/// days-to-civil algorithm).
pub fn civil(unix: i64) -> (i64, u32, u32, u32, u32, u32) {
    let unix = unix.clamp(-62_167_219_200, 253_402_300_799);
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        m,
        d,
        (secs / 3600) as u32,
        (secs % 3600 / 60) as u32,
        (secs % 60) as u32,
    )
}

/// Unix seconds at midnight UTC of a civil date (the inverse of [`civil`]).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_never_opens_a_line_in_a_reading_system() {
        let mut out = String::new();
        push_text(&mut out, "the guild—and its lamps – lit; 1979–1981", false);
        // A break was allowed only before the em dash (after "guild") and at the space
        // before the spaced en dash.
        assert_eq!(
            out,
            "the guild\u{2060}—and its lamps \u{2060}– lit; 1979–1981"
        );
        let mut out = String::new();
        push_text(&mut out, "—opening", false);
        assert_eq!(out, "—opening");
    }

    #[test]
    fn escapes_and_drops_forbidden_characters() {
        assert_eq!(
            escape("a & <b> \"c\" 'd'\u{1}"),
            "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;"
        );
    }

    #[test]
    fn names_are_ncnames() {
        assert_eq!(sanitize_name("000_523d Été!", "x"), "p-000-523d-t");
        assert_eq!(sanitize_name("***", "profile-3"), "profile-3");
    }

    #[test]
    fn language_tags_are_checked() {
        assert_eq!(language_tag("fr"), "fr");
        assert_eq!(language_tag("en-GB"), "en-GB");
        assert_eq!(language_tag("french please"), "en");
    }

    #[test]
    fn rtl_runs_get_spans() {
        let mut out = String::new();
        push_text(&mut out, "the word مجاهدین خلق (MEK) means", false);
        assert_eq!(
            out,
            "the word <span dir=\"rtl\" lang=\"fa\" xml:lang=\"fa\">مجاهدین خلق</span> (MEK) means"
        );
        let mut out = String::new();
        push_text(&mut out, "قال", false);
        assert_eq!(out, "<span dir=\"rtl\">قال</span>");
    }

    #[test]
    fn fill_rejects_unknown_placeholders() {
        assert_eq!(
            fill("<t>{{ a }}</t>", &[("a", "x")]).as_deref(),
            Ok("<t>x</t>")
        );
        assert!(fill("{{b}}", &[("a", "x")]).unwrap_err().contains("{{b}}"));
        assert!(fill("{{a", &[("a", "x")]).is_err());
    }

    #[test]
    fn letters_and_dates() {
        assert_eq!(occurrence_letters(0), "a");
        assert_eq!(occurrence_letters(25), "z");
        assert_eq!(occurrence_letters(26), "aa");
        assert_eq!(iso_datetime(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_datetime(1_676_246_400), "2023-02-13T00:00:00Z");
        assert_eq!(days_from_civil(2023, 2, 13), 1_676_246_400);
    }
}
