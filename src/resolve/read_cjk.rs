//! Chinese, Japanese and Korean notes: their words for Ibid and "op. cit.", their
//! cues, where their page stands, and their short forms. The citation parser reads a
//! full CJK citation's fields ([`crate::cite`]); what is read here is how a note
//! points back at one.
//!
//! A short form repeats the author's name whole ("王晓明，前引书，第40—45页") or, in
//! Japanese, the family name that begins it ("竹内、前掲『魯迅』、60頁"), then the
//! title in book marks or an "op. cit." word, then the page: "第40—45页", "60頁",
//! "45쪽". A title alone ("《鲁迅全集》第6卷，第635页") keeps the volume written after it,
//! since two volumes are two works.

use super::parse_citation::fold;
use super::read_short::{Reading, Short};
use crate::cite::{cjk_pages, is_cjk_char, reads_as_cjk_citation};
use crate::model::WorkKind;

pub(super) use crate::cite::is_cjk;

/// The words for Ibid, longest first where one starts another: Chinese 同上 (the same
/// as above), 同上书 and 同前书 (the same book), 同前 and 同前注 (as the note before);
/// Japanese 同上, 同書 (the same book), 同論文, 同前, 同右 (as on the right, in vertical
/// writing); Korean 위의 책 (the book above), 같은 책 (the same book), 상게서 (上揭書).
const IBID: &[&str] = &[
    "同上书",
    "同上書",
    "同上",
    "同前注",
    "同前书",
    "同前書",
    "同前",
    "同书",
    "同書",
    "同論文",
    "同论文",
    "同右",
    "위의 책",
    "위의 글",
    "위의 논문",
    "같은 책",
    "같은 글",
    "상게서",
];

/// The words for "op. cit." and the kind of work each names: Chinese 前引书 (the book
/// cited before), 前揭书 and 上引书 likewise, 前引文 (the article); Japanese 前掲書 (the
/// book), 前掲論文 (the article), 前掲 before a short title ("前掲『魯迅』"); Korean 앞의
/// 책 (the book before), 앞의 글 and 앞의 논문 (the article), 전게서 (前揭書).
const CITED: &[(&str, Option<WorkKind>)] = &[
    ("前引书", Some(WorkKind::Book)),
    ("前引書", Some(WorkKind::Book)),
    ("前揭书", Some(WorkKind::Book)),
    ("前揭書", Some(WorkKind::Book)),
    ("前掲書", Some(WorkKind::Book)),
    ("上引书", Some(WorkKind::Book)),
    ("上引書", Some(WorkKind::Book)),
    ("上揭书", Some(WorkKind::Book)),
    ("上揭書", Some(WorkKind::Book)),
    ("前引论文", Some(WorkKind::Article)),
    ("前引論文", Some(WorkKind::Article)),
    ("前掲論文", Some(WorkKind::Article)),
    ("前揭文", Some(WorkKind::Article)),
    ("前引文", Some(WorkKind::Article)),
    ("前掲文", Some(WorkKind::Article)),
    ("上引文", Some(WorkKind::Article)),
    ("앞의 책", Some(WorkKind::Book)),
    ("전게서", Some(WorkKind::Book)),
    ("앞의 논문", Some(WorkKind::Article)),
    ("앞의 글", Some(WorkKind::Article)),
    ("전게논문", Some(WorkKind::Article)),
    ("前掲", None),
    ("前引", None),
    ("前揭", None),
    ("上引", None),
    ("前出", None),
];

/// Cues that open a note: Chinese 参见 and 参看 (see), 详见 (see in detail), 见 (see),
/// 转引自 (quoted in), 引自 (quoted from), 参照 and 参考 (compare); Japanese 詳しくは
/// (for details), 参照 and 見; Korean 참조. Longest first where one starts another.
const LEAD_CUES: &[&str] = &[
    "转引自",
    "轉引自",
    "参见",
    "參見",
    "参看",
    "參看",
    "详见",
    "詳見",
    "詳しくは",
    "引自",
    "参照",
    "參照",
    "参考",
    "參考",
    "참조",
    "见",
    "見",
];

/// Cues that close a note in Japanese and Korean: "…を参照", "…参照", "…を見よ",
/// "…참조".
const TRAIL_CUES: &[&str] = &[
    "を参照されたい",
    "を参照",
    "を見よ",
    "参照",
    "을 참조",
    "를 참조",
    "참조",
];

/// What may stand between a cue and the citation.
const AFTER_CUE: [char; 4] = ['：', ':', ' ', '、'];

/// The note without its cues: "参见竹内好：《鲁迅》…" → "竹内好：《鲁迅》…",
/// "丸山眞男『日本の思想』…を参照" → "丸山眞男『日本の思想』…". A one-character cue
/// (见, 見) counts only before a marked title or an "op. cit." word: it starts words
/// of prose too (见到, 見る).
pub(super) fn strip_cjk_cue(text: &str) -> &str {
    let mut text = text.trim();
    if !text.starts_with(is_cjk_char) && !text.trim_end_matches(['。', '.']).ends_with(is_cjk_char)
    {
        return text;
    }
    for cue in LEAD_CUES {
        if let Some(rest) = text.strip_prefix(cue) {
            let rest = rest.trim_start_matches(AFTER_CUE);
            let one_char = cue.chars().count() == 1;
            if one_char && !has_title_or_cited(rest) {
                break;
            }
            if !rest.is_empty() {
                text = rest;
            }
            break;
        }
    }
    let body = text.trim_end_matches(['。', '.']);
    for cue in TRAIL_CUES {
        if let Some(rest) = body.strip_suffix(cue)
            && has_title_or_cited(rest)
        {
            return rest.trim_end_matches(['，', '、', ' ']);
        }
    }
    text
}

/// Whether `text` holds a marked title or an "op. cit." word within its first
/// characters, as a citation after a cue does.
fn has_title_or_cited(text: &str) -> bool {
    const NEAR: usize = 24;
    let head: String = text.chars().take(NEAR).collect();
    head.contains(['《', '『', '〈', '「']) || CITED.iter().any(|(w, _)| head.contains(w))
}

/// The locator of a CJK Ibid ("同上，第25页。" → "第25页"; `Some(None)` for a bare
/// "同上。"), or `None` when the text is no Ibid.
pub(super) fn cjk_ibid(text: &str) -> Option<Option<String>> {
    let text = text.trim();
    let rest = IBID.iter().find_map(|w| text.strip_prefix(w))?;
    let rest = rest.trim_end_matches(['。', '.', ' ']);
    let opens_locator = rest.is_empty()
        || rest.starts_with(['，', ',', '、', '：', ':', ' ', '第', 'p', '제'])
        || rest.starts_with(|c: char| c.is_ascii_digit());
    if !opens_locator {
        return None;
    }
    let locator = rest.trim_start_matches(['，', ',', '、', '：', ':', ' ']);
    // "同上。鲁迅后来…": a sentence after the Ibid is commentary on it, no locator.
    if locator.contains(['。', '《', '『']) {
        return Some(None);
    }
    Some((!locator.is_empty()).then(|| locator.to_string()))
}

/// The text before a final page and the page ("…，1953年，第3—8页" → "第3—8页";
/// "前掲書、40-42頁" → "40-42頁"), cut at the last comma outside book marks.
pub(super) fn cjk_locator(text: &str) -> (&str, Option<String>) {
    let trimmed = text.trim().trim_end_matches(['。', '.', ' ']);
    let mut depth = 0i32;
    let mut cut = None;
    for (i, c) in trimmed.char_indices() {
        match c {
            '《' | '『' | '〈' | '「' | '（' | '(' => depth += 1,
            '》' | '』' | '〉' | '」' | '）' | ')' => depth -= 1,
            '，' | ',' | '、' if depth == 0 => cut = Some((i, c.len_utf8())),
            _ => {}
        }
    }
    let Some((at, len)) = cut else {
        return (text, None);
    };
    let tail = trimmed[at + len..].trim();
    match cjk_pages(tail) {
        Some(_) => (&trimmed[..at], Some(tail.to_string())),
        None => (text, None),
    }
}

/// Whether the facts of a CJK citation end before `head`'s end: a year ("1953年",
/// "1961年）"), after which a page is the note's.
pub(super) fn ends_with_facts(head: &str) -> bool {
    head.trim_end_matches(['年', '月', '日', '版', '）', ')', ' '])
        .ends_with(|c: char| c.is_ascii_digit())
}

/// Reads a CJK note as a short form (see the module doc). A full citation ("…，上海：
/// 上海出版公司，1953年") gives no reading and is `full`.
pub(super) fn read_cjk_short(text: &str) -> Reading {
    let text = strip_cjk_cue(text);
    let (head, locator) = cjk_locator(text);
    let head = head
        .trim()
        .trim_end_matches(['。', '.', '，', ',', '、', ' ']);
    if reads_as_cjk_citation(head) {
        return Reading {
            shorts: Vec::new(),
            locator,
            full: true,
        };
    }
    let none = Reading {
        shorts: Vec::new(),
        locator: locator.clone(),
        full: false,
    };
    let mut short = Short::default();
    for part in parts(head) {
        let cited = CITED.iter().find_map(|(w, kind)| {
            let rest = part.strip_prefix(w)?;
            (rest.is_empty() || rest.starts_with(['《', '『', '〈', '「'])).then_some((rest, *kind))
        });
        // "丸山前掲『日本の思想』", "丸山前掲書": the name runs into the word.
        let name_then_cited = || {
            CITED.iter().find_map(|(w, kind)| {
                let name = part.strip_suffix(w)?;
                (!name.is_empty() && is_name(name)).then_some((name, *kind))
            })
        };
        let part = match cited {
            Some((rest, kind)) => {
                short.cited = true;
                short.kind = kind;
                rest
            }
            None => match name_then_cited() {
                Some((name, kind)) if short.title.is_none() && !short.cited => {
                    short.names.push(fold(name));
                    short.cited = true;
                    short.kind = kind;
                    continue;
                }
                _ => part,
            },
        };
        if part.is_empty() {
            continue;
        }
        if let Some(title) = title_key(part) {
            if short.title.is_some() {
                return none;
            }
            short.title = Some(title);
        } else if short.title.is_none() && !short.cited && is_name(part) {
            let name = part
                .trim_end_matches(['等', '외'])
                .trim_end_matches("ほか")
                .trim();
            short.names.push(fold(name));
        } else {
            return none;
        }
    }
    if short.names.is_empty() && short.title.is_none() && !short.cited {
        return none;
    }
    short.shaped = short.cited
        || locator.is_some() && (short.title.is_some() || !short.names.is_empty())
        || short.title.is_some() && !short.names.is_empty();
    Reading {
        shorts: vec![short],
        locator,
        full: false,
    }
}

/// The parts of a short form, cut at commas and colons outside book marks, and before
/// a marked title: Japanese writes none between the name and it ("丸山眞男『日本の思想』").
fn parts(head: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in head.char_indices() {
        match c {
            '《' | '『' | '〈' | '「' => {
                if depth == 0 {
                    out.push(head[start..i].trim());
                    start = i;
                }
                depth += 1;
            }
            '》' | '』' | '〉' | '」' => depth -= 1,
            '，' | ',' | '、' | '：' | ':' if depth == 0 => {
                out.push(head[start..i].trim());
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(head[start..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// The folded short title of a part that opens with one in book marks, with the volume
/// written after it ("《鲁迅全集》第6卷" → "鲁迅全集 第6卷"); `None` for a part with no
/// marked title or with more after it.
fn title_key(part: &str) -> Option<String> {
    let open = part.chars().next()?;
    let close = match open {
        '《' => '》',
        '『' => '』',
        '〈' => '〉',
        '「' => '」',
        _ => return None,
    };
    let end = part.rfind(close)?;
    let inner = &part[open.len_utf8()..end];
    let after = part[end + close.len_utf8()..].trim();
    let volume = after.is_empty()
        || (after.starts_with(['第', '제']) || after.starts_with(|c: char| c.is_ascii_digit()))
            && after.ends_with(['卷', '巻', '册', '冊', '권']);
    if !volume {
        return None;
    }
    let key = fold(&format!("{inner} {after}"));
    (!key.is_empty()).then_some(key)
}

/// Whether a part of a short form is a name: a few CJK characters, no digit, no mark.
fn is_name(part: &str) -> bool {
    const MAX_NAME_CHARS: usize = 16;
    part.chars().count() <= MAX_NAME_CHARS
        && part.chars().any(is_cjk_char)
        && part
            .chars()
            .all(|c| is_cjk_char(c) || matches!(c, '·' | '・' | ' '))
}

/// The citation a cue brings into commentary: "…，参见王晓明：《无法直面的人生》，…"
/// → "王晓明：《无法直面的人生》，…", up to the closing parenthesis when the cue opened
/// one ("（参见…）").
pub(super) fn cjk_inner_citation(text: &str) -> Option<&str> {
    let (at, cue) = text
        .char_indices()
        .filter(|&(i, _)| i > 0 && text[..i].ends_with(['，', '；', '（', '。', '、', '(']))
        .find_map(|(i, _)| {
            LEAD_CUES
                .iter()
                .find(|c| text[i..].starts_with(*c))
                .filter(|c| c.chars().count() > 1 || has_title_or_cited(&text[i + c.len()..]))
                .map(|c| (i, *c))
        })?;
    let start = at + cue.len();
    let rest = text[start..].trim_start_matches(AFTER_CUE);
    let rest = if text[..at].ends_with(['（', '(']) {
        rest.find(['）', ')']).map_or(rest, |end| &rest[..end])
    } else {
        rest
    };
    let rest = rest.trim_end_matches(['。', '.']);
    has_title_or_cited(rest).then_some(rest)
}

/// Whether two kinds agree for an "op. cit." word: a book's word fits books, reports
/// and theses; an article's fits articles and chapters.
pub(super) fn kind_fits(wanted: WorkKind, have: WorkKind) -> bool {
    match wanted {
        WorkKind::Book => matches!(have, WorkKind::Book | WorkKind::Report | WorkKind::Thesis),
        WorkKind::Article => matches!(have, WorkKind::Article | WorkKind::Chapter),
        other => other == have,
    }
}

/// Whether a CJK name of a short form names a work's author: the whole name
/// ("王晓明"), or the family name that begins it, two characters or more ("竹内" of
/// "竹内好"). A one-character start is too loose: many names share it.
pub(super) fn names_author(name: &str, surname: &str) -> bool {
    name == surname || name.chars().count() >= 2 && surname.starts_with(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibid_words() {
        assert_eq!(cjk_ibid("同上，第25页。"), Some(Some("第25页".into())));
        assert_eq!(cjk_ibid("同上书，第20页。"), Some(Some("第20页".into())));
        assert_eq!(cjk_ibid("同書、35頁。"), Some(Some("35頁".into())));
        assert_eq!(cjk_ibid("同上。"), Some(None));
        assert_eq!(cjk_ibid("위의 책, 30쪽."), Some(Some("30쪽".into())));
        assert_eq!(cjk_ibid("同上海出版公司"), None);
        assert_eq!(cjk_ibid("同前注，第3页"), Some(Some("第3页".into())));
    }

    #[test]
    fn cues_before_and_after() {
        assert_eq!(
            strip_cjk_cue("参见竹内好：《鲁迅》，第45页。"),
            "竹内好：《鲁迅》，第45页。"
        );
        assert_eq!(
            strip_cjk_cue("转引自许广平，前引书，第30页。"),
            "许广平，前引书，第30页。"
        );
        assert_eq!(
            strip_cjk_cue("丸山眞男『日本の思想』岩波書店、1961年を参照。"),
            "丸山眞男『日本の思想』岩波書店、1961年"
        );
        // 见 starts prose words too.
        assert_eq!(strip_cjk_cue("见到他时已是深夜。"), "见到他时已是深夜。");
        assert_eq!(
            strip_cjk_cue("见《鲁迅全集》第6卷。"),
            "《鲁迅全集》第6卷。"
        );
    }

    #[test]
    fn locators_at_the_end() {
        assert_eq!(
            cjk_locator("王晓明，前引书，第40—45页。"),
            ("王晓明，前引书", Some("第40—45页".into()))
        );
        assert_eq!(
            cjk_locator("丸山昇、前掲書、40-42頁。"),
            ("丸山昇、前掲書", Some("40-42頁".into()))
        );
        assert_eq!(cjk_locator("上海：上海出版公司，1953年。").1, None);
        assert!(ends_with_facts("上海：上海出版公司，1953年"));
        assert!(!ends_with_facts("《鲁迅全集》第6卷"));
    }

    #[test]
    fn short_forms() {
        let r = read_cjk_short("王晓明，前引书，第40—45页。");
        let s = &r.shorts[0];
        assert_eq!(s.names, ["王晓明"]);
        assert!(s.cited && s.shaped);
        assert_eq!(s.kind, Some(WorkKind::Book));
        assert_eq!(r.locator.as_deref(), Some("第40—45页"));
        let r = read_cjk_short("李欧梵：《铁屋中的呐喊》，第30页。");
        assert_eq!(r.shorts[0].names, ["李欧梵"]);
        assert_eq!(r.shorts[0].title.as_deref(), Some("铁屋中的呐喊"));
        let r = read_cjk_short("《鲁迅全集》第6卷，第635页。");
        assert!(r.shorts[0].names.is_empty());
        assert_eq!(r.shorts[0].title.as_deref(), Some("鲁迅全集 第6卷"));
        assert!(r.shorts[0].shaped);
        let r = read_cjk_short("竹内、前掲『魯迅』、60頁。");
        assert_eq!(r.shorts[0].names, ["竹内"]);
        assert_eq!(r.shorts[0].title.as_deref(), Some("魯迅"));
        assert!(r.shorts[0].cited);
        let r = read_cjk_short("詳しくは丸山眞男『日本の思想』を参照。");
        assert_eq!(r.shorts[0].names, ["丸山眞男"]);
        assert_eq!(r.shorts[0].title.as_deref(), Some("日本の思想"));
        assert!(r.shorts[0].shaped);
        let r = read_cjk_short("丸山前掲『日本の思想』、30頁。");
        assert_eq!(r.shorts[0].names, ["丸山"]);
        assert_eq!(r.shorts[0].title.as_deref(), Some("日本の思想"));
        assert!(r.shorts[0].cited);
        let r = read_cjk_short("竹内好、前掲論文、10頁。");
        assert_eq!(r.shorts[0].kind, Some(WorkKind::Article));
        let r = read_cjk_short("김윤식, 앞의 책, 50쪽.");
        assert_eq!(r.shorts[0].names, ["김윤식"]);
        assert!(r.shorts[0].cited);
        let full = read_cjk_short("周作人：《鲁迅的故家》，上海：上海出版公司，1953年，第3—8页。");
        assert!(full.full && full.shorts.is_empty());
        assert!(
            read_cjk_short("这一说法在八十年代的研究中相当流行。")
                .shorts
                .is_empty()
        );
    }

    #[test]
    fn citations_inside_commentary() {
        assert_eq!(
            cjk_inner_citation("这一点历来有争议，参见王晓明：《无法直面的人生》，第12页。"),
            Some("王晓明：《无法直面的人生》，第12页")
        );
        assert_eq!(
            cjk_inner_citation("此说有据（见《鲁迅全集》第6卷，第635页）。"),
            Some("《鲁迅全集》第6卷，第635页")
        );
        assert_eq!(cjk_inner_citation("可见他并不同意。"), None);
        assert!(names_author("竹内", "竹内好"));
        assert!(!names_author("竹", "竹内好"));
    }
}
