//! The fields of a citation written in Chinese, Japanese or Korean, read by its
//! punctuation. The labeller reads whitespace tokens, and these scripts leave no
//! space between words: a whole note would be one token. Their citations mark every
//! field instead, so no statistics are needed:
//!
//! - the author stands before the title, closed by a colon or nothing
//!   ("周作人：《鲁迅的故家》", "竹内好『魯迅』", "김윤식, 『…』"), its name one unit
//!   (no given names to split off: short forms repeat it whole, or the Japanese family
//!   name that begins it);
//! - a title stands in book marks: 《》 and 『』 for a book or periodical, 〈〉 and 「」
//!   for an article or chapter; a second marked title after the first is its
//!   container ("「中国の近代と日本の近代」『東洋文化講座』");
//! - the facts follow, one a clause: "上海：上海出版公司" (place：publisher), "1953年",
//!   "1988年第6期" (year and issue), "第3—8页" / "45頁" / "45쪽" (pages), "第6卷" /
//!   "第3巻" (volume), "李心峰译" / "竹内好訳" (translator), a publisher alone ("未来社",
//!   "한길사"), a series in parentheses ("平凡社（東洋文庫）").
//!
//! GB/T 7714's list form writes the title unmarked before a type code ("周作人. 鲁迅的故
//! 家\[M\]. 上海: 上海出版公司, 1953."), read the same way.

use std::ops::Range;

use super::types::Reference;
use crate::model::{Details, Name, WorkKind};

/// The title marks, opening and closing: Chinese and Korean book marks (《》 for a book
/// or periodical, 〈〉 for an article or chapter), Japanese brackets (『』 for a book,
/// 「」 for an article).
const TITLE_MARKS: [(char, char); 4] = [('《', '》'), ('『', '』'), ('〈', '〉'), ('「', '」')];

/// Whether `c` is a Han character, kana or Hangul (or the iteration mark 々): a
/// letter of CJK text, its punctuation aside.
pub fn is_cjk_char(c: char) -> bool {
    use crate::lang::{is_han, is_hangul, is_kana};
    c == '々' || is_han(c) || is_kana(c) || is_hangul(c)
}

/// Whether `text` is written in Chinese, Japanese or Korean: at least two of its
/// letters are CJK characters, and more of them than Latin (or other) letters. A
/// Latin citation of a Chinese work ("Lu Xun 鲁迅, *Nahan* 呐喊 (Beijing, 1923)") is not.
pub fn is_cjk(text: &str) -> bool {
    // Every CJK character is three or four bytes in UTF-8 and opens with one of these
    // lead bytes (0xE2 is not one: the dashes and quotes of Latin text open with it).
    // Most notes hold none, and are told so without decoding them: resolution asks
    // this of every note several times.
    let leads = text
        .bytes()
        .filter(|&b| matches!(b, 0xE1 | 0xE3..=0xED | 0xEF | 0xF0))
        .count();
    if leads < 2 {
        return false;
    }
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars() {
        if is_cjk_char(c) {
            cjk += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    cjk >= 2 && cjk > other
}

/// Whether the parser reads `text` with [`read_cjk`]: CJK script with a marked title
/// or a GB/T 7714 type code.
pub(super) fn reads_cjk(text: &str) -> bool {
    is_cjk(text) && (first_title(text, 0).is_some() || type_code(text).is_some())
}

/// What [`read_cjk`] found, beside the fields: whether every clause was read as one.
#[derive(Debug, Default)]
pub(super) struct Read {
    pub reference: Reference,
    /// The text before the title is a list of names (or nothing), not prose.
    pub names_first: bool,
    /// A clause after the title reads as prose ("出版于1923年", "是鲁迅的第一部小说集"):
    /// the title was mentioned in a sentence, not cited.
    pub prose_after: bool,
}

/// Small words of running prose that no name or publisher holds: Chinese 的 了 是 在
/// 对 把 被 这 那 我 他 她 们 说, Japanese particles は が を に で も の, Korean
/// 은 는 이 가 을 를 에서.
const PROSE_WORDS: &[&str] = &[
    "的",
    "了",
    "是",
    "在",
    "对",
    "把",
    "被",
    "这",
    "那",
    "我",
    "他",
    "她",
    "们",
    "说",
    "は",
    "が",
    "を",
    "に",
    "で",
    "も",
    "の",
    "ている",
    "である",
    "은 ",
    "는 ",
    "을 ",
    "를 ",
    "에서",
];

/// The most characters a name, a publisher or a place runs to; longer is prose.
const MAX_NAME_CHARS: usize = 16;
/// The most characters a clause of publication facts runs to.
const MAX_FACT_CHARS: usize = 24;

/// Reads a CJK citation (see the module doc).
pub(super) fn read_cjk(text: &str) -> Read {
    let end = text
        .trim_end_matches(['。', '.', '．', ' ', '\u{3000}'])
        .len();
    let text_end = end;
    let mut details = Details::default();
    let mut reference = Reference::default();
    // The title: the first marked one, or the one before a type code.
    let (head_end, title, after_title, code) = match first_title(&text[..text_end], 0) {
        Some((outer, inner)) => (outer.start, Some(inner), outer.end, None),
        None => match type_code(&text[..text_end]) {
            Some((code_range, code)) => {
                let before = &text[..code_range.start];
                let start = before.rfind(['.', '．']).map_or(0, |i| {
                    i + before[i..].chars().next().map_or(1, char::len_utf8)
                });
                let inner = trim_range(text, start..code_range.start);
                (start, Some(inner), code_range.end, Some(code))
            }
            None => (0, None, 0, None),
        },
    };
    let mut read = Read::default();
    let head = text[..head_end].trim_end_matches(['：', ':', '，', ',', '、', ' ', '.', '．']);
    let (names, editors, et_al) = read_names(head);
    read.names_first = head.trim().is_empty() || !names.is_empty() || !editors.is_empty();
    details.et_al = et_al;
    let Some(title) = title.filter(|t| !t.is_empty()) else {
        return read;
    };
    reference.title = Some(text[title.clone()].trim().to_string());
    reference.title_span = Some(title.clone());
    let mut kind = match text[..title.start].chars().next_back() {
        Some('「' | '〈') => Some(WorkKind::Article),
        _ => Some(WorkKind::Book),
    };
    // A second marked title right after the first is its container: "《篇名》，载《书名》",
    // "「論文」『雑誌』", "〈논문〉, 《잡지》".
    let mut facts_from = after_title;
    let between = |from: usize, to: usize| {
        let gap = text[from..to].trim_matches(['，', ',', '、', ' ', '：', ':']);
        let gap = ["收入", "所收", "收于", "收於", "载", "載", "见", "見"]
            .iter()
            .find_map(|w| gap.strip_prefix(w))
            .unwrap_or(gap);
        gap.trim_matches(['，', ',', '、', ' ', '：', ':'])
            .is_empty()
    };
    if let Some((outer, inner)) = first_title(&text[..text_end], after_title)
        && between(after_title, outer.start)
    {
        details.container = Some(text[inner.clone()].trim().to_string());
        reference.container_span = Some(inner);
        facts_from = outer.end;
    }
    if let Some(code) = code {
        kind = code;
    }
    for segment in segments(text, facts_from..text_end) {
        let s = text[segment.clone()].trim();
        if s.is_empty() {
            continue;
        }
        // GB/T's "1988(6): 12-30": bare pages after the colon.
        let after_colon = text[..segment.start].trim_end().ends_with([':', '：']);
        let fact = match read_fact(s) {
            Fact::Plain(_) if after_colon && s.starts_with(|c: char| c.is_ascii_digit()) => {
                Fact::Pages(s.to_string())
            }
            fact => fact,
        };
        match fact {
            Fact::Date { year, month, issue } => {
                if reference.year.is_none() {
                    details.date = Some(match month {
                        Some(m) => format!("{year}-{m:02}"),
                        None => year.clone(),
                    });
                    reference.year = Some(year);
                }
                if issue.is_some() && details.issue.is_none() {
                    details.issue = issue;
                    kind = Some(WorkKind::Article);
                }
            }
            Fact::Issue(n) => {
                details.issue.get_or_insert(n);
                kind = Some(WorkKind::Article);
            }
            Fact::Pages(p) => {
                details.pages.get_or_insert(p);
            }
            Fact::Volume(v) => {
                details.volume.get_or_insert(v);
            }
            // The translator is no author; the model has no field for them.
            Fact::Translator => {}
            Fact::Editors(names) => {
                if details.editors.is_empty() {
                    details.editors = names;
                }
            }
            Fact::PlacePublisher(place, publisher) => {
                details.place.get_or_insert(place);
                details.publisher.get_or_insert(publisher);
            }
            Fact::Edition {
                place,
                publisher,
                year,
            } => {
                if let Some(place) = place {
                    details.place.get_or_insert(place);
                }
                details.publisher.get_or_insert(publisher);
                if reference.year.is_none() {
                    details.date = Some(year.clone());
                    reference.year = Some(year);
                }
            }
            Fact::Plain(word) => {
                // A periodical's name before its year ("《文学评论》1988年第6期" is marked;
                // GB/T lists write it plain), else the publisher, then its series.
                if code == Some(Some(WorkKind::Article)) && details.container.is_none() {
                    details.container = Some(word);
                } else if details.publisher.is_none() {
                    details.publisher = Some(word);
                }
            }
            Fact::Prose => read.prose_after = true,
        }
    }
    // In a container: a chapter of a book with a publisher, else an article of a
    // periodical ("《走向未来》1986年第1期").
    if code.is_none() && details.container.is_some() {
        let book =
            details.issue.is_none() && (details.publisher.is_some() || details.place.is_some());
        kind = Some(if book {
            WorkKind::Chapter
        } else {
            WorkKind::Article
        });
    }
    details.kind = kind;
    let listed = if names.is_empty() { &editors } else { &names };
    reference.authors = listed.iter().map(|n| n.family.clone()).collect();
    details.names = if names.is_empty() {
        editors.clone()
    } else {
        names
    };
    if details.editors.is_empty() && !details.names.is_empty() && !editors.is_empty() {
        details.editors = editors;
    }
    reference.details = details;
    // Book marks stand where italics would: nothing is set in italics.
    reference.emphasis = None;
    read.reference = reference;
    read
}

/// The first marked title at or after `from`: the whole of it with its marks, and the
/// inside. A mark of one kind nests inside another ("《〈呐喊〉自序》").
fn first_title(text: &str, from: usize) -> Option<(Range<usize>, Range<usize>)> {
    let (open_at, open) = text[from..]
        .char_indices()
        .find(|(_, c)| TITLE_MARKS.iter().any(|(o, _)| o == c))
        .map(|(i, c)| (from + i, c))?;
    let close = TITLE_MARKS.iter().find(|(o, _)| *o == open)?.1;
    let inner_start = open_at + open.len_utf8();
    let mut depth = 0;
    for (i, c) in text[inner_start..].char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            if depth == 0 {
                let at = inner_start + i;
                return Some((open_at..at + close.len_utf8(), inner_start..at));
            }
            depth -= 1;
        }
    }
    None
}

/// GB/T 7714's type codes: "\[M\]" a book, "\[J\]" an article, "\[C\]" a paper in
/// proceedings, "\[D\]" a thesis, "\[R\]" a report, "\[N\]" a newspaper article, "\[EB/OL\]" a
/// web page; the range of the code and the kind it names.
fn type_code(text: &str) -> Option<(Range<usize>, Option<WorkKind>)> {
    const CODES: &[(&str, Option<WorkKind>)] = &[
        ("[M]", Some(WorkKind::Book)),
        ("[J]", Some(WorkKind::Article)),
        ("[C]", Some(WorkKind::Chapter)),
        ("[D]", Some(WorkKind::Thesis)),
        ("[R]", Some(WorkKind::Report)),
        ("[N]", Some(WorkKind::Article)),
        ("[EB/OL]", None),
        ("[J/OL]", Some(WorkKind::Article)),
        ("[M/OL]", Some(WorkKind::Book)),
    ];
    CODES
        .iter()
        .filter_map(|(code, kind)| text.find(code).map(|at| (at..at + code.len(), *kind)))
        .min_by_key(|(r, _)| r.start)
}

/// `range` of `text` without spaces at either end.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
}

/// The clauses of the facts: cut at commas, enumeration commas, semicolons, full
/// stops, colons of GB/T's "1988(6): 4-16" and full-width parentheses; ASCII
/// parentheses after a digit hold an issue ("1988(6)") and stay.
fn segments(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let part = &text[range.clone()];
    let mut chars = part.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = range.start + i;
        let next = chars.peek().map(|&(_, n)| n);
        let cut = match c {
            '，' | ',' | '、' | '；' | ';' | '。' | '（' | '）' | '．' => true,
            '.' => next.is_none_or(char::is_whitespace),
            '(' | ')' => !text[..at].ends_with(|p: char| p.is_ascii_digit()),
            ':' | '：' => text[at + c.len_utf8()..range.end]
                .trim_start()
                .starts_with(|d: char| d.is_ascii_digit()),
            _ => false,
        };
        if cut {
            out.push(trim_range(text, start..at));
            start = at + c.len_utf8();
        }
    }
    out.push(trim_range(text, start..range.end));
    out.retain(|r| !r.is_empty());
    out
}

/// What one clause of the facts is.
#[derive(Debug, PartialEq)]
enum Fact {
    /// "1953年", "1953", "1953年6月", "1988年第6期", "1988(6)".
    Date {
        year: String,
        month: Option<u32>,
        issue: Option<String>,
    },
    /// "第6期", "6号", "제6호".
    Issue(String),
    /// "第3—8页", "45頁", "pp. 3-8", "45쪽": the pages, as written between label and unit.
    Pages(String),
    /// "第6卷", "第3巻", "6册", "제3권".
    Volume(String),
    /// "李心峰译", "竹内好訳", "김OO 옮김".
    Translator,
    /// "王瑶编", "竹内好編": the editors of the book a chapter is in.
    Editors(Vec<Name>),
    /// "上海：上海出版公司".
    PlacePublisher(String, String),
    /// "北京：人民文学出版社2005年版": place (if given), publisher and year.
    Edition {
        place: Option<String>,
        publisher: String,
        year: String,
    },
    /// A short clause of no other kind: a publisher, a series, a periodical.
    Plain(String),
    /// A clause of running prose.
    Prose,
}

/// Words that end a translator's clause.
const TRANSLATED: &[&str] = &[
    "译", "譯", "訳", "译注", "譯注", "訳注", "翻译", "翻譯", "翻訳", "옮김", "역",
];
/// Words that end an editor's clause.
const EDITED: &[&str] = &[
    "主编", "主編", "编著", "編著", "编辑", "編輯", "編集", "編纂", "编", "編", "엮음", "편",
];
/// Words that end an author's name as a role: "著" (by), "撰", "等著" (and others).
const AUTHORED: &[&str] = &["等著", "著", "撰", "저", "지음"];

fn read_fact(s: &str) -> Fact {
    if let Some(date) = read_date(s) {
        return date;
    }
    // "人民文学出版社2005年版", "北京：新潮社1923年版": the publisher, then the year of the
    // edition.
    if let Some((publisher, year)) = edition_year(s) {
        return match read_fact(publisher) {
            Fact::PlacePublisher(place, publisher) => Fact::Edition {
                place: Some(place),
                publisher,
                year,
            },
            Fact::Plain(publisher) => Fact::Edition {
                place: None,
                publisher,
                year,
            },
            _ => Fact::Prose,
        };
    }
    if let Some(pages) = read_pages(s) {
        return Fact::Pages(pages);
    }
    if let Some(n) = numbered(
        s,
        &["第", "제"],
        &["卷", "巻", "册", "冊", "辑", "輯", "권", "집"],
    ) {
        return Fact::Volume(n);
    }
    if let Some(n) = numbered(s, &["第", "제"], &["期", "号", "號", "호"]) {
        return Fact::Issue(n);
    }
    if prose(s) {
        return Fact::Prose;
    }
    if TRANSLATED.iter().any(|w| s.ends_with(w)) && s.chars().count() <= MAX_NAME_CHARS + 2 {
        return Fact::Translator;
    }
    if let Some(w) = EDITED.iter().find(|w| s.ends_with(*w))
        && s.chars().count() <= MAX_NAME_CHARS + 2
    {
        let names = split_names(s[..s.len() - w.len()].trim());
        return Fact::Editors(names);
    }
    let colon = s.find(['：', ':']);
    if let Some(at) = colon {
        let colon_len = s[at..].chars().next().map_or(1, char::len_utf8);
        let (place, publisher) = (s[..at].trim(), s[at + colon_len..].trim());
        if !place.is_empty()
            && !publisher.is_empty()
            && !s.contains(|c: char| c.is_ascii_digit())
            && place.chars().count() <= MAX_NAME_CHARS
        {
            return Fact::PlacePublisher(place.to_string(), publisher.to_string());
        }
    }
    if s.chars().count() <= MAX_FACT_CHARS {
        Fact::Plain(s.to_string())
    } else {
        Fact::Prose
    }
}

/// "人民文学出版社2005年版" → ("人民文学出版社", "2005"): a publisher written with the
/// year of its edition ("年版", "年出版", "年").
fn edition_year(s: &str) -> Option<(&str, String)> {
    let body = ["年版", "年出版", "年"]
        .iter()
        .find_map(|w| s.strip_suffix(w))?;
    let digits = body.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (publisher, year) = body.split_at(body.len() - digits);
    let publisher = publisher.trim_end();
    (digits == 4 && !publisher.is_empty() && !publisher.ends_with(|c: char| c.is_ascii_digit()))
        .then(|| (publisher, year.to_string()))
}

/// Whether a clause reads as running prose: a small word of prose in it.
fn prose(s: &str) -> bool {
    PROSE_WORDS.iter().any(|w| s.contains(w)) || s.chars().count() > MAX_FACT_CHARS * 2
}

/// "1953年", "1953", "1953年6月", "1988年第6期", "1988(6)", "1988年第6号".
fn read_date(s: &str) -> Option<Fact> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || !matches!(s.as_bytes()[0], b'1' | b'2') {
        return None;
    }
    let year = s[..4].to_string();
    let rest = s[4..].trim_start();
    let rest = rest.strip_prefix('年').unwrap_or(rest).trim_start();
    let mut month = None;
    let mut issue = None;
    let mut rest = rest;
    if let Some((n, after)) = leading_number(rest)
        && let Some(after) = after.strip_prefix('月')
        && (1..=12).contains(&n)
    {
        month = Some(n);
        rest = after.trim_start();
        // "6月15日": the day adds nothing the year does not.
        if let Some((_, after)) = leading_number(rest)
            && let Some(after) = after.strip_prefix('日')
        {
            rest = after.trim_start();
        }
    }
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')'))
        && inner.bytes().all(|b| b.is_ascii_digit())
        && !inner.is_empty()
    {
        issue = Some(inner.to_string());
        rest = "";
    } else if let Some(n) = numbered(rest, &["第", "제"], &["期", "号", "號", "호"]) {
        issue = Some(n);
        rest = "";
    }
    rest.is_empty().then_some(Fact::Date { year, month, issue })
}

/// The number at the start of `s` and the text after it.
fn leading_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    Some((s[..digits].parse().ok()?, &s[digits..]))
}

/// A clause that is a number between one of `before` (optional) and one of `after`:
/// "第6卷" → "6". Chinese numerals are kept as written ("第三卷" → "三").
fn numbered(s: &str, before: &[&str], after: &[&str]) -> Option<String> {
    let s = before
        .iter()
        .find_map(|b| s.strip_prefix(b))
        .unwrap_or(s)
        .trim();
    let n = after.iter().find_map(|a| s.strip_suffix(a))?.trim();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百上中下".contains(c);
    (!n.is_empty() && n.chars().count() <= 6 && n.chars().all(numeral)).then(|| n.to_string())
}

/// Page units after the number, and labels before it.
const PAGE_UNITS: &[&str] = &["页", "頁", "쪽", "면"];
const PAGE_LABELS: &[&str] = &["第", "頁", "页", "pp.", "p.", "S.", "s."];

/// "第3—8页" → "3—8", "45頁", "40-42頁", "p. 45", "45쪽", "第45頁以下" (and after).
pub(crate) fn read_pages(s: &str) -> Option<String> {
    let s = s.trim();
    let (labelled, rest) = match PAGE_LABELS.iter().find_map(|l| s.strip_prefix(l)) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    let rest = rest.strip_suffix("以下").unwrap_or(rest);
    let (number, unit) = match PAGE_UNITS.iter().find_map(|u| rest.strip_suffix(u)) {
        Some(n) => (n.trim_end(), true),
        None => (rest, false),
    };
    // "第6卷" is no page; "第45" alone is not either, a page has its unit or a label
    // of its own ("p. 45", Taiwan's "頁45").
    let latin_label = labelled && !s.starts_with('第');
    if !(unit || latin_label) || number.is_empty() {
        return None;
    }
    let is_range_mark =
        |c: char| matches!(c, '—' | '–' | '-' | '－' | '~' | '～' | '〜' | '至' | '‐');
    let ok = number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || is_range_mark(c) || c == ',' || c == ' ');
    ok.then(|| number.to_string())
}

/// The names before the title: authors, or editors (names before "主编", "編"), and
/// whether the list ends in "等" (and others). A translator's clause among them ("竹内
/// 好著，李心峰译") names no author; a nationality before a name ("\[美\]李欧梵",
/// "〔日〕竹内好") is no part of it. Empty when the text is no name list.
fn read_names(head: &str) -> (Vec<Name>, Vec<Name>, bool) {
    let mut authors = Vec::new();
    let mut editors = Vec::new();
    let mut et_al = false;
    let clauses: Vec<&str> = head
        .split(['，', ',', '；', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    for clause in &clauses {
        if TRANSLATED.iter().any(|w| clause.ends_with(w)) && clauses.len() > 1 {
            continue;
        }
        let (list, edited) = match EDITED.iter().find_map(|w| clause.strip_suffix(w)) {
            Some(rest) => (rest, true),
            None => (
                AUTHORED
                    .iter()
                    .find_map(|w| clause.strip_suffix(w))
                    .unwrap_or(clause),
                false,
            ),
        };
        let (list, more) = without_et_al(list.trim_end());
        et_al |= more;
        let names = split_names(list);
        if names.is_empty() {
            return (Vec::new(), Vec::new(), false);
        }
        if edited {
            editors.extend(names);
        } else {
            authors.extend(names);
        }
    }
    (authors, editors, et_al)
}

/// A name without the nationality written before it in brackets: "\[美\]李欧梵",
/// "（日）竹内好", "〔日〕竹内好" → the name.
fn without_nationality(name: &str) -> &str {
    const MAX_CHARS: usize = 3;
    for (open, close) in [
        ('[', ']'),
        ('［', '］'),
        ('（', '）'),
        ('(', ')'),
        ('〔', '〕'),
        ('【', '】'),
    ] {
        if let Some(rest) = name.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && rest[..end].chars().count() <= MAX_CHARS
        {
            return rest[end + close.len_utf8()..].trim_start();
        }
    }
    name
}

/// A name list without its final "等" (and others) or "ほか"/"他".
fn without_et_al(head: &str) -> (&str, bool) {
    for w in ["等", "ほか", "他", " 외", "외"] {
        if let Some(rest) = head.strip_suffix(w)
            && !rest.trim().is_empty()
        {
            return (rest.trim_end(), true);
        }
    }
    (head, false)
}

/// The names of a list cut at "、", "，", ",", ";", "·" between Hangul names, each a
/// whole family name; empty when any part is no name (too long, a digit, prose).
fn split_names(list: &str) -> Vec<Name> {
    let parts: Vec<&str> = list
        .split(['、', '，', ',', '；', ';'])
        .map(|p| without_nationality(p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    let is_name = |p: &&str| {
        p.chars().count() <= MAX_NAME_CHARS
            && p.chars().any(is_cjk_char)
            && !p.contains(|c: char| c.is_ascii_digit())
            && !p.contains(['《', '》', '『', '』', '「', '」', '〈', '〉', '：', ':'])
            && !PROSE_WORDS.iter().any(|w| p.contains(w))
    };
    if parts.is_empty() || !parts.iter().all(is_name) {
        return Vec::new();
    }
    parts
        .into_iter()
        .map(|p| Name {
            family: p.to_string(),
            given: None,
            organisation: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Reference {
        read_cjk(text).reference
    }

    #[test]
    fn a_chinese_book_in_gb_t_7714_note_style() {
        let r = read("周作人：《鲁迅的故家》，上海：上海出版公司，1953年，第3—8页。");
        assert_eq!(r.authors, ["周作人"]);
        assert_eq!(r.details.names[0].family, "周作人");
        assert_eq!(r.details.names[0].given, None);
        assert_eq!(r.title.as_deref(), Some("鲁迅的故家"));
        assert_eq!(r.details.place.as_deref(), Some("上海"));
        assert_eq!(r.details.publisher.as_deref(), Some("上海出版公司"));
        assert_eq!(r.year.as_deref(), Some("1953"));
        assert_eq!(r.details.pages.as_deref(), Some("3—8"));
        assert_eq!(r.details.kind, Some(WorkKind::Book));
        assert_eq!(r.emphasis, None);
        let text = "周作人：《鲁迅的故家》，上海";
        let span = read(text).title_span.expect("a title span");
        assert_eq!(&text[span], "鲁迅的故家");
    }

    #[test]
    fn a_translation_and_a_volume() {
        let r = read("竹内好：《鲁迅》，李心峰译，杭州：浙江文艺出版社，1986年，第45页。");
        assert_eq!(r.authors, ["竹内好"]);
        assert_eq!(r.title.as_deref(), Some("鲁迅"));
        assert_eq!(r.details.publisher.as_deref(), Some("浙江文艺出版社"));
        assert_eq!(r.details.place.as_deref(), Some("杭州"));
        assert_eq!(r.year.as_deref(), Some("1986"));
        let r = read("鲁迅：《鲁迅全集》第6卷，北京：人民文学出版社，2005年，第12页。");
        assert_eq!(r.details.volume.as_deref(), Some("6"));
        assert_eq!(r.title.as_deref(), Some("鲁迅全集"));
    }

    #[test]
    fn a_chinese_article_in_a_journal() {
        let r = read("李泽厚：《启蒙与救亡的双重变奏》，《走向未来》1986年第1期，第12页。");
        assert_eq!(r.title.as_deref(), Some("启蒙与救亡的双重变奏"));
        assert_eq!(r.details.container.as_deref(), Some("走向未来"));
        assert_eq!(r.year.as_deref(), Some("1986"));
        assert_eq!(r.details.issue.as_deref(), Some("1"));
        assert_eq!(r.details.kind, Some(WorkKind::Article));
    }

    #[test]
    fn japanese_books_and_articles() {
        let r = read("竹内好『魯迅』未来社、1961年、45頁。");
        assert_eq!(r.authors, ["竹内好"]);
        assert_eq!(r.title.as_deref(), Some("魯迅"));
        assert_eq!(r.details.publisher.as_deref(), Some("未来社"));
        assert_eq!(r.year.as_deref(), Some("1961"));
        assert_eq!(r.details.pages.as_deref(), Some("45"));
        let r = read("丸山昇『魯迅――その文学と革命』平凡社（東洋文庫）、1965年、23頁。");
        assert_eq!(r.details.publisher.as_deref(), Some("平凡社"));
        assert_eq!(r.title.as_deref(), Some("魯迅――その文学と革命"));
        let r =
            read("竹内好「中国の近代と日本の近代」『東洋文化講座』第3巻、白日書院、1948年、8頁。");
        assert_eq!(r.title.as_deref(), Some("中国の近代と日本の近代"));
        assert_eq!(r.details.container.as_deref(), Some("東洋文化講座"));
        assert_eq!(r.details.volume.as_deref(), Some("3"));
        assert_eq!(r.details.publisher.as_deref(), Some("白日書院"));
        assert_eq!(r.details.kind, Some(WorkKind::Chapter));
        let r = read(
            "魯迅『阿Q正伝・狂人日記 他十二篇』竹内好訳、岩波書店（岩波文庫）、1955年、30頁。",
        );
        assert_eq!(r.authors, ["魯迅"]);
        assert_eq!(r.details.publisher.as_deref(), Some("岩波書店"));
    }

    #[test]
    fn korean_and_gb_t_list_forms() {
        let r = read("김윤식, 『한국근대문학사상사』, 한길사, 1984, 45쪽.");
        assert_eq!(r.authors, ["김윤식"]);
        assert_eq!(r.title.as_deref(), Some("한국근대문학사상사"));
        assert_eq!(r.details.publisher.as_deref(), Some("한길사"));
        assert_eq!(r.year.as_deref(), Some("1984"));
        assert_eq!(r.details.pages.as_deref(), Some("45"));
        let r = read("周作人. 鲁迅的故家[M]. 上海: 上海出版公司, 1953.");
        assert_eq!(r.authors, ["周作人"]);
        assert_eq!(r.title.as_deref(), Some("鲁迅的故家"));
        assert_eq!(r.details.publisher.as_deref(), Some("上海出版公司"));
        assert_eq!(r.details.place.as_deref(), Some("上海"));
        assert_eq!(r.year.as_deref(), Some("1953"));
        let r = read("李泽厚. 启蒙与救亡的双重变奏[J]. 走向未来, 1986(1): 12-30.");
        assert_eq!(r.details.container.as_deref(), Some("走向未来"));
        assert_eq!(r.details.issue.as_deref(), Some("1"));
        assert_eq!(r.details.pages.as_deref(), Some("12-30"));
        assert_eq!(r.details.kind, Some(WorkKind::Article));
    }

    #[test]
    fn editors_and_prose() {
        let r = read("王瑶主编：《中国现代文学史》，北京：北京大学出版社，1998年。");
        assert_eq!(r.details.names[0].family, "王瑶");
        let prose = read_cjk("鲁迅在《呐喊》自序中回忆了这段经历，1922年。");
        assert!(!prose.names_first);
        let prose = read_cjk("《呐喊》出版于1923年，是鲁迅的第一部小说集。");
        assert!(prose.prose_after);
        assert!(is_cjk("同上"));
        assert!(is_cjk("위의 책, 45쪽."));
        assert!(is_cjk("𠀋𠀋"));
        // Dashes and quotes share a lead byte with no CJK character.
        assert!(!is_cjk("“Title” – 2001 — “Other” … ‘x’"));
        assert!(!is_cjk("鲁"));
        assert!(!is_cjk(
            "Lu Xun 鲁迅, Nahan 呐喊 (Beijing: Xinchao she, 1923)."
        ));
    }

    #[test]
    fn editions_nationalities_and_translators_before_the_title() {
        let r = read("[美]李欧梵：《铁屋中的呐喊》，尹慧珉译，长沙：岳麓书社1999年版，第7页。");
        assert_eq!(r.authors, ["李欧梵"]);
        assert_eq!(r.details.publisher.as_deref(), Some("岳麓书社"));
        assert_eq!(r.details.place.as_deref(), Some("长沙"));
        assert_eq!(r.year.as_deref(), Some("1999"));
        let r = read("〔日〕竹内好著，李心峰译：《鲁迅》，浙江文艺出版社1986年版。");
        assert_eq!(r.authors, ["竹内好"]);
        assert_eq!(r.details.publisher.as_deref(), Some("浙江文艺出版社"));
        let r = read("竹内好『魯迅』（未来社、1961年）、45頁。");
        assert_eq!(r.details.publisher.as_deref(), Some("未来社"));
        assert_eq!(r.year.as_deref(), Some("1961"));
        let r = read("周作人：《魯迅的故家》，上海：上海出版公司，1953年，頁3-8。");
        assert_eq!(r.details.pages.as_deref(), Some("3-8"));
    }

    #[test]
    fn pages_and_facts() {
        assert_eq!(read_pages("第3—8页").as_deref(), Some("3—8"));
        assert_eq!(read_pages("40-42頁").as_deref(), Some("40-42"));
        assert_eq!(read_pages("p. 45").as_deref(), Some("45"));
        assert_eq!(read_pages("第6卷"), None);
        assert_eq!(read_pages("1953年"), None);
        assert_eq!(
            read_fact("1988年第6期"),
            Fact::Date {
                year: "1988".into(),
                month: None,
                issue: Some("6".into())
            }
        );
        assert_eq!(read_fact("第3巻"), Fact::Volume("3".into()));
    }
}
