//! Smart punctuation for plain text, by the rules pulldown-cmark's
//! `ENABLE_SMART_PUNCTUATION` applies to Markdown, so that a profile reads the same
//! whichever format it came in: `'` → ’ or ‘, `"` → “ or ”, `--` → –, `---` → —,
//! `...` → …. Markdown gets this from pulldown-cmark itself; this is the one copy
//! for the plain-text reader.
//!
//! Quotes follow CommonMark's flanking rules for delimiters: a quote opens when
//! something other than a space follows it and a space, the start or punctuation comes
//! before it; it closes when something other than a space comes before it and a space,
//! the end or punctuation follows. A single quote is an apostrophe (’) unless a later
//! one closes it, and never opens right after `)` or `]` ("(MEK)'s").
//!
//! Two refinements: an elided century ("'90s", "'05") never opens, so a later closing
//! quote in the same paragraph cannot turn it into ‘; and a double quote that can only
//! close is ” even with no opener before it (the last paragraph of a quotation running
//! over several), where pulldown-cmark writes “.
//!
//! URLs are left as written: a link's address must not change.
//! [`crate::resolve`] finds the ASCII spellings in the input again when it places markers.

/// `text` with smart punctuation.
pub(super) fn smart(text: &str) -> String {
    if !text.contains(['\'', '"']) && !text.contains("--") && !text.contains("...") {
        return text.to_string();
    }
    let urls = crate::resolve::url_ranges(text);
    let mut urls = urls.iter().peekable();
    let mut out = String::with_capacity(text.len() + 16);
    // Where in `out` the pending single opener is: written as ’, made ‘ once closed.
    let mut single_open: Option<usize> = None;
    let mut double_open = false;
    let mut i = 0;
    while i < text.len() {
        while urls.next_if(|r| r.end <= i).is_some() {}
        if let Some(url) = urls.next_if(|r| r.start == i) {
            out.push_str(&text[url.clone()]);
            i = url.end;
            continue;
        }
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        match c {
            '\'' | '"' => {
                let prev = text[..i].chars().next_back();
                let next = rest[1..].chars().next();
                let (opens, closes) = flanking(prev, next, c == '\'');
                if c == '"' {
                    if closes && (double_open || !opens) {
                        double_open = false;
                        out.push('”');
                    } else {
                        double_open |= opens;
                        out.push('“');
                    }
                } else {
                    if let (true, Some(at)) = (closes, single_open) {
                        out.replace_range(at..at + '’'.len_utf8(), "‘");
                        single_open = None;
                    } else if opens && !elided_century(&rest[1..]) {
                        single_open = Some(out.len());
                    }
                    out.push('’');
                }
                i += 1;
            }
            '.' if rest.starts_with("...") => {
                out.push('…');
                i += 3;
            }
            '-' => {
                let run = rest.bytes().take_while(|&b| b == b'-').count();
                dashes(run, &mut out);
                i += run;
            }
            _ => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Whether a quote between `prev` and `next` may open and may close (CommonMark's
/// left- and right-flanking delimiter runs).
fn flanking(prev: Option<char>, next: Option<char>, single: bool) -> (bool, bool) {
    let opens = next.is_some_and(|n| !n.is_whitespace())
        && prev.is_none_or(|p| {
            p.is_whitespace() || (is_punctuation(p) && !(single && matches!(p, ')' | ']')))
        });
    let closes = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || is_punctuation(n));
    (opens, closes)
}

/// CommonMark's punctuation: ASCII punctuation and Unicode punctuation and symbols,
/// which is everything that is neither a letter, a digit, a space nor a control.
fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control()
}

/// "90s", "05 season": two digits, then an "s" or the end of the word.
fn elided_century(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b.get(2)
            .is_none_or(|&c| c == b's' || !c.is_ascii_alphanumeric())
}

/// A run of hyphens: one stays a hyphen; longer runs become em and en dashes of the
/// same total, ems first, as pulldown-cmark writes them ("--" –, "---" —, "----" ––).
fn dashes(run: usize, out: &mut String) {
    if run == 1 {
        out.push('-');
        return;
    }
    let (ems, ens) = match run % 6 {
        0 | 3 => (run / 3, 0),
        2 | 4 => (0, run / 2),
        1 => (run / 3 - 1, 2),
        _ => (run / 3, 1),
    };
    out.extend(std::iter::repeat_n('—', ems));
    out.extend(std::iter::repeat_n('–', ens));
}

#[cfg(test)]
mod tests {
    use super::smart;

    #[test]
    fn apostrophes_in_contractions_and_possessives() {
        assert_eq!(smart("the Shah's government"), "the Shah’s government");
        assert_eq!(smart("don't, won't, it's"), "don’t, won’t, it’s");
        assert_eq!(smart("the players' union"), "the players’ union");
        assert_eq!(smart("the MEK's exile"), "the MEK’s exile");
        assert_eq!(smart("(MEK)'s leaders"), "(MEK)’s leaders");
        assert_eq!(smart("'tis the season"), "’tis the season");
    }

    #[test]
    fn elided_centuries_stay_apostrophes() {
        assert_eq!(smart("in the '90s."), "in the ’90s.");
        assert_eq!(
            smart("the '90s and the players' union"),
            "the ’90s and the players’ union"
        );
        assert_eq!(smart("class of '05, they said"), "class of ’05, they said");
        assert_eq!(smart("'905 Street'"), "‘905 Street’");
    }

    #[test]
    fn double_and_nested_quotes() {
        assert_eq!(
            smart("Dubbed \"Eternal Light\" the mission"),
            "Dubbed “Eternal Light” the mission"
        );
        assert_eq!(smart("\"'Shelob' is my name.\""), "“‘Shelob’ is my name.”");
        assert_eq!(
            smart("'Oak,' 'elm,' and 'beech'"),
            "‘Oak,’ ‘elm,’ and ‘beech’"
        );
        assert_eq!(
            smart("He said, \"it's 'fine'.\""),
            "He said, “it’s ‘fine’.”"
        );
    }

    #[test]
    fn quotes_after_brackets_and_dashes() {
        assert_eq!(smart("(\"quoted\")"), "(“quoted”)");
        assert_eq!(smart("['word']"), "[‘word’]");
        assert_eq!(smart("a---\"quote\"--b"), "a—“quote”–b");
        assert_eq!(smart("so—'this'—then"), "so—‘this’—then");
    }

    #[test]
    fn quotes_at_line_starts_and_ends() {
        assert_eq!(smart("\"Yes\""), "“Yes”");
        assert_eq!(smart("'No'"), "‘No’");
        assert_eq!(smart("\""), "“");
        assert_eq!(smart("the end.\" Then"), "the end.” Then");
    }

    #[test]
    fn dashes_and_ellipses() {
        assert_eq!(smart("Albania - its members"), "Albania - its members");
        assert_eq!(smart("1979--1981"), "1979–1981");
        assert_eq!(smart("yes---no"), "yes—no");
        assert_eq!(smart("a----b"), "a––b");
        assert_eq!(smart("a-----b"), "a—–b");
        assert_eq!(smart("a-------b"), "a—––b");
        assert_eq!(smart("wait... what...."), "wait… what….");
        assert_eq!(smart("pre-war"), "pre-war");
    }

    #[test]
    fn urls_stay_as_written() {
        assert_eq!(
            smart("see https://example.org/a--b...c?q='x' and \"this\""),
            "see https://example.org/a--b...c?q='x' and “this”"
        );
        assert_eq!(
            smart("\"https://example.org/x\""),
            "“https://example.org/x”"
        );
    }

    #[test]
    fn text_without_candidates_is_unchanged() {
        let text = "Plain words, “already curly”, and a (4) marker.";
        assert_eq!(smart(text), text);
        assert_eq!(smart(""), "");
    }
}
