//! `folio cite`: input/expected pairs, the command's behaviour, and every library read
//! back by the tools that import it — hayagriva (YAML and BibTeX), the `biblatex`
//! crate, the CSL-JSON schema (python3 `jsonschema`) and `pandoc --citeproc`.
//!
//! Cases: profiles run through the binary (`tests/cite/*.md`, the sample), and
//! hand-built sources with every structured field through the library, since today's
//! citation parser leaves those fields empty. `FOLIO_BLESS=1 cargo test --test cite`
//! rewrites `tests/cite/<case>.csl.json|.bib|.yaml`; review the diff before committing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use folio::Document;
use folio::export::Format;
use folio::model::{Details, Name, Source, WorkKind};
use serde_json::Value;

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn folio(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("folio runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const FORMATS: [(&str, Format, &str); 3] = [
    ("csl-json", Format::CslJson, "csl.json"),
    ("bibtex", Format::Bibtex, "bib"),
    ("yaml", Format::Yaml, "yaml"),
];

/// Profiles (relative to `tests/`) whose sources make one library each.
const PROFILE_CASES: [(&str, &[&str]); 2] = [
    ("sample", &["fixtures/sample.txt"]),
    ("library", &["cite/library.md", "cite/second.md"]),
];

/// One library in every format: (case, extension, text).
struct Library {
    case: &'static str,
    ext: &'static str,
    text: String,
}

fn libraries() -> Vec<Library> {
    let mut out = Vec::new();
    for (case, inputs) in PROFILE_CASES {
        for (flag, _, ext) in FORMATS {
            let mut args = vec!["cite", "--format", flag];
            args.extend(inputs);
            let run = folio(&args, &tests_dir());
            assert_eq!(run.status.code(), Some(0), "{case}: {}", stderr(&run));
            let text = String::from_utf8(run.stdout).expect("UTF-8");
            out.push(Library { case, ext, text });
        }
    }
    for (_, format, ext) in FORMATS {
        let text = folio::export::cite(&[structured()], format).expect("writes");
        out.push(Library {
            case: "structured",
            ext,
            text,
        });
    }
    out
}

// ------------------------------------------------------------------ hand-built sources

fn person(family: &str, given: &str) -> Name {
    Name {
        family: family.into(),
        given: Some(given.into()),
        organisation: false,
    }
}

fn source(id: &str, citation: &str, title: &str, details: Details) -> Source {
    Source {
        id: id.into(),
        citation: citation.into(),
        authors: details
            .names
            .iter()
            .map(|n| match &n.given {
                Some(g) => format!("{}, {g}", n.family),
                None => n.family.clone(),
            })
            .collect(),
        year: details.date.as_ref().map(|d| d[..4].to_string()),
        title: Some(title.into()),
        url: None,
        details,
        emphasis: None,
        inlines: Vec::new(),
        sort_key: String::new(),
        notes: vec![1],
    }
}

/// One source of every kind, with every structured field the parser can fill.
fn structured() -> Document {
    let s = |v: &str| Some(v.to_string());
    let mut web = source(
        "s4",
        "Merat, Arron. “Terrorists, cultists – or champions of Iranian democracy?” The Guardian, November 9, 2018. https://www.theguardian.com/news/2018/nov/09/mek-iran",
        "Terrorists, cultists – or champions of Iranian democracy?",
        Details {
            names: vec![person("Merat", "Arron")],
            date: s("2018-11-09"),
            container: s("The Guardian"),
            kind: Some(WorkKind::WebPage),
            ..Details::default()
        },
    );
    web.url = s("https://www.theguardian.com/news/2018/nov/09/mek-iran");
    let sources = vec![
        source(
            "s1",
            "Varga, Ilona. The Salt Roads: Trade and Power on the Danube, 1700–1850. Szeged: Tisza Press, 2012.",
            "The Salt Roads: Trade and Power on the Danube, 1700–1850",
            Details {
                names: vec![person("Varga", "Ilona")],
                date: s("2012"),
                publisher: s("Tisza Press"),
                place: s("Szeged"),
                kind: Some(WorkKind::Book),
                ..Details::default()
            },
        ),
        source(
            "s2",
            "Snodgrass, R. T., M. Böhlen, et al. “Transaction time in SQL.” Journal of Temporal Data 12, no. 3 (1998): 45–67. https://doi.org/10.1000/xyz123.",
            "Transaction time in SQL",
            Details {
                names: vec![person("Snodgrass", "R. T."), person("Böhlen", "M.")],
                et_al: true,
                date: s("1998-03"),
                container: s("Journal of Temporal Data"),
                volume: s("12"),
                issue: s("3"),
                pages: s("45–67"),
                doi: s("10.1000/xyz123"),
                kind: Some(WorkKind::Article),
                ..Details::default()
            },
        ),
        source(
            "s3",
            "van Gogh, Theo. “Letters Home.” In Painters Writing, edited by Anna Kovač, 101–19. Amsterdam: Canal House, 2001.",
            "Letters Home",
            Details {
                names: vec![person("van Gogh", "Theo")],
                editors: vec![person("Kovač", "Anna")],
                date: s("2001"),
                container: s("Painters Writing"),
                publisher: s("Canal House"),
                place: s("Amsterdam"),
                pages: s("101–19"),
                kind: Some(WorkKind::Chapter),
                ..Details::default()
            },
        ),
        web,
        source(
            "s5",
            "World Health Organization. Water, Sanitation & Hygiene: 100% by 2030. Geneva: WHO, 2020.",
            "Water, Sanitation & Hygiene: 100% by 2030",
            Details {
                names: vec![
                    Name {
                        family: "World Health Organization".into(),
                        given: None,
                        organisation: true,
                    },
                    Name {
                        family: "Ministry of Water, Sanitation and Hygiene".into(),
                        given: None,
                        organisation: true,
                    },
                ],
                date: s("2020"),
                publisher: s("WHO"),
                place: s("Geneva"),
                kind: Some(WorkKind::Report),
                ..Details::default()
            },
        ),
        source(
            "s6",
            "Dupont, Marie. “Les bateliers du Rhône.” PhD diss., Université de Lyon, 2019.",
            "Les bateliers du Rhône",
            Details {
                names: vec![person("Dupont", "Marie")],
                date: s("2019"),
                publisher: s("Université de Lyon"),
                kind: Some(WorkKind::Thesis),
                ..Details::default()
            },
        ),
        source(
            "s7",
            "Charter of the Harbour Guilds, 1799.",
            "Charter of the Harbour Guilds",
            Details {
                date: s("1799"),
                kind: Some(WorkKind::Legal),
                ..Details::default()
            },
        ),
        source(
            "s8",
            "Varga, Ilona. Interview by the author, Szeged, May 2, 2012.",
            "Interview by the author",
            Details {
                names: vec![person("Varga", "Ilona")],
                date: s("2012-05-02"),
                place: s("Szeged"),
                kind: Some(WorkKind::Interview),
                ..Details::default()
            },
        ),
        Source {
            // The parser gives an edited book no display authors, and its editors as
            // its names too (`Details::names`).
            authors: Vec::new(),
            ..source(
                "s9",
                "Hobsbawm, E. and Ranger, T. (eds) (1983) The Invention of Tradition. Cambridge: Cambridge University Press.",
                "The Invention of Tradition",
                Details {
                    names: vec![person("Hobsbawm", "E."), person("Ranger", "T.")],
                    editors: vec![person("Hobsbawm", "E."), person("Ranger", "T.")],
                    date: s("1983"),
                    publisher: s("Cambridge University Press"),
                    place: s("Cambridge"),
                    kind: Some(WorkKind::Book),
                    ..Details::default()
                },
            )
        },
    ];
    Document {
        sources,
        ..Document::default()
    }
}

// ------------------------------------------------------------------ expected files

#[test]
fn every_library_matches_its_expected_file() {
    let bless = std::env::var_os("FOLIO_BLESS").is_some();
    let mut failures = Vec::new();
    for Library { case, ext, text } in libraries() {
        let path = tests_dir().join(format!("cite/{case}.{ext}"));
        if bless {
            std::fs::write(&path, &text).expect("expected file is writable");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == text => {}
            Ok(_) => failures.push(format!("{case}.{ext} differs")),
            Err(_) => failures.push(format!("no {case}.{ext} (run with FOLIO_BLESS=1)")),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(rerun with FOLIO_BLESS=1 and review the diff)",
        failures.join("\n")
    );
}

// ------------------------------------------------------------------ the works, as each reader sees them

/// What every format must agree on for one work.
#[derive(Debug, PartialEq)]
struct Seen {
    key: String,
    title: String,
    families: Vec<String>,
    year: Option<i64>,
    container: Option<String>,
    /// Publisher or institution, and the place.
    publisher: (Option<String>, Option<String>),
    doi: Option<String>,
    url: Option<String>,
}

fn csl_works(json: &str) -> Vec<Seen> {
    let items: Value = serde_json::from_str(json).expect("CSL-JSON is JSON");
    let str_of = |v: &Value| v.as_str().map(str::to_string);
    items
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| Seen {
            key: str_of(&item["id"]).expect("id"),
            title: str_of(&item["title"]).expect("title"),
            families: item["author"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|n| {
                    str_of(&n["family"])
                        .or_else(|| str_of(&n["literal"]))
                        .unwrap()
                })
                .collect(),
            year: item["issued"]["date-parts"][0][0].as_i64(),
            container: str_of(&item["container-title"]),
            publisher: (str_of(&item["publisher"]), str_of(&item["publisher-place"])),
            doi: str_of(&item["DOI"]),
            url: str_of(&item["URL"]),
        })
        .collect()
}

fn hayagriva_works(library: &hayagriva::Library) -> Vec<Seen> {
    library
        .iter()
        .map(|entry| Seen {
            key: entry.key().to_string(),
            title: entry.title().expect("title").value.to_string(),
            families: entry
                .authors()
                .unwrap_or_default()
                .iter()
                .map(|p| match &p.prefix {
                    Some(prefix) => format!("{prefix} {}", p.name),
                    None => p.name.clone(),
                })
                .filter(|name| name != "others")
                .collect(),
            year: entry.date().map(|d| i64::from(d.year)),
            container: entry
                .parents()
                .first()
                .and_then(|p| p.title())
                .map(|t| t.value.to_string()),
            publisher: publisher(entry),
            doi: entry.doi().map(str::to_string),
            url: entry.url().map(|u| u.value.to_string()),
        })
        .collect()
}

/// Publisher (or institution) and place, wherever hayagriva keeps them: on the entry
/// or its parent, as `publisher` or as `organization` and `location`.
fn publisher(entry: &hayagriva::Entry) -> (Option<String>, Option<String>) {
    let holders = std::iter::once(entry).chain(entry.parents());
    for holder in holders {
        let text = |s: Option<&hayagriva::types::FormatString>| s.map(|s| s.value.to_string());
        let name = holder
            .publisher()
            .and_then(|p| text(p.name()))
            .or_else(|| text(holder.organization()));
        let place = holder
            .publisher()
            .and_then(|p| text(p.location()))
            .or_else(|| text(holder.location()));
        if name.is_some() || place.is_some() {
            return (name, place);
        }
    }
    (None, None)
}

fn text_of(library: &[Library], case: &str, ext: &str) -> String {
    library
        .iter()
        .find(|l| l.case == case && l.ext == ext)
        .map(|l| l.text.clone())
        .expect("library written")
}

fn cases() -> [&'static str; 3] {
    ["sample", "library", "structured"]
}

#[test]
fn yaml_reads_back_in_hayagriva_as_the_same_works() {
    let libraries = libraries();
    for case in cases() {
        let yaml = text_of(&libraries, case, "yaml");
        let library = hayagriva::io::from_yaml_str(&yaml)
            .unwrap_or_else(|err| panic!("{case}.yaml: hayagriva cannot read it: {err}"));
        let csl = csl_works(&text_of(&libraries, case, "csl.json"));
        assert!(!csl.is_empty(), "{case}: no works");
        assert_eq!(hayagriva_works(&library), csl, "{case}");
    }
}

#[test]
fn bibtex_parses_in_biblatex_and_hayagriva_as_the_same_works() {
    let libraries = libraries();
    for case in cases() {
        let bib = text_of(&libraries, case, "bib");
        let parsed = biblatex::Bibliography::parse(&bib)
            .unwrap_or_else(|err| panic!("{case}.bib: biblatex cannot parse it: {err:?}"));
        let csl = csl_works(&text_of(&libraries, case, "csl.json"));
        assert_eq!(parsed.len(), csl.len(), "{case}");
        let library = hayagriva::io::from_biblatex(&parsed)
            .unwrap_or_else(|err| panic!("{case}.bib: hayagriva rejects it: {err:?}"));
        // BibTeX has no container for a web page or a report: the rest must agree.
        let mut seen = hayagriva_works(&library);
        let mut expected = csl;
        for work in seen.iter_mut().chain(expected.iter_mut()) {
            work.container = None;
        }
        assert_eq!(seen, expected, "{case}");
    }
}

#[test]
fn structured_fields_reach_every_format() {
    let libraries = libraries();
    let csl: Value = serde_json::from_str(&text_of(&libraries, "structured", "csl.json")).unwrap();
    let article = &csl[1];
    assert_eq!(article["type"], "article-journal");
    assert_eq!(
        article["issued"]["date-parts"],
        serde_json::json!([[1998, 3]])
    );
    assert_eq!(article["page"], "45–67");
    assert_eq!(
        csl[3]["issued"]["date-parts"],
        serde_json::json!([[2018, 11, 9]])
    );
    assert_eq!(
        csl[4]["author"],
        serde_json::json!([
            {"literal": "World Health Organization"},
            {"literal": "Ministry of Water, Sanitation and Hygiene"}
        ])
    );
    // An edited book: its editors once, as editors, in every format.
    let edited = &csl[8];
    assert_eq!(edited["id"], "hobsbawm1983invention");
    assert!(edited.get("author").is_none(), "{edited}");
    assert_eq!(edited["editor"][1]["family"], "Ranger");
    let bib = text_of(&libraries, "structured", "bib");
    let entry = biblatex::Bibliography::parse(&bib).unwrap();
    let entry = entry.get("hobsbawm1983invention").expect("key");
    assert!(entry.author().is_err(), "{entry:?}");
    assert_eq!(entry.editors().unwrap()[0].0[0].name, "Hobsbawm");
    let bib = text_of(&libraries, "structured", "bib");
    let parsed = biblatex::Bibliography::parse(&bib).unwrap();
    let entry = parsed.get("snodgrass1998transaction").expect("key");
    assert_eq!(entry.volume().unwrap(), biblatex::PermissiveType::Typed(12));
    let authors = entry.author().unwrap();
    assert_eq!(
        authors.last().unwrap().name,
        "others",
        "et al. is `and others`"
    );
    let who = parsed.get("world2020water").expect("key");
    assert_eq!(who.author().unwrap()[0].name, "World Health Organization");
    let yaml = hayagriva::io::from_yaml_str(&text_of(&libraries, "structured", "yaml")).unwrap();
    let article = yaml.get("snodgrass1998transaction").unwrap();
    let journal = &article.parents()[0];
    assert_eq!(journal.volume().unwrap().to_string(), "12");
    assert_eq!(journal.issue().unwrap().to_string(), "3");
    assert_eq!(article.page_range().unwrap().to_string(), "45-67");
    let report = yaml.get("world2020water").unwrap();
    let organisations: Vec<_> = report
        .authors()
        .unwrap()
        .iter()
        .map(|p| (&p.name, &p.prefix, &p.given_name))
        .collect();
    let whole = |name: &'static str| (name.to_string(), None, None);
    assert_eq!(
        organisations
            .iter()
            .map(|(n, p, g)| ((*n).clone(), (*p).clone(), (*g).clone()))
            .collect::<Vec<_>>(),
        [
            whole("World Health Organization"),
            whole("Ministry of Water, Sanitation and Hygiene")
        ],
        "organisations stay whole"
    );
    let chapter = yaml
        .get("vangogh2001letters")
        .expect("key with the particle");
    assert_eq!(
        chapter.parents()[0].title().unwrap().value.to_string(),
        "Painters Writing"
    );
    assert_eq!(chapter.editors().unwrap()[0].name, "Kovač");
}

// ------------------------------------------------------------------ external validators

/// Runs a validator, failing (never skipping) when it is not installed.
fn tool(program: &str, args: &[&str]) -> Output {
    let python_path = tests_dir().join("../.tools/py");
    Command::new(program)
        .args(args)
        .env("PYTHONPATH", python_path)
        .output()
        .unwrap_or_else(|err| panic!("{program} not found ({err}): run scripts/install-validators"))
}

fn tmp(name: &str, text: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn csl_json_meets_the_csl_schema() {
    let schema = tests_dir().join("data/csl-data.schema.json");
    let libraries = libraries();
    for case in cases() {
        let data = tmp(
            &format!("{case}.csl.json"),
            &text_of(&libraries, case, "csl.json"),
        );
        let script = "import json, sys, jsonschema\n\
                      schema = json.load(open(sys.argv[1]))\n\
                      jsonschema.Draft7Validator.check_schema(schema)\n\
                      jsonschema.validate(json.load(open(sys.argv[2])), schema)\n\
                      print('valid')";
        let out = tool(
            "python3",
            &[
                "-c",
                script,
                schema.to_str().unwrap(),
                data.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success() && String::from_utf8_lossy(&out.stdout).contains("valid"),
            "{case}: {}\n(jsonschema missing? run scripts/install-validators)",
            stderr(&out)
        );
    }
}

/// Lowercase words only, so citeproc's title case and line breaks do not matter.
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn pandoc_citeproc_formats_every_work_from_csl_json_and_bibtex() {
    let libraries = libraries();
    let doc = tmp("nocite.md", "---\nnocite: '@*'\n---\n");
    for case in cases() {
        let works = csl_works(&text_of(&libraries, case, "csl.json"));
        // pandoc reads `.bibtex` as BibTeX (`.bib` would be BibLaTeX).
        for (ext, name) in [("csl.json", "csl.json"), ("bib", "bibtex")] {
            let path = tmp(&format!("{case}.{name}"), &text_of(&libraries, case, ext));
            let out = tool(
                "pandoc",
                &[
                    "--citeproc",
                    "--wrap=none",
                    "-t",
                    "plain",
                    "--bibliography",
                    path.to_str().unwrap(),
                    doc.to_str().unwrap(),
                ],
            );
            let err = stderr(&out);
            assert!(out.status.success(), "{case}.{name}: {err}");
            assert!(!err.contains("WARNING"), "{case}.{name}: {err}");
            let rendered = words(&String::from_utf8_lossy(&out.stdout));
            for work in &works {
                assert!(
                    rendered.contains(&words(&work.title)),
                    "{case}.{name}: `{}` missing from\n{rendered}",
                    work.title
                );
                // Styles may move a particle ("Gogh, Theo van"): the last word stays.
                for family in &work.families {
                    let last = words(family).rsplit(' ').next().unwrap_or("").to_string();
                    assert!(rendered.contains(&last), "{case}.{name}: {family} missing");
                }
            }
        }
    }
}

// ------------------------------------------------------------------ the command

#[test]
fn output_file_is_written_whole_and_its_extension_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let sample = tests_dir().join("fixtures/sample.txt");
    let sample = sample.to_str().unwrap();
    for (name, expected) in [
        ("lib.bib", "bib"),
        ("lib.yml", "yaml"),
        ("lib.json", "csl.json"),
    ] {
        let out = folio(&["cite", sample, "-o", name], dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(out.stdout.is_empty(), "nothing on standard output with -o");
        assert!(stderr(&out).contains(&format!("wrote {name}")));
        let written = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let expected = std::fs::read_to_string(tests_dir().join(format!("cite/sample.{expected}")));
        assert_eq!(written, expected.unwrap(), "{name}");
    }
    // --format wins over the extension.
    let out = folio(
        &["cite", sample, "--format", "yaml", "-o", "x.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("x.json")).unwrap();
    assert!(written.starts_with("cole2020defectors:\n"), "{written}");
}

#[test]
fn bad_input_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
    let sample = tests_dir().join("fixtures/sample.txt");
    for bad in ["missing.txt", "empty.txt"] {
        let out = folio(
            &["cite", sample.to_str().unwrap(), bad, "-o", "lib.json"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{bad}: {}", stderr(&out));
        assert!(stderr(&out).contains(bad), "{bad}: {}", stderr(&out));
        assert!(
            !dir.path().join("lib.json").exists(),
            "{bad}: no partial output"
        );
        let out = folio(&["cite", bad], dir.path());
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty(), "{bad}: nothing on standard output");
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["cite"][..], &["cite", "a.txt", "--format", "ris"]] {
        let out = folio(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn warnings_are_reported_and_the_library_still_written() {
    let out = folio(&["cite", "fixtures/sample.txt"], &tests_dir());
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("W-EMPTY-ENTRY"), "{}", stderr(&out));
    assert!(stderr(&out).contains("sample.txt:49:1"), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("[\n"));
}

#[test]
fn a_profile_without_sources_is_a_warning_and_an_empty_library() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plain.md"),
        "# Plain\n\nNo citations here.\n",
    )
    .unwrap();
    for (format, empty) in [("csl-json", "[]\n"), ("bibtex", ""), ("yaml", "{}\n")] {
        let out = folio(&["cite", "plain.md", "--format", format], dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stderr(&out).contains("W-NO-SOURCES"), "{}", stderr(&out));
        assert!(stderr(&out).contains("plain.md"), "{}", stderr(&out));
        assert_eq!(String::from_utf8_lossy(&out.stdout), empty, "{format}");
    }
    let yaml = folio(&["cite", "plain.md", "--format", "yaml"], dir.path()).stdout;
    let library = hayagriva::io::from_yaml_str(&String::from_utf8(yaml).unwrap()).unwrap();
    assert!(library.is_empty());
}
