//! Page debris: the lines a web page puts around its article — menus, share bars,
//! cookie banners, breadcrumbs, a wiki's chrome and table of contents, footers — that a
//! browser's plain-text copy keeps and that are never the article.
//!
//! One rule decides, line by line, with the lines around it as context:
//!
//! 1. **Boilerplate**: a line that is a known banner or chrome phrase ("Skip to content",
//!    "Jump to: navigation, search", "Cookie statement", "Twitter") or starts like one
//!    ("We use cookies…", "© 2024 …", "Retrieved from \"http…"). Dropped wherever it is.
//! 2. **Menu**: a line of short link-like parts between separators ("Home | About |
//!    Contact", "Home › News › Story"), or a run of short link-like lines holding at
//!    least [`MIN_RUN_HITS`] menu words ("About", "Log in", "Privacy policy"…). Only
//!    the stretch from the run's first menu word to its last goes: a heading or a title
//!    right after a menu is short and link-like too, and must stay.
//! 3. **Contents**: a "Contents" line followed by numbered section lines ("1 History",
//!    "1.1 Early years"), a wiki's table of contents; the book makes its own.
//! 4. **Section label**: a short line in capitals straight above the headline, before
//!    the article's first sentence ("MEDIA HISTORY" over "How Two Reporters…"): the
//!    site's section, printed as a kicker; taken for the title, it would hide the
//!    headline.
//!
//! The word lists and limits were tuned on `tests/data/debris/tune/` and are measured
//! on `tests/data/debris/held-out/` (see the tests at the end of this file).

use super::lowercase::{self, Words};

/// Why a line is debris.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A known banner, chrome or footer phrase.
    Boilerplate,
    /// Navigation, share bars, breadcrumbs, link lists.
    Menu,
    /// A wiki's table of contents.
    Contents,
    /// A section label in capitals above the headline.
    Label,
}

impl Kind {
    /// The word used in diagnostics.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Boilerplate => "boilerplate",
            Kind::Menu => "navigation",
            Kind::Contents => "table of contents",
            Kind::Label => "section label",
        }
    }
}

/// Whole lines (compared lowercase, trimmed) that are debris wherever they stand.
const BOILERPLATE_LINES: Words = Words::new(&[
    "top of page",
    "bottom of page",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip to search",
    "skip to footer",
    "back to top",
    "back to top of page",
    "scroll to top",
    "share",
    "share this",
    "share this post",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "share on linkedin",
    "share via email",
    "tweet",
    "pin it",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "pinterest",
    "reddit",
    "whatsapp",
    "youtube",
    "tiktok",
    "menu",
    "main menu",
    "open menu",
    "close menu",
    "toggle navigation",
    "toggle menu",
    "search",
    "home",
    "log in",
    "login",
    "sign in",
    "sign up",
    "subscribe",
    "print",
    "like",
    "comments",
    "0 comments",
    "leave a comment",
    "leave a reply",
    "post not marked as liked",
    "recent posts",
    "see all",
    "accept",
    "accept all",
    "reject all",
    "decline",
    "cookie settings",
    "manage cookies",
    "cookie policy",
    "cookie statement",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "accessibility statement",
    "sitemap",
    // MediaWiki chrome, as a browser copies it
    "jump to navigation",
    "jump to search",
    "jump to content",
    "jump to: navigation, search",
    "from wikipedia, the free encyclopedia",
    "from wikinews, the free news source you can write!",
    "navigation menu",
    "personal tools",
    "not logged in",
    "create account",
    "view history",
    "view source",
    "edit links",
    "main page",
    "random article",
    "donate to wikipedia",
    "wikipedia store",
    "community portal",
    "recent changes",
    "what links here",
    "related changes",
    "upload file",
    "special pages",
    "permanent link",
    "page information",
    "wikidata item",
    "cite this page",
    "print/export",
    "create a book",
    "download as pdf",
    "printable version",
    "in other projects",
    "contact wikipedia",
    "about wikipedia",
    "mobile view",
    "toggle the table of contents",
    "page semi-protected",
    "powered by mediawiki",
    "[edit]",
    "v t e",
    "v · t · e",
    // the cookie banner and feedback footer of the GOV.UK design system, used by
    // thousands of public-sector sites
    "you have accepted additional cookies.",
    "you have rejected additional cookies.",
    "change your cookie settings",
    "view cookies",
    "your cookie settings were saved",
    "accept additional cookies",
    "reject additional cookies",
    "hide this message",
    "hide cookie message",
    "is this page useful?",
    "was this page helpful?",
    "thank you for your feedback",
    "report a problem with this page",
    // links that only lead on
    "more",
    "more...",
    "more…",
    "read more",
    "read more »",
    "continue reading",
    "view blog reactions",
    "connecting to %s",
    "latest stories",
    "latest news",
    "latest posts",
    "related posts",
    "related stories",
    "related articles",
    "most read",
    "most popular",
    "donate now",
]);

/// Starts of banner lines: debris up to [`BANNER_MAX_CHARS`], since a page about
/// cookies or newsletters says the same words at length.
const BANNER_PREFIXES: Words = Words::new(&[
    "we use cookies",
    "we use some essential cookies",
    "we’d like to set additional cookies",
    "we'd like to set additional cookies",
    "this website uses cookies",
    "this site uses cookies",
    "by continuing to use this site",
    "by using this site, you agree",
    "accept all cookies",
    "subscribe to our newsletter",
    "subscribe to get",
    "sign up for our newsletter",
    "follow us on",
    "share this:",
    "share:",
    // the same share bar in Portuguese, Spanish, French, German, Italian, Turkish, Russian
    "compartilhe:",
    "compartilhar:",
    "compartir:",
    "comparte:",
    "partager :",
    "partager:",
    "partagez :",
    "teilen:",
    "condividi:",
    "paylaş:",
    "поделиться:",
    "help us improve",
    "click here",
    ">>",
    // Fandom's banner on every wiki it hosts
    "ad blocker interference detected",
    "wikia is a free-to-use site",
    "wikia is not accessible if",
    "fandom is a free-to-use site",
]);

/// A banner line is at most this long.
const BANNER_MAX_CHARS: usize = 160;

/// Labels of a line that links to other pages of the site ("Related: The reporters who
/// broke Watergate, then and now", "Read more: …", "More from Media History"), debris
/// up to [`RELATED_MAX_WORDS`] words.
const RELATED_PREFIXES: Words = Words::new(&[
    "related:",
    "related articles:",
    "related stories:",
    "related content:",
    "related reading:",
    "related coverage:",
    "read more:",
    "read also:",
    "also read:",
    "read next:",
    "recommended:",
    "recommended for you",
    "you may also like",
    "you might also like",
    "more from ",
    "more stories from ",
    "more on this story",
    "more in ",
]);

/// A related-links line holds one headline: at most this many words.
const RELATED_MAX_WORDS: usize = 16;

/// Whole lines (lowercase) that head a list of links to other stories, one headline a
/// line ("Related articles", "Most read"); the headlines under them go too.
const RELATED_HEADERS: Words = Words::new(&[
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "read next",
    "more stories",
    "recommended for you",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "popular posts",
    "latest stories",
    "latest news",
    "latest posts",
    "editor's picks",
    "editor’s picks",
]);

/// The most headlines taken under one such header.
const RELATED_MAX_LINES: usize = 12;

/// A line that is a search box's label or placeholder ("Search…", "Search this site",
/// "Search for:") has at most this many words.
const SEARCH_MAX_WORDS: usize = 4;

/// Words of a counter under an article ("Comments (214)", "12 comments", "Show
/// comments", "Responses: 3"); with a number, nothing else.
const COUNTER_WORDS: &[&str] = &[
    "comment",
    "comments",
    "response",
    "responses",
    "reply",
    "replies",
    "share",
    "shares",
    "like",
    "likes",
    "view",
    "show",
    "read",
    "all",
];

/// Starts of short lines (footers, wiki notices) that are debris whatever follows.
const BOILERPLATE_PREFIXES: Words = Words::new(&[
    "©",
    "copyright ©",
    "all rights reserved",
    "todos os direitos reservados",
    "todos los derechos reservados",
    "tous droits réservés",
    "alle rechte vorbehalten",
    "tutti i diritti riservati",
    "tüm hakları saklıdır",
    "все права защищены",
    "skip to ",
    "jump to ",
    // wiki boilerplate: hatnotes at the head, the page's address and notices at the foot
    "retrieved from \"http",
    "retrieved from http",
    "this article is about ",
    "for other uses, see ",
    "not to be confused with ",
    "see also: ",
    "main article: ",
    "main articles: ",
    "further information: ",
    "this text comes from wikinews",
    "this article uses material from the wikipedia article",
    "this page was last edited on",
    "this page was last modified on",
    "text is available under the creative commons",
    "content is available under",
    "community content is available under",
    "categories:",
    "hidden categories:",
    "available languages",
    // the comment form under a WordPress.com post
    "fill in your details below or click an icon to log in",
    "you are commenting using your",
]);

/// Boilerplate lines are short; a long line starting the same way is prose. (A
/// wiki's "Hidden categories:" line runs to a few hundred characters.)
const BOILERPLATE_MAX_CHARS: usize = 600;

/// Words and phrases of site menus and share bars (lowercase, whole part of a line).
/// Alone each may be a heading ("Help", "Contents"); several in one run are a menu.
const MENU_WORDS: &[&str] = &[
    "home",
    "about",
    "about us",
    "contact",
    "contact us",
    "news",
    "blog",
    "events",
    "shop",
    "store",
    "search",
    "help",
    "faq",
    "faqs",
    "login",
    "log in",
    "log out",
    "sign in",
    "sign up",
    "register",
    "account",
    "my account",
    "cart",
    "donate",
    "subscribe",
    "newsletter",
    "careers",
    "jobs",
    "press",
    "support",
    "privacy",
    "terms",
    "cookies",
    "accessibility",
    "email",
    "e-mail",
    "print",
    "share",
    "next",
    "previous",
    "next page",
    "previous page",
    "older posts",
    "newer posts",
    "archives",
    "tags",
    "rss",
    // the same menus in Portuguese, Spanish, French, German, Italian, Turkish, Russian
    "início",
    "inicio",
    "sobre",
    "sobre nós",
    "quem somos",
    "artigos",
    "contato",
    "contacto",
    "contáctanos",
    "artículos",
    "acerca de",
    "accueil",
    "à propos",
    "nous contacter",
    "startseite",
    "über uns",
    "kontakt",
    "impressum",
    "datenschutz",
    "chi siamo",
    "contatti",
    "articoli",
    "ana sayfa",
    "anasayfa",
    "hakkımızda",
    "iletişim",
    "makaleler",
    "главная",
    "о нас",
    "контакты",
    "статьи",
    "compartilhe",
    "compartir",
    "partager",
    "teilen",
    "condividi",
    "paylaş",
    "поделиться",
    // wiki chrome: tabs, portlets and their headings
    "talk",
    "article",
    "read",
    "edit",
    "edit source",
    "more",
    "tools",
    "actions",
    "general",
    "contributions",
    "namespaces",
    "variants",
    "views",
    "navigation",
    "interaction",
    "contents",
    "featured content",
    "current events",
    "contact page",
    "languages",
    "developers",
    "statistics",
    "disclaimers",
    "code of conduct",
    // a navigation box's "view · talk · edit" links
    "v",
    "t",
    "e",
];

/// The longest line (in characters) that reads as a link in a menu.
const LINK_MAX_CHARS: usize = 60;
/// The most words a link in a menu has.
const LINK_MAX_WORDS: usize = 6;
/// Menu words a run of link-like lines needs before its stretch between them goes.
const MIN_RUN_HITS: usize = 2;
/// Parts a separated line needs to be a menu ("Home | About | Contact").
const MIN_PARTS: usize = 3;
/// Separators between the parts of a menu or breadcrumb line.
const SEPARATORS: &[char] = &['|', '·', '•', '›', '»', '∙', '¦'];
/// Columns of a menu laid out with spaces ("Menu     Resources") are this far apart.
const COLUMN_GAP: &str = "   ";
/// An index line ("A - B - C - … - Z") has at least this many one- or two-letter parts.
const MIN_INDEX_PARTS: usize = 10;
/// A line of at least this many words with no sentence punctuation is a list of links
/// (a wiki's languages, a form's states), not prose.
const MIN_LINK_LIST_WORDS: usize = 20;
/// … allowing one comma in this many words ("Washington, DC") …
const LINK_LIST_WORDS_PER_COMMA: usize = 20;
/// … and at least one word in this many a name (capitalised or not in Latin script).
const LINK_LIST_NAME_SHARE: usize = 3;
/// A wiki's tagline ("From Wikipedia, the free encyclopedia", "From OpenStreetMap Wiki")
/// has at most this many words.
const TAGLINE_MAX_WORDS: usize = 8;
/// A link that leads on ("Learn more about Lingua »") has at most this many words.
const LEAD_ON_MAX_WORDS: usize = 8;

/// Classifies each line (`lines` holds every line of the file, blank ones included).
pub(crate) fn classify(lines: &[&str]) -> Vec<Option<Kind>> {
    let trimmed: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
    let mut kinds: Vec<Option<Kind>> = trimmed
        .iter()
        .map(|l| {
            if l.is_empty() {
                None
            } else if is_boilerplate(l) {
                Some(Kind::Boilerplate)
            } else if is_separated_menu(l) || is_index_line(l) || is_link_list(l) {
                Some(Kind::Menu)
            } else {
                None
            }
        })
        .collect();
    mark_contents(&trimmed, &mut kinds);
    mark_menu_runs(&trimmed, &mut kinds);
    mark_related_lists(&trimmed, &mut kinds);
    mark_labels(&trimmed, &mut kinds);
    keep_list_headings(&trimmed, &mut kinds);
    kinds
}

/// A works-cited heading ("Works Cited", "References") over a line that is kept is
/// the article's own, even where it touches a share bar or a "Related stories" run:
/// dropping it would lose the whole list. In a run of menu links ("Home", "Notes",
/// "About") the line under it is debris too, and it stays dropped.
fn keep_list_headings(lines: &[&str], kinds: &mut [Option<Kind>]) {
    for i in 0..lines.len() {
        if kinds[i].is_none() || !super::cited::is_heading(lines[i]) {
            continue;
        }
        let next = (i + 1..lines.len()).find(|&j| !lines[j].is_empty());
        if next.is_some_and(|j| kinds[j].is_none()) {
            kinds[i] = None;
        }
    }
}

/// Whether a trimmed line is boilerplate on its own.
pub(crate) fn is_boilerplate(line: &str) -> bool {
    if line.len() > BOILERPLATE_MAX_CHARS * 4 {
        return false;
    }
    let chars = || {
        // No more characters than bytes: most lines are told without counting.
        if line.len() <= BANNER_MAX_CHARS {
            line.len()
        } else {
            line.chars().count()
        }
    };
    lowercase::is_one_of(line, &BOILERPLATE_LINES)
        || is_wiki_tagline(line)
        || is_lead_on_link(line)
        || is_search_box(line)
        || is_counter(line)
        || is_related_link(line)
        || (chars() <= BOILERPLATE_MAX_CHARS
            && lowercase::starts_with_any(line, &BOILERPLATE_PREFIXES))
        || (chars() <= BANNER_MAX_CHARS && lowercase::starts_with_any(line, &BANNER_PREFIXES))
}

/// "From Wikipedia, the free encyclopedia", "From Wikivoyage", "From OpenStreetMap Wiki":
/// the line under a wiki page's title.
fn is_wiki_tagline(line: &str) -> bool {
    lowercase::starts_with(line, "from ")
        && line.split_whitespace().count() <= TAGLINE_MAX_WORDS
        && !line.ends_with(['!', '?', ';', ':'])
        && line.to_lowercase().contains("wik")
}

/// "Learn more about Global Voices »", "Donate now »": a short line ending in an arrow
/// is a link to another page.
fn is_lead_on_link(line: &str) -> bool {
    line.ends_with(['»', '→'])
        && line.split_whitespace().count() <= LEAD_ON_MAX_WORDS
        && !line.contains(['.', '!', '?'])
}

/// "Search…", "Search...", "Search this site", "Search for:": the label or placeholder
/// of a search box. ("Search" alone is in [`BOILERPLATE_LINES`].)
fn is_search_box(line: &str) -> bool {
    if !lowercase::starts_with(line, "search") {
        return false;
    }
    let rest = line["search".len()..].trim();
    let words = line.split_whitespace().count();
    let site = [
        "this site",
        "the site",
        "our site",
        "the website",
        "this website",
    ]
    .iter()
    .any(|w| lowercase::starts_with(rest, w));
    words <= SEARCH_MAX_WORDS && (rest.ends_with(['…', ':']) || rest.ends_with("...") || site)
}

/// "Comments (214)", "214 Comments", "Responses: 3", "Show comments (12)": a counter
/// or a button under the article, a number and the words of [`COUNTER_WORDS`].
fn is_counter(line: &str) -> bool {
    // A counter names comments, replies or responses; no other letter lowercases to
    // theirs, so most lines are told without lowercasing their words.
    if !["comment", "repl", "respons"]
        .iter()
        .any(|w| holds_ascii_lowercase(line, w))
    {
        return false;
    }
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ':'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let numbers = words
        .iter()
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit() || b == b','))
        .count();
    let counted = words
        .iter()
        .any(|w| w.starts_with("comment") || w.starts_with("repl") || w.starts_with("respons"));
    // a number, or a button's verb: "Responses" alone may be a heading
    let button = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "view" | "show" | "read"));
    numbers <= 1
        && (numbers == 1 || button)
        && counted
        && words.len() <= SEARCH_MAX_WORDS
        && words.iter().all(|w| {
            COUNTER_WORDS.contains(&w.as_str())
                || w.bytes().all(|b| b.is_ascii_digit() || b == b',')
        })
}

/// "Related: The reporters who broke Watergate, then and now", "More from Media
/// History": a short line leading to other pages (see [`RELATED_PREFIXES`]).
fn is_related_link(line: &str) -> bool {
    lowercase::starts_with_any(line, &RELATED_PREFIXES)
        && line.split_whitespace().count() <= RELATED_MAX_WORDS
        && !line.ends_with(['.', ';', ','])
}

/// The headlines under a [`RELATED_HEADERS`] line or a "More from …" line, up to the
/// first blank line: short lines with no sentence end. A headline of eight words is
/// too long for a menu link, so the menu rule leaves it.
fn mark_related_lists(lines: &[&str], kinds: &mut [Option<Kind>]) {
    for i in 0..lines.len() {
        let header = lowercase::is_one_of(lines[i], &RELATED_HEADERS)
            || lowercase::starts_with(lines[i], "more from ") && is_related_link(lines[i]);
        if !header {
            continue;
        }
        for j in (i + 1..lines.len()).take(RELATED_MAX_LINES) {
            let line = lines[j];
            let headline = !line.is_empty()
                && line.split_whitespace().count() <= RELATED_MAX_WORDS
                && !line.ends_with(['.', ';', ',', ':']);
            if kinds[j].is_some() || !headline {
                break;
            }
            kinds[j] = Some(Kind::Menu);
            kinds[i].get_or_insert(Kind::Menu);
        }
    }
}

/// "MEDIA HISTORY", "OPINION", "SCIENCE & TECH": a short line with no lowercase
/// letter, as a section label over a headline is set.
fn is_label(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && line.chars().count() <= LABEL_MAX_CHARS
        && line.split_whitespace().count() <= LABEL_MAX_WORDS
        && !line.chars().any(char::is_lowercase)
        && !line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with(['.', '!', '?', ';', ',', ':'])
}

/// Whether `line` reads as a headline under a section label: mixed case (not another
/// label), and neither a byline nor a date.
fn is_headline(line: &str) -> bool {
    line.starts_with(char::is_uppercase)
        && line.chars().any(char::is_lowercase)
        && line.chars().count() <= HEADLINE_MAX_CHARS
        && !lowercase::starts_with(line, "by ")
        && !line.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A section label is at most this many characters …
const LABEL_MAX_CHARS: usize = 40;
/// … and words.
const LABEL_MAX_WORDS: usize = 4;
/// A headline under a label is at most this long.
const HEADLINE_MAX_CHARS: usize = 200;
/// A line of at least this many words ending a sentence is the article's prose: no
/// section label follows it.
const PROSE_MIN_WORDS: usize = 10;

/// Section labels: a [`is_label`] line with an [`is_headline`] line straight under it
/// (no blank line between), before the first line of prose.
fn mark_labels(lines: &[&str], kinds: &mut [Option<Kind>]) {
    for i in 0..lines.len().saturating_sub(1) {
        let line = lines[i];
        let prose = line.split_whitespace().count() >= PROSE_MIN_WORDS
            && line.ends_with(['.', '!', '?', '"', '”']);
        if prose && kinds[i].is_none() {
            return;
        }
        if kinds[i].is_none()
            && kinds[i + 1].is_none()
            && is_label(line)
            && is_headline(lines[i + 1])
        {
            kinds[i] = Some(Kind::Label);
        }
    }
}

fn is_menu_word(line: &str) -> bool {
    let lower = line
        .trim_end_matches(['»', '›', '+', '▼', '▾', '⌄'])
        .trim()
        .to_lowercase();
    MENU_WORDS.contains(&lower.as_str()) || BOILERPLATE_LINES.contains(&lower.as_str())
}

/// Short, few words, no sentence punctuation at the end: how a link reads.
fn link_like(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= LINK_MAX_CHARS
        && line.split_whitespace().count() <= LINK_MAX_WORDS
        && !line.ends_with(['.', '!', '?', ';', ',', ':'])
        && !line.starts_with('^')
}

/// Whether `text` holds `needle` (ASCII, lowercase) in any case.
fn holds_ascii_lowercase(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether `line` holds one of [`SEPARATORS`], found by their first bytes
/// ([`SEPARATOR_LEADS`]): most lines hold none, and decoding every character of every
/// line to compare it cost more than the rest of the test.
fn holds_separator(line: &str) -> bool {
    line.bytes().enumerate().any(|(i, b)| {
        // A lead byte starts a character, so `i` is a boundary.
        SEPARATOR_LEADS.contains(&b)
            && line[i..]
                .chars()
                .next()
                .is_some_and(|c| SEPARATORS.contains(&c))
    })
}

/// The first bytes of [`SEPARATORS`] in UTF-8.
const SEPARATOR_LEADS: &[u8] = &[b'|', 0xC2, 0xE2];

/// "Home | About | Contact", "Home › News › A long story title", "A · B · C · D".
fn is_separated_menu(line: &str) -> bool {
    if line.len() > BOILERPLATE_MAX_CHARS * 4 && line.chars().count() > BOILERPLATE_MAX_CHARS * 4 {
        return false;
    }
    // Neither a separator nor a column gap: one part, no menu.
    if !holds_separator(line) && !line.contains(COLUMN_GAP) {
        return false;
    }
    let parts: Vec<&str> = if line.contains(SEPARATORS) {
        line.split(SEPARATORS).collect()
    } else {
        line.split(COLUMN_GAP).collect()
    };
    let parts: Vec<&str> = parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < MIN_PARTS - 1 {
        return false;
    }
    let hits = parts.iter().filter(|p| is_menu_word(p)).count();
    if hits == parts.len() {
        return true;
    }
    // a breadcrumb starts at the home page; its last part may be a whole headline
    let breadcrumb = line.contains(['›', '»'])
        && parts.first().is_some_and(|p| is_menu_word(p))
        && parts[..parts.len() - 1].iter().all(|p| link_like(p));
    let all_links = parts.iter().all(|p| link_like(p));
    breadcrumb
        || (all_links && parts.len() >= MIN_PARTS && (hits >= 1 || parts.len() >= MIN_PARTS + 2))
}

/// "A - B - C - … - Z", "0-9 - a - b - …": a letter index of a long list.
fn is_index_line(line: &str) -> bool {
    let mut parts = line.split_whitespace().filter(|p| *p != "-");
    // Stops at the first long part: most lines are prose.
    parts.clone().all(|p| p.chars().nth(3).is_none()) && parts.nth(MIN_INDEX_PARTS - 1).is_some()
}

/// A long line of words without sentence punctuation: the link list of a language menu
/// or a form ("Afrikaans Alemannisch aragonés …", "Alaska California Nevada …").
fn is_link_list(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words < MIN_LINK_LIST_WORDS || line.contains(['.', '!', '?', ';', ':', '"', '“']) {
        return false;
    }
    // link texts are names: capitalised or in another script
    let names = line
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_ascii()))
        .count();
    names * LINK_LIST_NAME_SHARE >= words
        && line.matches(',').count() <= words / LINK_LIST_WORDS_PER_COMMA
}

/// The heading of a page's table of contents.
const CONTENTS_HEADINGS: Words = Words::new(&["contents", "table of contents"]);

/// "Contents" followed by "1 History", "1.1 Early years", …
fn mark_contents(lines: &[&str], kinds: &mut [Option<Kind>]) {
    let mut i = 0;
    while i < lines.len() {
        if !lowercase::is_one_of(lines[i], &CONTENTS_HEADINGS) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut entries = Vec::new();
        while j < lines.len() {
            if lines[j].is_empty() {
                j += 1;
                continue;
            }
            if !toc_entry(lines[j]) {
                break;
            }
            entries.push(j);
            j += 1;
        }
        if !entries.is_empty() {
            kinds[i] = Some(Kind::Contents);
            for e in entries {
                kinds[e] = Some(Kind::Contents);
            }
        }
        i = j.max(i + 1);
    }
}

/// "1 History", "3.7.2 SpiderMonkey": a section number, a space, a short title.
fn toc_entry(line: &str) -> bool {
    let number_len = line
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    number_len > 0
        && line.as_bytes()[0].is_ascii_digit()
        && line[number_len..].starts_with(' ')
        && link_like(&line[number_len..])
}

/// Runs of link-like lines: the stretch from the first menu word to the last goes,
/// except a line standing alone between blank lines: a title or heading between a
/// menu and a share bar.
fn mark_menu_runs(lines: &[&str], kinds: &mut [Option<Kind>]) {
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=lines.len() {
        let line = lines.get(i).copied();
        match line {
            Some("") => continue,
            Some(l) if link_like(l) || kinds[i].is_some() => run.push(i),
            _ => {
                mark_run(lines, &run, kinds);
                run.clear();
            }
        }
    }
}

fn mark_run(lines: &[&str], run: &[usize], kinds: &mut [Option<Kind>]) {
    let hits: Vec<usize> = run
        .iter()
        .copied()
        .filter(|&i| kinds[i].is_some() || is_menu_word(lines[i]))
        .collect();
    if hits.len() < MIN_RUN_HITS {
        return;
    }
    let (first, last) = (hits[0], hits[hits.len() - 1]);
    let blank = |i: Option<usize>| i.and_then(|i| lines.get(i)).is_none_or(|l| l.is_empty());
    for &i in run {
        let alone = blank(i.checked_sub(1)) && blank(Some(i + 1));
        if (first..=last).contains(&i) && kinds[i].is_none() && !alone {
            kinds[i] = Some(Kind::Menu);
        }
    }
}

#[cfg(test)]
mod tests;
