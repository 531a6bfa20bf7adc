//! The one rule for which outside link targets an edition makes live, shared by the
//! EPUB and PDF backends and by the loader that warns about the rest.
//!
//! Only `http:`, `https:` and `mailto:` are followed; `javascript:`, `file:`, `data:`,
//! `vbscript:`, relative file names and everything else print as text. Fragments
//! (`#heading`) are in-document targets each backend resolves itself.

/// Schemes a reader can follow safely from a book.
const SAFE_SCHEMES: [&str; 3] = ["http://", "https://", "mailto:"];

/// The href for an outside link, percent-encoded where URL syntax requires it
/// (`http://x/a[1]` → `http://x/a%5B1%5D`), or `None` when its scheme is not a safe
/// one or it holds white space or control characters.
pub fn outside_href(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let scheme = SAFE_SCHEMES
        .iter()
        .find(|scheme| lower.starts_with(*scheme) && lower.len() > scheme.len())?;
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    // The authority (`host:port`, perhaps an IPv6 `[::1]`) is kept as written.
    let rest = &url[scheme.len()..];
    let authority_len = if scheme.ends_with("//") {
        rest.find(['/', '?', '#']).unwrap_or(rest.len())
    } else {
        0
    };
    let mut out = String::with_capacity(url.len());
    out.push_str(&url[..scheme.len() + authority_len]);
    let tail = &rest[authority_len..];
    for (i, c) in tail.char_indices() {
        let keep = c.is_ascii_alphanumeric()
            || "-._~:/?#@!$&'()*+,;=".contains(c)
            || (c == '%' && is_escape(&tail[i..]));
        if keep {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    Some(out)
}

/// Whether `text` starts with a `%XX` escape.
fn is_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 3 && bytes[1].is_ascii_hexdigit() && bytes[2].is_ascii_hexdigit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes_are_live() {
        assert_eq!(
            outside_href(" https://example.org/a?b=1#c ").as_deref(),
            Some("https://example.org/a?b=1#c")
        );
        assert_eq!(
            outside_href("MAILTO:a@b.org").as_deref(),
            Some("MAILTO:a@b.org")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "file:///etc/passwd",
            "data:text/html,x",
            "vbscript:x",
            "other.md",
            "/etc/passwd",
            "http://",
            "http://x/a b",
            "http://x/\u{7}",
        ] {
            assert_eq!(outside_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn urls_are_percent_encoded_where_needed() {
        assert_eq!(
            outside_href("http://x/a[1]").as_deref(),
            Some("http://x/a%5B1%5D")
        );
        assert_eq!(
            outside_href("http://[::1]:8/é<\"%41%g").as_deref(),
            Some("http://[::1]:8/%C3%A9%3C%22%41%25g")
        );
    }
}
