//! `folio init [DIR]`: a new series that builds as it is: a commented `book.toml` with
//! every setting, one example profile of each kind in `profiles/`, and a README for
//! the writer. It writes nothing when any of these files already exists.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio::diag::Diagnostic;
use folio::model::Span;

use super::output::Findings;

/// Arguments of `folio init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder for the new series (created when missing).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// The scaffold: path inside the folder, and text (`{title}` is filled in).
const FILES: [(&str, &str); 4] = [
    ("book.toml", include_str!("init/book.toml")),
    (
        "profiles/01-example-markdown.md",
        include_str!("init/01-example-markdown.md"),
    ),
    (
        "profiles/02-example-scraped.txt",
        include_str!("init/02-example-scraped.txt"),
    ),
    ("README.md", include_str!("init/README.md")),
];

/// Runs the command: exit 0 when the scaffold was written, 1 when a file was in the way.
pub fn run(args: &Args) -> ExitCode {
    let mut findings = Findings::default();
    let written = init(&args.dir, &mut findings);
    let done = written.is_some();
    super::finish(&findings, written);
    if done {
        eprintln!("next: {}", next_step(&args.dir));
    }
    super::exit(!done)
}

/// The command that builds the new series, ready to paste: from inside its folder, so
/// the editions land in the series' own `out/` (a shell comment names them).
fn next_step(dir: &Path) -> String {
    let slug = folio::slug::slug(&title_of(dir), "book");
    let build = format!("folio build   # writes out/{slug}.epub and out/{slug}.pdf");
    if dir.components().all(|c| c == std::path::Component::CurDir) {
        return build;
    }
    let dir = dir.display().to_string();
    let safe = |c: char| c.is_ascii_alphanumeric() || "._/-+=:,@%".contains(c);
    let quoted = if dir.chars().all(safe) {
        dir
    } else {
        format!("'{}'", dir.replace('\'', r"'\''"))
    };
    format!("cd {quoted} && {build}")
}

fn init(dir: &Path, findings: &mut Findings) -> Option<Vec<PathBuf>> {
    if dir.exists() && !dir.is_dir() {
        findings.push(
            Diagnostic::error(
                "E-INIT-EXISTS",
                &dir.display().to_string(),
                Span::default(),
                "this is a file, not a folder; folio init writes nothing over it",
            )
            .with_hint("name a new folder: folio init my-series"),
        );
        return None;
    }
    for (name, _) in FILES {
        let path = dir.join(name);
        if path.exists() {
            findings.push(
                Diagnostic::error(
                    "E-INIT-EXISTS",
                    &path.display().to_string(),
                    Span::default(),
                    "the file already exists; folio init writes nothing over it",
                )
                .with_hint(
                    "run folio init in an empty folder, or name a new one: folio init my-series",
                ),
            );
        }
    }
    if findings.has_errors() {
        return None;
    }
    let title = title_of(dir);
    let files: Vec<(PathBuf, String)> = FILES
        .iter()
        .map(|(name, text)| (dir.join(name), text.replace("{title}", &title)))
        .collect();
    let files = files
        .iter()
        .map(|(path, text)| (path.as_path(), text.as_bytes()));
    super::publish::write_files(files, findings)
}

/// A title from the folder's name ("my-series" → "My Series"), safe inside a TOML
/// string and a Markdown heading.
fn title_of(dir: &Path) -> String {
    let name = dir
        .canonicalize()
        .ok()
        .or_else(|| Some(dir.to_path_buf()))
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let words: Vec<String> = name
        .split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let clean: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
            let mut chars = clean.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .filter(|w: &String| !w.is_empty())
        .collect();
    if words.is_empty() {
        "My Series".to_string()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_step_is_a_command_to_paste() {
        let tail = "folio build   # writes out/my-series.epub and out/my-series.pdf";
        assert_eq!(
            next_step(Path::new("/x/my-series")),
            format!("cd /x/my-series && {tail}")
        );
        assert_eq!(
            next_step(Path::new("it's mine")),
            "cd 'it'\\''s mine' && folio build   # writes out/its-mine.epub and out/its-mine.pdf"
        );
    }

    #[test]
    fn the_title_comes_from_the_folder_name() {
        assert_eq!(title_of(Path::new("/nowhere/my-series")), "My Series");
        assert_eq!(
            title_of(Path::new("/nowhere/exil_\"profils\"")),
            "Exil Profils"
        );
        assert_eq!(title_of(Path::new("/nowhere/---")), "My Series");
    }

    #[test]
    fn the_scaffold_book_toml_sets_every_setting() {
        let text = FILES[0].1.replace("{title}", "T");
        let config = folio::config::BookConfig::parse("book.toml", &text).unwrap();
        assert_eq!(config.profiles, Some(vec!["profiles/*".to_string()]));
        // Uncommenting every setting still parses: each one is a real key.
        let all = uncommented(&text).replace("authors = []\n", "");
        let config = folio::config::BookConfig::parse("book.toml", &all).unwrap();
        assert_eq!(config.outputs.handouts.len(), 1);
        assert!(
            config.subtitle.is_some() && config.cover.is_some() && config.pdf.margins.is_some()
        );
        assert!(config.epub.templates.is_some() && config.identifier.is_some());
    }

    /// Uncomments every `# key = value` line of the scaffold's `book.toml`.
    fn uncommented(text: &str) -> String {
        text.lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|r| r.contains(" = ") || r.starts_with("[["))
                    .unwrap_or(l)
            })
            .map(|l| format!("{l}\n"))
            .collect()
    }

    /// A deserializer that only records the field names a struct asks for, so the test
    /// below follows `BookConfig` as it grows instead of a list kept by hand.
    struct FieldNames(std::cell::Cell<&'static [&'static str]>);

    impl<'de> serde::Deserializer<'de> for &FieldNames {
        type Error = serde::de::value::Error;

        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            _: V,
        ) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("only struct fields are recorded"))
        }

        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            Err(serde::de::Error::custom("recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }

    fn fields_of<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
        let names = FieldNames(std::cell::Cell::new(&[]));
        let _ = T::deserialize(&names);
        names.0.get()
    }

    #[test]
    fn the_scaffold_book_toml_names_every_key_of_every_table() {
        use folio::config::{BookConfig, EpubConfig, HandoutConfig, OutputsConfig, PdfConfig};
        let text = uncommented(&FILES[0].1.replace("{title}", "T"));
        let toml: toml::Table = toml::from_str(&text).unwrap();
        let table = |name: &str| toml[name].as_table().unwrap().clone();
        let handout = toml["outputs"]["handouts"][0].as_table().unwrap().clone();
        let tables = [
            ("", toml.clone(), fields_of::<BookConfig>()),
            ("epub", table("epub"), fields_of::<EpubConfig>()),
            ("pdf", table("pdf"), fields_of::<PdfConfig>()),
            ("outputs", table("outputs"), fields_of::<OutputsConfig>()),
            ("outputs.handouts", handout, fields_of::<HandoutConfig>()),
        ];
        for (name, table, fields) in tables {
            assert!(fields.len() > 1, "[{name}]: no fields recorded");
            let missing: Vec<_> = fields.iter().filter(|f| !table.contains_key(**f)).collect();
            assert!(
                missing.is_empty(),
                "[{name}] lacks {missing:?} in the scaffold"
            );
        }
    }
}
