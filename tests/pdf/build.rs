//! Documents for the PDF tests: deterministic filler text, a builder for resolved
//! profiles, and the profiles the tests share.

use folio::model::{Block, Book, Document, Inline, Marker, Metadata, Note, NoteKind, Source, Span};

/// Sentences of the sample series' body text, one a line (see the file's head).
const PROSE: &str = include_str!("prose.txt");

/// The words of each sentence of [`PROSE`], punctuation attached.
fn sentences() -> &'static [Vec<&'static str>] {
    static SENTENCES: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    SENTENCES.get_or_init(|| {
        PROSE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split_whitespace().collect())
            .collect()
    })
}

/// Deterministic text of `n` words that reads like the profiles' prose: runs of
/// three sentences in a row from the sample series, each run starting at a sentence
/// drawn by `seed`. Real sentences give real word lengths (a mean of about five
/// letters, two words in five of three letters or fewer), so line breaking and
/// hyphenation are judged on what they will set.
pub fn words(seed: usize, n: usize) -> String {
    let all = sentences();
    let mut out: Vec<&str> = Vec::with_capacity(n);
    let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(12_345);
    while out.len() < n {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let first = (x >> 33) % all.len();
        for k in 0..3 {
            let sentence = &all[(first + k) % all.len()];
            out.extend(sentence.iter().take(n - out.len()));
        }
    }
    out.join(" ")
}

pub fn span(line: u32) -> Span {
    Span {
        line,
        column: 1,
        offset: 0,
        len: 0,
    }
}

/// Builds a resolved document: `paras` are texts where `{N}` cites note N.
pub struct Builder {
    doc: Document,
}

impl Builder {
    pub fn new(slug: &str, title: &str) -> Builder {
        let meta = Metadata {
            title: title.into(),
            authors: vec!["A. Writer".into()],
            lang: "en".into(),
            description: Some("A profile for tests".into()),
            keywords: vec!["test".into()],
            source_file: format!("{slug}.md"),
            ..Metadata::default()
        };
        Builder {
            doc: Document {
                meta,
                slug: slug.into(),
                ..Document::default()
            },
        }
    }

    pub fn inlines(&mut self, text: &str) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            out.push(Inline::Text(rest[..open].to_string()));
            let n: u32 = rest[open + 1..open + close].parse().expect("note number");
            self.doc.markers.push(Marker {
                notes: vec![n],
                text: format!("({n})"),
                locator: None,
                locators: Vec::new(),
                span: span(1),
            });
            out.push(Inline::NoteRef(self.doc.markers.len() - 1));
            rest = &rest[open + close + 1..];
        }
        out.push(Inline::Text(rest.to_string()));
        out
    }

    pub fn para(&mut self, text: &str) -> &mut Self {
        let content = self.inlines(text);
        self.doc.blocks.push(Block::Paragraph {
            content,
            span: span(self.doc.blocks.len() as u32 + 1),
        });
        self
    }

    pub fn heading(&mut self, level: u8, text: &str) -> &mut Self {
        self.doc.blocks.push(Block::Heading {
            level,
            id: None,
            content: vec![Inline::Text(text.into())],
            span: span(1),
        });
        self
    }

    pub fn block(&mut self, block: Block) -> &mut Self {
        self.doc.blocks.push(block);
        self
    }

    pub fn note(&mut self, number: u32, kind: NoteKind, text: &str) -> &mut Self {
        let body = if text.is_empty() {
            Vec::new()
        } else {
            vec![Block::Paragraph {
                content: vec![Inline::Text(text.into())],
                span: span(90),
            }]
        };
        // A footnote comes from a Markdown `[^label]`, as the reader makes it.
        let label = (kind == NoteKind::Footnote).then(|| number.to_string());
        self.doc.notes.push(Note {
            number,
            label,
            kind,
            source: None,
            also: Vec::new(),
            locator: None,
            text: text.into(),
            body,
            emphasis: None,
            span: span(90 + number),
        });
        self
    }

    pub fn source(&mut self, id: &str, citation: &str) -> &mut Self {
        self.doc.sources.push(Source {
            id: id.into(),
            citation: citation.into(),
            authors: Vec::new(),
            year: None,
            title: None,
            url: None,
            details: Default::default(),
            emphasis: None,
            inlines: Vec::new(),
            sort_key: id.into(),
            notes: Vec::new(),
        });
        self
    }

    pub fn done(&self) -> Document {
        self.doc.clone()
    }
}

pub fn book(docs: Vec<Document>, title: &str) -> Book {
    let mut meta = docs[0].meta.clone();
    meta.title = title.into();
    Book {
        meta,
        documents: docs,
    }
}

/// A profile like the sample: sections, a dozen notes of every kind, a quote, a list,
/// a table, a caption and a rule.
pub fn profile() -> Document {
    let mut b = Builder::new("mek", "Mojahedin-e-Kalq (MEK)");
    b.para(&format!(
        "{} opposition group{{1}} {}",
        words(1, 120),
        words(2, 60)
    ));
    b.para(&format!(
        "{} Eternal Light{{2}} {}",
        words(3, 90),
        words(4, 40)
    ));
    b.heading(2, "Ideology and Objectives");
    b.para(&format!("{} see https://www.theguardian.com/news/2018/nov/09/mek-iran-revolution-regime-trump-rajavi for more{{3}} {}", words(5, 70), words(6, 50)));
    b.block(Block::Quote {
        blocks: vec![Block::Paragraph {
            content: vec![Inline::Text(words(7, 60))],
            span: span(30),
        }],
    });
    b.block(Block::List {
        start: Some(1),
        items: (0..3)
            .map(|i| {
                vec![Block::Paragraph {
                    content: vec![Inline::Text(words(20 + i, 25))],
                    span: span(31),
                }]
            })
            .collect(),
    });
    b.para(&format!(
        "{}{{4}} {}{{5}} {}",
        words(8, 80),
        words(9, 30),
        words(10, 60)
    ));
    b.block(Block::Table {
        align: vec![folio::model::Align::Left, folio::model::Align::Right],
        head: vec![
            vec![Inline::Text("Year".into())],
            vec![Inline::Text("Event".into())],
        ],
        rows: vec![
            vec![
                vec![Inline::Text("1965".into())],
                vec![Inline::Text("founded by revolutionary students".into())],
            ],
            vec![
                vec![Inline::Text("1986".into())],
                vec![Inline::Text("relocated to Iraq".into())],
            ],
        ],
    });
    b.block(Block::Figure {
        src: None,
        alt: "flag".into(),
        caption: vec![Inline::Text("Flag of the Mojahedin-e-Kalq".into())],
        span: span(40),
    });
    b.block(Block::Rule);
    b.heading(2, "Approach to Resistance");
    for i in 0..6 {
        b.para(&format!(
            "{} group{{{}}} {}",
            words(30 + i, 70),
            6 + i,
            words(40 + i, 40)
        ));
    }
    b.para(&format!("{} again{{1}} {}", words(50, 60), words(51, 20)));
    b.note(1, NoteKind::Full, "Merat, A. (2018, November 9). Terrorists, cultists – or champions of Iranian democracy? The Guardian. https://www.theguardian.com/news/2018/nov/09/mek");
    b.note(2, NoteKind::Ibid, "Ibid");
    b.note(3, NoteKind::Empty, "");
    b.note(4, NoteKind::Full, &words(60, 40));
    b.note(5, NoteKind::Short, "Merat, Terrorists, cultists");
    for n in 6..12 {
        b.note(n, NoteKind::Full, &words(60 + n as usize, 25));
    }
    b.source("s1", "Merat, A. (2018). Terrorists, cultists – or champions of Iranian democracy? The Guardian. https://www.theguardian.com/news/2018/nov/09/mek");
    b.source(
        "s2",
        "Rubin, E. (2011). An Iranian Cult and Its American Friends. The New York Times.",
    );
    b.done()
}

/// 70 notes, one of them 400 words long, some cited again pages later.
pub fn stress() -> Document {
    let mut b = Builder::new("stress", "Seventy Notes");
    for n in 1..=70u32 {
        let again = if n % 10 == 0 {
            format!(" and once more{{{}}}", n - 9)
        } else {
            String::new()
        };
        b.para(&format!(
            "{} cited{{{n}}} {}{again}",
            words(n as usize, 35),
            words(100 + n as usize, 15)
        ));
        let text = if n == 17 {
            words(999, 400)
        } else {
            words(200 + n as usize, 8 + (n as usize % 5) * 6)
        };
        b.note(n, NoteKind::Full, &text);
    }
    b.done()
}

/// A table-heavy profile: a table whose cells wrap, one whose longest words fit only
/// in smaller type, one of words too long for any column, one aligned by Markdown,
/// and one long enough to run over two pages.
pub fn tables() -> Document {
    use folio::model::Align;
    let cell = |t: &str| vec![Inline::Text(t.into())];
    let row = |cells: &[&str]| cells.iter().map(|t| cell(t)).collect::<Vec<_>>();
    let mut b = Builder::new("tables", "Tables");
    b.para(&format!("{} wrap{{1}} {}", words(1, 50), words(2, 20)));
    b.block(Block::Table {
        align: Vec::new(),
        head: row(&["Organisation", "Founded", "Aims", "Notes"]),
        rows: (0..4)
            .map(|i| {
                row(&[
                    &words(10 + i, 4),
                    &(1965 + i).to_string(),
                    &words(20 + i, 14),
                    &words(30 + i, 9),
                ])
            })
            .collect(),
    });
    b.para(&format!("{} shrink{{2}} {}", words(3, 40), words(4, 20)));
    b.block(Block::Table {
        align: Vec::new(),
        head: row(&["Body", "Seat", "Doctrine", "Status", "Leader", "Period"]),
        rows: vec![
            row(&[
                "Internationalist",
                "Constantinople",
                "Revolutionary",
                "Underground",
                "Collectively",
                "1965–1979",
            ]),
            row(&[
                "Organisation",
                "Auvers-sur-Oise",
                "Parliamentary",
                "Recognised",
                "Chairwoman",
                "1981–2003",
            ]),
        ],
    });
    b.para(&format!("{} break{{3}} {}", words(5, 40), words(6, 20)));
    b.block(Block::Table {
        align: Vec::new(),
        head: row(&["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]),
        rows: vec![row(&[
            "Electroencephalography",
            "Otorhinolaryngology",
            "Pneumonoultramicroscopic",
            "Hippopotomonstrosesquippedaliophobia",
            "Floccinaucinihilipilification",
            "Antidisestablishmentarianism",
            "Supercalifragilistic",
            "Incomprehensibilities",
            "Uncharacteristically",
            "Deinstitutionalisation",
        ])],
    });
    b.para(&format!("{} align{{4}} {}", words(7, 40), words(8, 20)));
    b.block(Block::Table {
        align: vec![Align::Left, Align::Right, Align::Center],
        head: row(&["Year", "Members", "Place"]),
        rows: vec![
            row(&["1965", "12", "Tehran"]),
            row(&["1981", "4,500", "Paris"]),
            row(&["2013", "3,100,000", "Tirana, Albania"]),
        ],
    });
    b.para(&format!("{} long{{5}} {}", words(9, 60), words(10, 30)));
    b.block(Block::Table {
        align: vec![Align::Right, Align::Left, Align::Left],
        head: row(&["Year", "Event", "Source"]),
        rows: (0..40)
            .map(|i| {
                row(&[
                    &(1950 + i).to_string(),
                    &words(100 + i, 12 + (i % 9) * 3),
                    &format!("https://example.org/archive/{}/record-{i}", 1950 + i),
                ])
            })
            .collect(),
    });
    b.para(&format!("{} end {}", words(11, 40), words(12, 20)));
    for n in 1..=5 {
        b.note(n, NoteKind::Full, &words(40 + n as usize, 15));
    }
    b.done()
}
