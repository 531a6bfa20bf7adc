//! Trains folio's citation labeller (`src/cite/citations.crf`) on AnyStyle's labelled
//! references and (with `--rendered`) the tune half of folio's reference set, with the
//! same tokens and features the parser computes at run time. Run by
//! `scripts/train-citations`; see there for the arguments.
//!
//! Besides each reference as labelled, it trains on variants made from the same
//! references, whose labels are known by construction: the periodical or book title in
//! Markdown emphasis (`*Journal*`), and short forms ("Author, Title, 12.") as notes
//! write them.

#[path = "anystyle/mod.rs"]
mod anystyle;
#[path = "rendered/mod.rs"]
mod rendered;

use std::path::PathBuf;

use crfs::Attribute;
use crfs::train::Trainer;
use folio::cite::{Label, describe_tokens, label_tokens, split_tokens};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--holdout K`: train on the references whose index is not K mod 5 and report the
    // token accuracy on the others (for tuning features without the gold set).
    let holdout = value_of(&args, "--holdout")
        .map(|k| k.parse::<usize>())
        .transpose()?;
    // `--show-rendered FILE`: print the labels the alignment gives the tune half, to
    // check them by eye, and stop.
    if let Some(path) = value_of(&args, "--show-rendered") {
        let (aligned, skipped) = rendered::tune_sequences(&std::fs::read_to_string(path)?, None);
        for a in &aligned {
            let words = split_tokens(&a.text).into_iter().map(|r| &a.text[r]);
            let line: Vec<String> = words
                .zip(&a.labels)
                .map(|(w, l)| format!("{w}/{l}"))
                .collect();
            println!("{}", line.join(" "));
        }
        eprintln!("{} aligned, {skipped} skipped", aligned.len());
        return Ok(());
    }
    // `--rendered FILE`: also train on the tune half of folio's reference set.
    let rendered = value_of(&args, "--rendered");
    let files: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.starts_with("--")
                && (*i == 0
                    || !matches!(args[i - 1].as_str(), "--holdout" | "--rendered" | "--fold"))
        })
        .map(|(_, a)| a)
        .collect();
    let (out, inputs) = files
        .split_last()
        .ok_or("usage: train_citations DATA.xml... OUT.crf")?;
    let mut refs = Vec::new();
    for input in inputs {
        refs.extend(anystyle::read(&std::fs::read_to_string(input)?));
    }
    let (train, test): (Vec<_>, Vec<_>) = refs
        .into_iter()
        .enumerate()
        .partition(|(i, _)| holdout.is_none_or(|k| i % 5 != k));
    let mut trainer = Trainer::lbfgs();
    let mut tokens = 0;
    for (i, parts) in &train {
        for variant in variants(*i, parts) {
            let (x, y) = sequence(&variant);
            tokens += y.len();
            trainer.append(&x, &y)?;
        }
    }
    eprintln!("training on {} references, {tokens} tokens", train.len());
    // `--fold K` (with `--rendered`): leave out the tune works of fold K, to check the
    // model on them (`FOLIO_REFERENCE_FOLD=K` in tests/reference_accuracy.rs).
    let fold = value_of(&args, "--fold")
        .map(|k| k.parse::<u8>())
        .transpose()?;
    if let Some(path) = rendered {
        let (aligned, skipped) = rendered::tune_sequences(&std::fs::read_to_string(path)?, fold);
        let mut tokens = 0;
        for a in &aligned {
            let x = features(&a.text);
            tokens += a.labels.len();
            trainer.append(&x, &a.labels)?;
        }
        eprintln!(
            "and on {} strings of the reference set's tune half ({skipped} did not align), \
             {tokens} tokens",
            aligned.len()
        );
    }
    trainer.params_mut().set_c1(0.05)?;
    trainer.params_mut().set_c2(0.01)?;
    trainer.params_mut().set_max_iterations(200)?;
    trainer.train(&PathBuf::from(out.as_str()))?;
    if !test.is_empty() {
        let model_bytes = std::fs::read(out.as_str())?;
        let model = crfs::Model::new(&model_bytes)?;
        let tagger = model.tagger()?;
        let (mut right, mut all) = (0, 0);
        for (_, parts) in &test {
            let (x, y) = sequence(parts);
            let got = tagger.tag(&x)?;
            right += got.iter().zip(&y).filter(|(a, b)| **a == **b).count();
            all += y.len();
        }
        println!(
            "held-out token accuracy: {:.2}% of {all}",
            100.0 * right as f64 / all as f64
        );
    }
    let _ = label_tokens;
    Ok(())
}

/// The argument after `flag`, if `flag` was given.
fn value_of<'a>(args: &'a [String], flag: &str) -> Option<&'a String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
}

/// Features and labels of one labelled reference.
fn sequence(parts: &anystyle::Labelled) -> (Vec<Vec<Attribute>>, Vec<&'static str>) {
    let (text, ranges) = anystyle::join(parts);
    let tokens = split_tokens(&text);
    let labels = tokens
        .iter()
        .map(|t| {
            let tag = ranges
                .iter()
                .find(|(r, _)| r.contains(&t.start))
                .map_or("other", |(_, tag)| tag.as_str());
            Label::from_name(tag).name()
        })
        .collect();
    (features(&text), labels)
}

/// The features of each token of `text`, as the parser computes them.
fn features(text: &str) -> Vec<Vec<Attribute>> {
    describe_tokens(text, &split_tokens(text))
        .into_iter()
        .map(|f| f.into_iter().map(Attribute::from).collect())
        .collect()
}

/// The reference, and for some references a variant with Markdown emphasis or a short
/// form. Which ones is decided by the index, so training is reproducible.
fn variants(i: usize, parts: &anystyle::Labelled) -> Vec<anystyle::Labelled> {
    let mut out = vec![parts.clone()];
    if i.is_multiple_of(3) {
        let emphasised = ["journal", "container-title"]
            .into_iter()
            .find(|tag| parts.iter().any(|(t, _)| t == tag))
            .or_else(|| {
                parts
                    .iter()
                    .any(|(t, _)| t == "publisher")
                    .then_some("title")
            });
        if let Some(tag) = emphasised {
            out.push(
                parts
                    .iter()
                    .map(|(t, text)| {
                        let text = if t == tag {
                            emphasise(text)
                        } else {
                            text.clone()
                        };
                        (t.clone(), text)
                    })
                    .collect(),
            );
        }
    }
    let author = anystyle::first(parts, "author");
    let title = anystyle::first(parts, "title");
    let journal = anystyle::first(parts, "journal");
    let year = parts
        .iter()
        .filter(|(t, _)| t == "date")
        .find_map(|(_, d)| {
            d.split(|c: char| !c.is_ascii_digit())
                .find(|w| w.len() == 4)
        })
        .map(str::to_string);
    if let (Some(author), Some(title), Some(journal), Some(year)) = (author, title, journal, &year)
    {
        // Every fifth by an organisation, as reports and news sites are signed.
        let author = if i.is_multiple_of(5) {
            ORGANISATIONS[i / 5 % ORGANISATIONS.len()]
        } else {
            author
        };
        out.push(news(i, author, title, journal, year));
    }
    let publisher = anystyle::first(parts, "publisher");
    if journal.is_none()
        && let (Some(author), Some(title), Some(publisher), Some(year)) =
            (author, title, publisher, &year)
    {
        out.push(site(i, author, title, publisher, year));
    }
    if i % 2 == 1
        && let (Some(author), Some(title)) = (author, title)
    {
        out.push(short(i, author, title));
    }
    out
}

/// Organisations that sign works (none of them in folio's own fixtures).
const ORGANISATIONS: &[&str] = &[
    "World Health Organization.",
    "Amnesty International.",
    "United Nations Development Programme.",
    "Pew Research Center.",
    "European Commission.",
    "Médecins Sans Frontières.",
    "Türkiye İstatistik Kurumu.",
    "Organisation for Economic Co-operation and Development.",
    "National Park Service.",
    "Federal Reserve Bank of St. Louis.",
    "Institut national de la statistique et des études économiques.",
    "Reuters.",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The article as a news or web citation in APA, Chicago, MLA or Wikipedia's CS1 form,
/// as profiles cite newspapers and sites: "Doe, J. (2018, November 9). Title. The Journal."
fn news(i: usize, author: &str, title: &str, journal: &str, year: &str) -> anystyle::Labelled {
    let part = |tag: &str, text: String| (tag.to_string(), text);
    let bare = |t: &str| t.trim_end_matches([',', '.', ':', ';']).to_string();
    let (month, day) = (MONTHS[i % 12], 1 + i % 28);
    let url = format!(
        "https://www.{}.com/{year}/{:02}/{}",
        fold_word(journal),
        1 + i % 12,
        i
    );
    let title = bare(title.trim_matches(['“', '”', '"']));
    let journal = bare(journal);
    match i % 4 {
        // Wikipedia's CS1: "Doe, John (9 November 2018). "Title". Journal. Retrieved …"
        3 => vec![
            part("author", bare(author)),
            part("date", format!("({day} {month} {year}).")),
            part("title", format!("\"{title}\".")),
            part("journal", format!("{journal}.")),
            part(
                "note",
                format!(
                    "Retrieved {} {} {}.",
                    1 + i % 27,
                    MONTHS[(i + 5) % 12],
                    year
                ),
            ),
        ],
        0 => {
            let mut out = vec![
                part("author", author.to_string()),
                part(
                    "date",
                    if i.is_multiple_of(8) {
                        format!("({year}).")
                    } else {
                        format!("({year}, {month} {day}).")
                    },
                ),
                part("title", format!("{title}.")),
                part("journal", format!("{journal}.")),
            ];
            if i.is_multiple_of(3) {
                out.push(part("note", "Retrieved from".into()));
                out.push(part("url", url));
            }
            out
        }
        1 => vec![
            part("author", format!("{}.", bare(author))),
            part("title", format!("“{title}.”")),
            part("journal", format!("{journal},")),
            part("date", format!("{month} {day}, {year}.")),
            part("url", format!("{url}.")),
        ],
        _ => vec![
            part("author", format!("{}.", bare(author))),
            part("title", format!("\"{title}.\"")),
            part("journal", format!("*{journal}*,")),
            part("date", format!("{day} {}. {year},", &month[..3])),
            part("url", format!("{url}.")),
        ],
    }
}

/// A book or report cited as a page of its publisher's site, APA style, without
/// place: "Doe, J. (2014, July 28). Title. Publisher."
fn site(i: usize, author: &str, title: &str, publisher: &str, year: &str) -> anystyle::Labelled {
    let bare = |t: &str| t.trim_end_matches([',', '.', ':', ';']).to_string();
    let date = if i.is_multiple_of(2) {
        format!("({year}).")
    } else {
        format!("({year}, {} {}).", MONTHS[i % 12], 1 + i % 28)
    };
    let author = if i.is_multiple_of(5) {
        ORGANISATIONS[i / 5 % ORGANISATIONS.len()]
    } else {
        author
    };
    vec![
        ("author".into(), author.to_string()),
        ("date".into(), date),
        ("title".into(), format!("{}.", bare(title))),
        ("publisher".into(), format!("{}.", bare(publisher))),
    ]
}

/// A short form as notes write it: "Doe, Short Title, 12.", "Doe, “Short Title,” 12.",
/// "Doe, J., *Short Title*, 12."
fn short(i: usize, author: &str, title: &str) -> anystyle::Labelled {
    let family = folio::cite::names(author)
        .first()
        .map_or_else(|| author.to_string(), |n| n.family.clone());
    let who = if i % 4 == 1 {
        author.trim_end_matches([',', '.', ':']).to_string()
    } else {
        family
    };
    let words: Vec<&str> = title
        .trim_matches(['“', '”', '"'])
        .split_whitespace()
        .collect();
    // Every seventh keeps the whole title, as some profiles' short forms do.
    let keep = if i.is_multiple_of(7) {
        words.len()
    } else {
        1 + i % 6
    };
    let short = words[..words.len().min(keep)].join(" ");
    let short = short.trim_end_matches([',', '.', ':', ';']);
    let title = match i % 3 {
        0 => format!("{short},"),
        1 => format!("“{short},”"),
        _ => format!("*{short}*,"),
    };
    let mut out = vec![
        ("author".into(), format!("{who},")),
        ("title".into(), title),
    ];
    if i % 3 != 1 {
        // Without a locator the title ends the note: "Merat, A., Full title".
        let last = &mut out[1].1;
        *last = last.trim_end_matches(',').replace(",”", "”");
    } else {
        out.push(("pages".into(), format!("{}.", 10 + i % 300)));
    }
    out
}

fn fold_word(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(|c| c.to_lowercase())
        .take(16)
        .collect()
}

/// `*Text*` before the text's final punctuation: "Journal of X," → "*Journal of X*,".
fn emphasise(text: &str) -> String {
    let body = text.trim_end_matches([',', '.', ';', ':']);
    format!("*{body}*{}", &text[body.len()..])
}
