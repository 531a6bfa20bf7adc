//! The debris rule on its own lines, then measured on the labelled pages of
//! `tests/data/debris/` (see its README for the sources and their licences).

use super::*;

fn kinds(text: &str) -> Vec<Option<Kind>> {
    let lines: Vec<&str> = text.lines().collect();
    classify(&lines)
}

#[test]
fn a_works_cited_heading_under_related_stories_is_kept() {
    let page = "Share | Tweet | Email\nRelated stories\nWorks Cited\n1. Johnson, George. Miss Leavitt's Stars. New York: Norton, 2005.";
    assert_eq!(
        kinds(page),
        [Some(Kind::Menu), Some(Kind::Boilerplate), None, None]
    );
    // in a run of menu links the heading word is a link like the others
    let menu = "Home\nAbout\nNotes\nContact\nDonate";
    assert!(kinds(menu).iter().all(Option::is_some), "{:?}", kinds(menu));
}

#[test]
fn separated_menus_and_breadcrumbs() {
    for line in [
        "Home | About | Contact",
        "Home › News › Council votes to close the harbour bridge for a year",
        "Shqip · Català · Deutsch · Español · Suomi · Français",
        "Facebook | Twitter | Email | Print",
        "Início | Sobre | Artigos | Contato",
        "Accueil | Articles | À propos",
        "Startseite | Artikel | Impressum",
        "Главная | Статьи | Контакты",
    ] {
        assert_eq!(kinds(line), [Some(Kind::Menu)], "{line}");
    }
    for line in [
        "Compartilhe: Facebook Twitter WhatsApp",
        "Partager : Facebook Twitter",
        "Поделиться: ВКонтакте Telegram",
        "Todos os direitos reservados.",
    ] {
        assert_eq!(kinds(line), [Some(Kind::Boilerplate)], "{line}");
    }
    for line in [
        "Tom Jones | The Guardian",
        "Prices rose 4% | wages fell 2%, the report said.",
        "a · b",
    ] {
        assert_eq!(kinds(line), [None], "{line}");
    }
}

#[test]
fn a_run_goes_from_its_first_menu_word_to_its_last() {
    let got =
        kinds("Home\nAbout\nOur Work\nContact\n\nThe Harbour Guild\n\nA long paragraph of prose.");
    assert_eq!(
        got,
        [
            Some(Kind::Boilerplate),
            Some(Kind::Menu),
            Some(Kind::Menu),
            Some(Kind::Menu),
            None,
            None,
            None,
            None
        ]
    );
    // one menu word alone is a heading
    assert_eq!(
        kinds("Help\n\nCall the desk on weekdays."),
        [None, None, None]
    );
}

#[test]
fn a_wiki_table_of_contents() {
    let got = kinds("Contents\n1 History\n1.1 Early years\n2 References\n\nHistory");
    assert_eq!(
        got,
        [
            Some(Kind::Contents),
            Some(Kind::Contents),
            Some(Kind::Contents),
            Some(Kind::Contents),
            None,
            None
        ]
    );
    assert_eq!(
        kinds("Contents\n\nThe box held letters."),
        [None, None, None]
    );
}

/// One labelled page: `D ` debris or `C ` content before each line, blank lines bare.
fn score(dir: &str) -> (Vec<String>, usize, usize, usize, usize) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/debris")
        .join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for file in &files {
        let labelled = std::fs::read_to_string(file).expect("labelled file is UTF-8");
        let mut lines = Vec::new();
        let mut labels = Vec::new();
        for (n, line) in labelled.lines().enumerate() {
            let (label, text) = match line.split_at_checked(2) {
                Some(("D ", text)) => (Some(true), text),
                Some(("C ", text)) => (Some(false), text),
                _ if line.trim().is_empty() => (None, ""),
                _ => panic!("{}:{}: no label", file.display(), n + 1),
            };
            lines.push(text);
            labels.push(label);
        }
        let got = classify(&lines);
        for ((label, kind), text) in labels.iter().zip(&got).zip(&lines) {
            let Some(debris) = *label else { continue };
            match (debris, kind.is_some()) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    misses.push(format!("dropped content: {text}"));
                }
                (true, false) => {
                    fn_ += 1;
                    misses.push(format!("kept debris: {text}"));
                }
                (false, false) => tn += 1,
            }
        }
    }
    assert!(!files.is_empty(), "no labelled pages in {}", root.display());
    (misses, tp, fp, fn_, tn)
}

fn report(dir: &str) -> (f64, f64, f64) {
    let (misses, tp, fp, fn_, tn) = score(dir);
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    // a wrong drop loses article text: the share of content lines kept
    let content_kept = tn as f64 / (tn + fp).max(1) as f64;
    println!(
        "debris {dir}: {} lines ({} debris); precision {:.3} recall {:.3}; content kept {:.3} \
         ({fp} content lines dropped, {fn_} debris lines kept)",
        tp + fp + fn_ + tn,
        tp + fn_,
        precision,
        recall,
        content_kept
    );
    for miss in misses {
        println!("  {miss}");
    }
    (precision, recall, content_kept)
}

/// The part the word lists and limits were tuned on.
#[test]
fn tuned_pages() {
    let (precision, recall, _) = report("tune");
    assert!(precision >= 0.99 && recall >= 0.87, "tune set regressed");
}

/// Pages never looked at while tuning: `cargo test --lib read::debris -- --nocapture`
/// prints the numbers.
#[test]
fn held_out_pages() {
    let (precision, recall, content_kept) = report("held-out");
    assert!(precision >= 0.95, "held-out precision {precision:.3}");
    assert!(
        content_kept >= 0.98,
        "held-out content kept {content_kept:.3}"
    );
    assert!(recall >= 0.55, "held-out recall {recall:.3}");
}

#[test]
fn search_boxes_counters_and_related_links() {
    for line in [
        "Search...",
        "Search…",
        "Search this site",
        "Search for:",
        "Comments (214)",
        "214 Comments",
        "Responses: 3",
        "View all comments",
        "Related: The reporters who broke Watergate, then and now",
        "Read more: How the cable was laid",
        "More from Media History",
        "You may also like",
        "Share: Facebook Twitter LinkedIn Email",
    ] {
        assert_eq!(kinds(line), [Some(Kind::Boilerplate)], "{line}");
    }
    for line in [
        "Search parties found the boat three days later.",
        "Responses",
        "Comments on the draft were sent to the council in 1911.",
        "More from the archive shows that the guild met weekly.",
        "Related: the two cases were heard together, as the court explained at length in its opinion of 1803.",
    ] {
        assert_eq!(kinds(line), [None], "{line}");
    }
}

#[test]
fn a_label_in_capitals_over_the_headline() {
    let got = kinds(
        "MEDIA HISTORY\nHow Two Metro Reporters Brought Down a President\nBy Laura Whitcombe\n\n\
         The burglars were arrested inside the committee's offices before dawn.\n\
         SECOND SECTION\nA heading in the body",
    );
    assert_eq!(got[0], Some(Kind::Label));
    assert!(got[1..].iter().all(Option::is_none), "{got:?}");
    // a title in capitals over its byline or a date stays
    assert_eq!(kinds("THE HARBOUR GUILD\nBy Ruth Calloway"), [None, None]);
    assert_eq!(
        kinds("THE HARBOUR GUILD\n\nA subtitle line"),
        [None, None, None]
    );
}

#[test]
fn headlines_under_a_related_stories_header() {
    let got = kinds(
        "Related articles\nThe Voyage of the Beagle in 10 Objects\nWallace in the Malay Archipelago\n\n\
         A closing line of the article.",
    );
    assert_eq!(
        got[..3],
        [Some(Kind::Boilerplate), Some(Kind::Menu), Some(Kind::Menu)]
    );
    assert!(got[3..].iter().all(Option::is_none), "{got:?}");
    // a sentence ends the list
    let got = kinds("Most read\nThe ship sailed from Falmouth on the morning tide.\n");
    assert_eq!(got[1], None);
}

/// The byte tests answer as the character tests they stand for.
#[test]
fn separators_and_counter_words_are_found_by_their_bytes() {
    for c in SEPARATORS {
        let mut buf = [0u8; 4];
        assert!(
            SEPARATOR_LEADS.contains(&c.encode_utf8(&mut buf).as_bytes()[0]),
            "{c}"
        );
    }
    for line in [
        "Home | About",
        "A · B",
        "x ¦ y",
        "“Quoted” — text",
        "plain",
        "a•b",
        "∙",
    ] {
        assert_eq!(holds_separator(line), line.contains(SEPARATORS), "{line}");
    }
    assert!(holds_ascii_lowercase("214 COMMENTS", "comment"));
    assert!(!holds_ascii_lowercase("No comm ents", "comment"));
}
