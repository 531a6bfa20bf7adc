//! The book driver behind `folio build` and `folio watch`: reads `book.toml` and its
//! profiles, plans the editions `[outputs]` asks for, renders them side by side and
//! writes them, keeping a manifest of what it wrote.
//!
//! A [`Cache`] kept between builds (by `watch`) holds each profile's resolved document
//! by content hash and each edition's key, so a rebuild after one profile changed
//! re-reads that profile only and re-renders only the editions it appears in.

pub mod meta;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use folio::config::{BookConfig, PdfStandard};
use folio::model::Book;
use folio::pdf::{Memo, MemoStats};
use folio::{Document, load};
use rayon::prelude::*;

use super::access::AccessArgs;
use super::manifest;
use super::output::{self, Findings, Staged};
use super::publish::{self, Settings, Target};
use meta::BookMeta;

/// What a build keeps for the next one.
#[derive(Debug, Default)]
pub struct Cache {
    /// Each profile's bytes' hash and its resolved document.
    profiles: HashMap<PathBuf, (u64, Document)>,
    /// Each edition's key when it was last written.
    editions: HashMap<PathBuf, u64>,
    /// The PDFs' set paragraphs, shared by the anthology and the handouts (the same
    /// paragraph at the same measure is set once) and kept for the next rebuild.
    memo: Memo,
}

/// Set paragraphs (and krilla's compressed pages) that none of this many last builds
/// used are dropped: a `watch` session's memory stays that of a few builds of the book.
const KEEP_BUILDS: u32 = 8;

/// What a build did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files written, in plan order.
    pub written: Vec<PathBuf>,
    /// Editions whose inputs had not changed, so their files were left as they were.
    pub unchanged: Vec<PathBuf>,
    /// Files of the last build no longer made, now removed.
    pub removed: Vec<PathBuf>,
    /// Profiles read and resolved anew (not found in the cache).
    pub reread: usize,
    /// Paragraphs the PDFs set anew and took from earlier builds.
    pub paragraphs: MemoStats,
    /// The book's metadata and where it came from.
    pub meta: Option<BookMeta>,
    /// The profiles as resolved.
    pub documents: Vec<Document>,
}

/// One profile of the book, loaded: its document, content hash and images.
struct Profile {
    hash: u64,
    doc: Document,
    images: BTreeMap<String, Vec<u8>>,
}

/// An edition to make: where, from which profile (`None`: the anthology of all), and
/// the key that changes whenever anything it is made from changes.
struct Planned {
    target: Target,
    profile: Option<usize>,
    settings: Settings,
    key: u64,
}

/// Builds the book in `dir` into `out`; `None` when an error stopped it, and then no
/// file was written or removed. `standard` overrides `book.toml`'s `pdf-standard`.
pub fn build(
    dir: &Path,
    out: &Path,
    access: &AccessArgs,
    standard: Option<PdfStandard>,
    cache: &mut Cache,
    findings: &mut Findings,
) -> Option<Outcome> {
    let modified = super::source_date_epoch()
        .map_err(|err| findings.push(err))
        .ok()?;
    let book_dir = read_book(dir, findings)?;
    let config_file = book_dir.dir.join("book.toml").display().to_string();
    findings.add_source(&config_file, book_dir.config_text.as_bytes());
    let access = book_dir.access(&access.access(), access.max_image_pixels);
    let paths = book_dir
        .profiles(&access)
        .map_err(|err| findings.push(*err))
        .ok()?;
    let mut outcome = Outcome::default();
    let profiles = load_profiles(&paths, &access, cache, findings, &mut outcome.reread)?;
    let documents: Vec<Document> = profiles.iter().map(|p| p.doc.clone()).collect();
    let (book_meta, warning) = meta::book_meta(&book_dir.config, &documents, &config_file);
    findings.extend(warning);
    let standard = standard.unwrap_or(book_dir.config.pdf.pdf_standard);
    let settings = BookSettings {
        modified,
        access: &access,
        standard,
        pdf_modified: publish::pdf_date(standard, modified, &paths),
    };
    let plan = plan(&book_dir, &profiles, &book_meta, out, &settings, findings);
    findings.extend(no_editions(&book_dir, &config_file));
    if findings.has_errors() {
        return None;
    }
    let anthology = Book {
        meta: book_meta.meta.clone(),
        documents,
    };
    let mut todo: Vec<usize> = (0..plan.len())
        .filter(|&i| {
            let path = plan[i].target.path();
            cache.editions.get(path) != Some(&plan[i].key) || !path.is_file()
        })
        .collect();
    // The longest first: rayon gives the first item to the first thread at once, and
    // the anthology PDF is a rebuild's critical path.
    todo.sort_by_key(|&i| {
        let p = &plan[i];
        (p.profile.is_some(), !matches!(p.target, Target::Pdf(_)))
    });
    // Each edition goes to its temporary file as soon as it is made, while the others
    // are still being made; they are renamed into place only when all are staged.
    let memo = Some(&cache.memo);
    let mut rendered: Vec<_> = todo
        .par_iter()
        .map(|&i| {
            let planned = &plan[i];
            let book = edition_book(planned, &anthology, &profiles);
            let path = planned.target.path();
            let (bytes, found) =
                publish::render(&book, &planned.target, &planned.settings, memo, findings);
            let staged = bytes.and_then(|bytes| output::stage(path, &bytes));
            (i, staged, found)
        })
        .collect();
    // A rebuild that makes no PDF does not age the paragraphs: a save that changes
    // nothing, repeated, must not empty the memo.
    if todo
        .iter()
        .any(|&i| matches!(plan[i].target, Target::Pdf(_)))
    {
        outcome.paragraphs = cache.memo.sweep(KEEP_BUILDS);
    }
    rendered.sort_by_key(|(i, _, _)| *i);
    let mut files: Vec<(usize, Staged)> = Vec::new();
    for (i, staged, found) in rendered {
        findings.extend(found);
        match staged {
            Ok(staged) => files.push((i, staged)),
            Err(err) => findings.push(err),
        }
    }
    if findings.has_errors() {
        return None;
    }
    let (done, staged): (Vec<usize>, Vec<Staged>) = files.into_iter().unzip();
    outcome.written = output::commit_all(staged)
        .map_err(|errs| findings.extend(errs))
        .ok()?;
    for planned in done.into_iter().map(|i| &plan[i]) {
        cache
            .editions
            .insert(planned.target.path().to_path_buf(), planned.key);
    }
    let made: BTreeSet<PathBuf> = plan
        .iter()
        .filter_map(|p| {
            p.target
                .path()
                .strip_prefix(out)
                .ok()
                .map(Path::to_path_buf)
        })
        .collect();
    outcome.removed = manifest::update(out, &manifest::book_key(&book_dir.dir), &made)
        .map_err(|errs| findings.extend(errs))
        .ok()?;
    outcome.unchanged = plan
        .iter()
        .map(|p| p.target.path().to_path_buf())
        .filter(|p| !outcome.written.contains(p))
        .collect();
    outcome.meta = Some(book_meta);
    outcome.documents = anthology.documents;
    Some(outcome)
}

/// Reads `dir/book.toml`; its error goes to `findings`. When there is no `book.toml`
/// at all, the hint says where folio looked, since a new user most often ran it in
/// the wrong folder.
fn read_book(dir: &Path, findings: &mut Findings) -> Option<load::BookDir> {
    let mut err = match load::read_book(dir) {
        Ok(book_dir) => return Some(book_dir),
        Err(err) => err,
    };
    let path = dir.join("book.toml");
    if err.hint.is_none() && !path.exists() {
        err.hint = Some(format!(
            "no book.toml in {}: run folio in the book's folder, name it (folio build DIR), \
             or start a series with folio init",
            dir.display()
        ));
    }
    findings.add_source(&err.file, &std::fs::read(&err.file).unwrap_or_default());
    findings.push(*err);
    None
}

/// Checks the book in `dir` without writing anything: `book.toml`, every profile with
/// its images (read as `build` reads them), and the book's metadata.
pub fn check(dir: &Path, access: &AccessArgs, findings: &mut Findings) {
    let Some(book_dir) = read_book(dir, findings) else {
        return;
    };
    let config_file = book_dir.dir.join("book.toml").display().to_string();
    let access = book_dir.access(&access.access(), access.max_image_pixels);
    match book_dir.profiles(&access) {
        Ok(paths) => {
            let profiles = load_profiles(&paths, &access, &mut Cache::default(), findings, &mut 0);
            let documents: Vec<Document> = profiles.into_iter().flatten().map(|p| p.doc).collect();
            let (_, warning) = meta::book_meta(&book_dir.config, &documents, &config_file);
            findings.extend(warning);
            findings.extend(no_editions(&book_dir, &config_file));
        }
        Err(err) => findings.push(*err),
    }
}

/// `W-BOOK-NO-OUTPUTS` when `[outputs]` asks for no edition at all: the build would
/// succeed writing nothing, which looks like a broken build.
fn no_editions(book_dir: &load::BookDir, config_file: &str) -> Option<folio::Diagnostic> {
    let outputs = &book_dir.config.outputs;
    if outputs.epub || outputs.pdf || outputs.profile_epub || !outputs.handouts.is_empty() {
        return None;
    }
    let text = &book_dir.config_text;
    let at = text.find("[outputs]");
    let span = at.map_or_else(folio::model::Span::default, |offset| {
        folio::diag::span_at(text, offset, "[outputs]".len())
    });
    Some(
        folio::Diagnostic::warning(
            "W-BOOK-NO-OUTPUTS",
            config_file,
            span,
            "[outputs] asks for no edition, so the build writes none",
        )
        .with_hint("set epub, pdf or profile-epub to true, or add an [[outputs.handouts]] set"),
    )
}

/// Reads every profile, resolving only those whose bytes changed since the cache saw
/// them (in parallel), with the images it refers to as `access` allows; reports on all
/// before giving up.
fn load_profiles(
    paths: &[PathBuf],
    access: &load::Access,
    cache: &mut Cache,
    findings: &mut Findings,
    reread: &mut usize,
) -> Option<Vec<Profile>> {
    let mut inputs = Vec::new();
    let mut all_read = true;
    for path in paths {
        match load::read_input(path) {
            Ok(input) => {
                findings.add_source(&input.name, &input.bytes);
                inputs.push((path, hash(&input.bytes), input));
            }
            Err(err) => {
                findings.push(*err);
                all_read = false;
            }
        }
    }
    let fresh: Vec<Document> = inputs
        .par_iter()
        .filter(|(path, hash, _)| cache.profiles.get(*path).map(|c| c.0) != Some(*hash))
        .map(|(_, _, input)| folio::resolve::resolve(folio::read::read(&input.name, &input.bytes)))
        .collect();
    *reread += fresh.len();
    let mut fresh = fresh.into_iter();
    let mut profiles = Vec::new();
    for (path, hash, _) in inputs {
        let mut doc = match cache.profiles.get(path) {
            Some((cached, doc)) if *cached == hash => doc.clone(),
            _ => {
                let doc = fresh.next()?;
                cache.profiles.insert(path.clone(), (hash, doc.clone()));
                doc
            }
        };
        findings.extend(doc.diagnostics.iter().cloned());
        publish::settle_lang(&mut doc);
        let (images, missing) = load::assets(&doc, path, access);
        findings.extend(missing);
        profiles.push(Profile { hash, doc, images });
    }
    share_images(&mut profiles);
    let mut docs: Vec<Document> = profiles.iter().map(|p| p.doc.clone()).collect();
    publish::unique_slugs(&mut docs);
    for (profile, doc) in profiles.iter_mut().zip(docs) {
        profile.doc.slug = doc.slug;
    }
    (all_read && !findings.has_errors()).then_some(profiles)
}

/// What every edition of one build shares besides `book.toml`.
struct BookSettings<'a> {
    /// `SOURCE_DATE_EPOCH`, when set.
    modified: Option<i64>,
    /// What the build may read.
    access: &'a load::Access,
    /// The standard every PDF claims.
    standard: PdfStandard,
    /// The date the PDFs are written with ([`publish::pdf_date`]).
    pdf_modified: Option<i64>,
}

/// Gives each profile's images the keys they have in the anthology. Two profiles may
/// each have their own `fig.png`; the second one's becomes `2/fig.png` (see
/// [`load::merge_images`]) in its document and its images alike, so its own edition and
/// the anthology show the same picture.
fn share_images(profiles: &mut [Profile]) {
    let mut all = BTreeMap::new();
    for profile in profiles {
        let found = std::mem::take(&mut profile.images);
        load::merge_images(&mut all, &mut profile.doc, found.clone());
        profile.images = found
            .into_iter()
            .filter_map(|(src, bytes)| {
                let key = std::iter::once(src.clone())
                    .chain((2..).map(|n| format!("{n}/{src}")))
                    .take(all.len() + 1)
                    .find(|key| all.get(key) == Some(&bytes))?;
                Some((key, bytes))
            })
            .collect();
    }
}

/// The editions `[outputs]` asks for, with the file naming rule: the anthology at the
/// top of `out` as `<book slug>.epub|pdf`, per-profile EPUBs in `epub/`, each handout
/// set in `handouts-<name>/`, every per-profile file named by the profile's slug.
fn plan(
    book_dir: &load::BookDir,
    profiles: &[Profile],
    book: &BookMeta,
    out: &Path,
    book_settings: &BookSettings,
    findings: &mut Findings,
) -> Vec<Planned> {
    let BookSettings {
        modified,
        access,
        standard,
        pdf_modified,
    } = *book_settings;
    let config: &BookConfig = &book_dir.config;
    let outputs = &config.outputs;
    let all_images: BTreeMap<String, Vec<u8>> =
        profiles.iter().flat_map(|p| p.images.clone()).collect();
    let mut inside = |relative: Option<&str>, what: &str| {
        book_dir
            .inside(relative?, access, what)
            .map_err(|err| findings.push(*err))
            .ok()
    };
    let templates = inside(config.epub.templates.as_deref(), "the templates folder");
    let cover = inside(config.cover.as_deref(), "the cover");
    let mut anthology_epub = publish::epub_options(
        config.epub.embed_fonts,
        templates.as_deref(),
        cover.as_deref(),
        all_images.clone(),
        modified,
        access,
        findings,
    );
    anthology_epub.identifier = config.identifier.clone();
    let pdf = &config.pdf;
    let anthology_pdf = publish::pdf_options(
        pdf.paper,
        pdf.font_size,
        pdf.margins,
        pdf.bibliography,
        standard,
        pdf_modified,
        all_images.clone(),
    );
    let settings = |epub: &folio::epub::EpubOptions, pdf: &folio::pdf::PdfOptions| Settings {
        epub: epub.clone(),
        pdf: pdf.clone(),
    };
    // Everything an edition is made from that is not a profile: book.toml (its comments
    // too, which costs a rebuild but never a stale file), the date, the metadata, the
    // templates and the cover, which `watch` sees change like any file of the folder.
    let cover = anthology_epub.cover.as_ref().map(|c| (&c.name, &c.bytes));
    let base = hash(&(
        book_dir.config_text.as_str(),
        modified,
        format!("{standard:?} {pdf_modified:?}"),
        format!("{:?}", book.meta),
        format!("{:?}", anthology_epub.templates),
        cover,
    ));
    let all: Vec<usize> = (0..profiles.len()).collect();
    let key = |kind: &str, of: &[usize]| {
        let parts: Vec<_> = of
            .iter()
            .map(|&i| (profiles[i].hash, &profiles[i].doc.slug, &profiles[i].images))
            .collect();
        hash(&(base, kind, parts))
    };
    let slug = folio::slug::slug(&book.meta.title, "book");
    let mut plan = Vec::new();
    let anthology = [
        (
            outputs.epub,
            Target::Epub(out.join(format!("{slug}.epub"))),
            "epub",
        ),
        (
            outputs.pdf,
            Target::Pdf(out.join(format!("{slug}.pdf"))),
            "pdf",
        ),
    ];
    for (wanted, target, kind) in anthology {
        if wanted {
            plan.push(Planned {
                target,
                profile: None,
                settings: settings(&anthology_epub, &anthology_pdf),
                key: key(kind, &all),
            });
        }
    }
    for (i, profile) in profiles.iter().enumerate() {
        let name = &profile.doc.slug;
        if outputs.profile_epub {
            let mut epub = anthology_epub.clone();
            epub.images = profile.images.clone();
            epub.cover = None;
            epub.identifier = None;
            plan.push(Planned {
                target: Target::Epub(out.join("epub").join(format!("{name}.epub"))),
                profile: Some(i),
                settings: settings(&epub, &anthology_pdf),
                key: key("profile-epub", &[i]),
            });
        }
        for handout in &outputs.handouts {
            let pdf = publish::pdf_options(
                handout.paper,
                handout.font_size,
                handout.margins,
                config.pdf.bibliography,
                standard,
                pdf_modified,
                profile.images.clone(),
            );
            let label = handout.label();
            let kind = format!("handout {label} {:?}", (handout.font_size, handout.margins));
            plan.push(Planned {
                target: Target::Pdf(
                    out.join(format!("handouts-{label}"))
                        .join(format!("{name}.pdf")),
                ),
                profile: Some(i),
                settings: settings(&anthology_epub, &pdf),
                key: key(&kind, &[i]),
            });
        }
    }
    plan
}

/// The book one edition is made of: the anthology, or one profile as a book of its own
/// that takes the book's authors and series when the profile names none.
fn edition_book<'a>(planned: &Planned, anthology: &'a Book, profiles: &[Profile]) -> Cow<'a, Book> {
    let Some(i) = planned.profile else {
        return Cow::Borrowed(anthology);
    };
    let documents = vec![profiles[i].doc.clone()];
    let mut meta = documents[0].meta.clone();
    if meta.authors.is_empty() {
        meta.authors = anthology.meta.authors.clone();
    }
    if meta.series.is_none() {
        meta.series = anthology
            .meta
            .series
            .clone()
            .or(Some(anthology.meta.title.clone()));
    }
    Cow::Owned(Book { meta, documents })
}

/// A content hash for the cache (SipHash with fixed keys: stable within a process,
/// which is all a cache kept in memory needs).
fn hash(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
