//! `--pdf-standard none|ua-1|a-2b|a-3b` (and `book.toml`'s `pdf-standard`) as a user
//! runs them: the PDF's XMP identifies the standard asked for, and one the document
//! cannot meet is a warning naming the cause, with the PDF still written.
//! With `VERAPDF_UA1=/path/to/check-ua1` set, veraPDF also validates each PDF against
//! the standard's own profile.

use std::path::Path;
use std::process::{Command, Output};

fn folio(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("folio runs")
}

const KILN: &str = "The Kiln Guild\n\nThe Kiln Guild fired bricks for the invented city of Ostra.(1)\n\n\
                    Works Cited\n\n(1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n";

/// The standard a PDF's XMP identifies: ("ua", "1"), ("a", "2B"), or none.
fn claimed(pdf: &Path) -> Option<(String, String)> {
    let bytes = std::fs::read(pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    let text = String::from_utf8_lossy(&bytes);
    let value = |tag: &str| {
        let open = format!("<{tag}>");
        let at = text.find(&open)? + open.len();
        Some(text.get(at..)?.split('<').next()?.to_string())
    };
    if let Some(part) = value("pdfuaid:part") {
        return Some(("ua".into(), part));
    }
    let part = value("pdfaid:part")?;
    Some((
        "a".into(),
        format!("{part}{}", value("pdfaid:conformance")?),
    ))
}

/// veraPDF's verdict on `pdf` for `profile` (`ua1`, `2b`, `3b`), when it is at hand.
fn verapdf(pdf: &Path, profile: &str) {
    let Some(check) = std::env::var_os("VERAPDF_UA1") else {
        return;
    };
    let run = Command::new(check)
        .arg(pdf)
        .env("PROFILE", profile)
        .output()
        .expect("veraPDF");
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(text.contains("compliant: true"), "{profile}: {text}");
}

#[test]
fn convert_claims_the_standard_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kiln.txt"), KILN).unwrap();
    for (flag, want, profile) in [
        (None, Some(("ua", "1")), "ua1"),
        (Some("ua-1"), Some(("ua", "1")), "ua1"),
        (Some("a-2b"), Some(("a", "2B")), "2b"),
        (Some("a-3b"), Some(("a", "3B")), "3b"),
        (Some("none"), None, ""),
    ] {
        let name = format!("kiln-{}.pdf", flag.unwrap_or("default"));
        let mut args = vec!["convert", "kiln.txt", "-o", &name];
        args.extend(flag.iter().flat_map(|f| ["--pdf-standard", f]));
        let out = folio(&args, dir.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{flag:?}: {err}");
        assert!(!err.contains("W-PDF-STANDARD"), "{flag:?}: {err}");
        let pdf = dir.path().join(&name);
        let got = claimed(&pdf);
        let want = want.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(got, want, "{flag:?}");
        if !profile.is_empty() {
            verapdf(&pdf, profile);
        }
    }
    // PDF/A needs a date; without SOURCE_DATE_EPOCH the input's own gives it.
    let bytes = std::fs::read(dir.path().join("kiln-a-2b.pdf")).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("xmp:CreateDate"));
    let out = folio(
        &[
            "convert",
            "kiln.txt",
            "-o",
            "x.pdf",
            "--pdf-standard",
            "a-1b",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown standard is a usage error"
    );
}

#[test]
fn a_standard_the_document_cannot_meet_is_a_warning_with_its_cause() {
    // U+20BB7 (CJK Extension B) is outside the bundled CJK subset.
    let dir = tempfile::tempdir().unwrap();
    let text = KILN.replace("bricks", "bricks (\u{20BB7})");
    std::fs::write(dir.path().join("kiln.txt"), text).unwrap();
    for standard in ["ua-1", "a-2b", "a-3b"] {
        let args = [
            "convert",
            "kiln.txt",
            "-o",
            "kiln.pdf",
            "--pdf-standard",
            standard,
        ];
        let out = folio(&args, dir.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{standard}: {err}");
        assert!(
            err.contains("W-PDF-STANDARD") && err.contains('\u{20BB7}'),
            "{standard}: {err}"
        );
        assert_eq!(claimed(&dir.path().join("kiln.pdf")), None, "{standard}");
        let denied = folio(&[&args[..], &["--deny-warnings"]].concat(), dir.path());
        assert_eq!(denied.status.code(), Some(1), "{standard}");
    }
}

#[test]
fn build_reads_pdf_standard_from_book_toml_and_the_flag_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kiln.txt"), KILN).unwrap();
    std::fs::write(
        dir.path().join("book.toml"),
        "title = \"Kilns\"\n[pdf]\npdf-standard = \"a-3b\"\n[outputs]\nepub = false\n",
    )
    .unwrap();
    let out = folio(&["build", ".", "--out", "out"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.path().join("out/kilns.pdf");
    assert_eq!(claimed(&pdf), Some(("a".into(), "3B".into())));
    verapdf(&pdf, "3b");
    let out = folio(
        &["build", ".", "--out", "out", "--pdf-standard", "none"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        claimed(&pdf),
        None,
        "the flag wins, and the edition is rebuilt"
    );
    std::fs::write(
        dir.path().join("book.toml"),
        "title = \"Kilns\"\n[pdf]\npdf-standard = \"pdf/a\"\n",
    )
    .unwrap();
    let out = folio(&["build", ".", "--out", "out"], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("E-CONFIG") && err.contains("a-2b"), "{err}");
}

#[test]
fn batch_takes_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/kiln.txt"), KILN).unwrap();
    let args = [
        "batch",
        "in",
        "--out",
        "out",
        "--format",
        "pdf",
        "--pdf-standard",
        "a-2b",
    ];
    let out = folio(&args, dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.path().join("out/kiln.pdf");
    assert_eq!(claimed(&pdf), Some(("a".into(), "2B".into())));
    verapdf(&pdf, "2b");
}
