//! Files: paths out of the folder, symlinks, special files, outputs all or none, an
//! output that is an input, same-named images of two profiles (issue 10 items 1, 6, 9,
//! 11, 12).

use super::*;

// 1. Paths outside the profile's folder.

#[test]
fn an_image_outside_the_profiles_folder_is_refused_unless_allowed() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "secret.png", &png(2, 2));
    write(
        root.path(),
        "p/kiln.md",
        profile_with_image("../secret.png").as_bytes(),
    );
    let dir = root.path().join("p");
    let out = folio(&["convert", "kiln.md", "-o", "kiln.epub"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));
    assert!(!dir.join("kiln.epub").exists());

    let absolute = root.path().join("secret.png").display().to_string();
    write(
        root.path(),
        "p/abs.md",
        profile_with_image(&absolute).as_bytes(),
    );
    let out = folio(&["convert", "abs.md", "-o", "abs.epub"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));

    let allowed = root.path().display().to_string();
    let out = folio(
        &[
            "convert",
            "kiln.md",
            "-o",
            "kiln.epub",
            "--allow-outside",
            &allowed,
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(images_in(&dir.join("kiln.epub")).len(), 1);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_folder_is_refused() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "outside/passwd",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>root:x:0:0</text></svg>",
    );
    write(
        root.path(),
        "p/kiln.md",
        profile_with_image("passwd.svg").as_bytes(),
    );
    let dir = root.path().join("p");
    std::os::unix::fs::symlink(root.path().join("outside/passwd"), dir.join("passwd.svg")).unwrap();
    let out = folio(&["convert", "kiln.md", "-o", "kiln.epub"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));
    assert!(!dir.join("kiln.epub").exists());
}

#[test]
fn a_book_reads_nothing_outside_its_folder_unless_the_toml_allows_it() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "elsewhere/chapter.md",
        b"# Elsewhere\n\nA chapter.\n",
    );
    let book = root.path().join("book");
    let toml = "title = \"T\"\nprofiles = [\n  \"../elsewhere/chapter.md\",\n]\n";
    write(&book, "book.toml", toml.as_bytes());
    let out = folio(&["build", "book", "--out", "out"], root.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("book.toml:3:"), "{}", stderr(&out));
    assert!(!root.path().join("out").exists());

    // An absolute path, as `profiles = ["/etc/hostname"]`, is no way out either.
    let absolute = root.path().join("elsewhere/chapter.md");
    let abs_toml = format!("title = \"T\"\nprofiles = [\"{}\"]\n", absolute.display());
    write(&book, "book.toml", abs_toml.as_bytes());
    let out = folio(&["build", "book", "--out", "out"], root.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("book.toml:2:"), "{}", stderr(&out));
    assert!(!root.path().join("out").exists());

    let toml = format!("allow-outside = [\"../elsewhere\"]\n{toml}");
    write(&book, "book.toml", toml.as_bytes());
    let out = folio(&["build", "book", "--out", "out"], root.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let toml = "title = \"T\"\ncover = \"../elsewhere/c.png\"\n";
    write(root.path(), "elsewhere/c.png", &png(2, 2));
    write(&book, "book.toml", toml.as_bytes());
    write(&book, "a.md", b"# A\n\nText.\n");
    let out = folio(&["build", "book", "--out", "out2"], root.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("book.toml:2:"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_a_book_or_templates_folder_are_refused() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "secret/hostname.md",
        b"# Host\n\nsecret-host\n",
    );
    write(root.path(), "secret/style.css", b"body { secret: 1 }\n");
    let book = root.path().join("book");
    write(&book, "book.toml", b"title = \"T\"\n");
    write(&book, "a.md", b"# A\n\nText.\n");
    std::os::unix::fs::symlink(root.path().join("secret/hostname.md"), book.join("b.md")).unwrap();
    let out = folio(&["build", "book", "--out", "out"], root.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(stderr(&out).contains("b.md"), "{}", stderr(&out));
    assert!(!root.path().join("out").exists());

    write(root.path(), "p/kiln.md", b"# Kiln\n\nText.\n");
    let templates = root.path().join("p/t");
    std::fs::create_dir_all(&templates).unwrap();
    std::os::unix::fs::symlink(
        root.path().join("secret/style.css"),
        templates.join("style.css"),
    )
    .unwrap();
    let dir = root.path().join("p");
    let out = folio(
        &["convert", "kiln.md", "-o", "k.epub", "--templates", "t"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(!dir.join("k.epub").exists());
}

// 6. Special files.

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.png");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    write(
        dir.path(),
        "kiln.md",
        profile_with_image("pipe.png").as_bytes(),
    );
    let out = folio(&["convert", "kiln.md", "-o", "kiln.epub"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("W-IMAGE-BAD"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));

    for cover in ["pipe.png", "/dev/zero"] {
        let out = folio(
            &["convert", "kiln.md", "-o", "c.epub", "--cover", cover],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains("E-NOT-A-FILE"), "{}", stderr(&out));
        assert!(!dir.path().join("c.epub").exists());
    }
    let out = folio(&["convert", "pipe.png", "-o", "p.epub"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-NOT-A-FILE"), "{}", stderr(&out));
}

/// Regular files over the size cap (256 MiB) are refused from their length, before a
/// byte is read: a profile and a cover stop the command, a profile's image is left out
/// with a warning at its line. The files are sparse, so they cost no disk.
#[test]
fn files_over_the_size_cap_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let huge = |name: &str| {
        let file = std::fs::File::create(dir.path().join(name)).unwrap();
        file.set_len((256 << 20) + 1).unwrap();
    };
    huge("huge.txt");
    huge("huge.png");
    write(
        dir.path(),
        "kiln.md",
        profile_with_image("huge.png").as_bytes(),
    );
    let out = folio(&["convert", "huge.txt", "-o", "h.epub"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("E-FILE-TOO-LARGE"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("h.epub").exists());

    let out = folio(&["convert", "kiln.md", "-o", "k.epub"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("W-IMAGE-BAD"), "{}", stderr(&out));
    assert!(stderr(&out).contains("kiln.md:5:"), "{}", stderr(&out));
    assert!(images_in(&dir.path().join("k.epub")).is_empty());

    let out = folio(
        &["convert", "kiln.md", "-o", "c.epub", "--cover", "huge.png"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("E-FILE-TOO-LARGE"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("c.epub").exists());
}

// 9. All outputs or none.

#[test]
fn no_output_is_left_when_a_later_one_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kiln.md", b"# Kiln\n\nText.\n");
    // A file where the second output's folder should be: that write fails.
    write(dir.path(), "full", b"");
    let out = folio(
        &["convert", "kiln.md", "-o", "good.epub", "-o", "full/y.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-WRITE"), "{}", stderr(&out));
    assert!(!dir.path().join("good.epub").exists());
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["full", "kiln.md"]);
}

// 11. The input is never overwritten.

#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"The Kiln Guild\n\nThe guild fired bricks.\n";
    write(dir.path(), "x.pdf", text);
    let mut runs = vec![["x.pdf", "x.pdf"]];
    #[cfg(unix)]
    {
        std::fs::hard_link(dir.path().join("x.pdf"), dir.path().join("link.epub")).unwrap();
        runs.push(["./x.pdf", "link.epub"]);
    }
    for [input, output] in runs {
        let out = folio(&["convert", input, "-o", output], dir.path());
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let text_err = stderr(&out);
        assert!(text_err.contains("E-OUTPUT-IS-INPUT"), "{text_err}");
        assert_eq!(std::fs::read(dir.path().join("x.pdf")).unwrap(), text);
    }
}

// 12. Same-named images of different profiles.

#[test]
fn same_named_images_of_two_profiles_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (small, large) = two_profiles_with_a_fig(dir.path());
    let out = folio(
        &["convert", "a/p.md", "b/q.md", "-o", "book.epub"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut expected = vec![small, large];
    expected.sort();
    assert_eq!(packaged_images(&dir.path().join("book.epub")), expected);
}

/// `a/p.md` and `b/q.md` in `dir`, each showing its own `fig.png`; returns the two
/// images' bytes (a's, then b's).
fn two_profiles_with_a_fig(dir: &Path) -> (Vec<u8>, Vec<u8>) {
    write(dir, "a/p.md", profile_with_image("fig.png").as_bytes());
    write(dir, "b/q.md", profile_with_image("fig.png").as_bytes());
    let (small, large) = (png(2, 2), png(3, 3));
    write(dir, "a/fig.png", &small);
    write(dir, "b/fig.png", &large);
    (small, large)
}

/// The bytes of every image an EPUB packages (its cover aside), sorted.
fn packaged_images(path: &Path) -> Vec<Vec<u8>> {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut packaged = Vec::new();
    for name in images_in(path) {
        let mut data = Vec::new();
        zip.by_name(&name).unwrap().read_to_end(&mut data).unwrap();
        packaged.push(data);
    }
    packaged.sort();
    packaged
}

#[test]
fn batch_reads_images_as_convert_does() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "secret.png", &png(2, 2));
    write(
        root.path(),
        "in/kiln.md",
        profile_with_image("../secret.png").as_bytes(),
    );
    let out = folio(
        &["batch", "in", "--out", "out", "--format", "epub"],
        root.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("E-PATH-OUTSIDE"), "{}", stderr(&out));
    assert!(!root.path().join("out/kiln.epub").exists());

    let allowed = root.path().display().to_string();
    let args = ["batch", "in", "--out", "out", "--format", "epub"];
    let out = folio(
        &[&args[..], &["--allow-outside", &allowed]].concat(),
        root.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(images_in(&root.path().join("out/kiln.epub")).len(), 1);
}

/// Each profile's own EPUB of a book, and the anthology, show that profile's image
/// when two profiles have a `fig.png` of their own.
#[test]
fn same_named_images_stay_apart_in_every_edition_of_a_book() {
    let dir = tempfile::tempdir().unwrap();
    let toml = "title = \"Kilns\"\nprofiles = [\"a/p.md\", \"b/q.md\"]\n\
                [outputs]\npdf = false\nprofile-epub = true\n";
    write(dir.path(), "book/book.toml", toml.as_bytes());
    let (small, large) = two_profiles_with_a_fig(&dir.path().join("book"));
    let out = folio(&["build", "book", "--out", "out"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let packaged = |epub: &str| packaged_images(&dir.path().join("out").join(epub));
    let mut both = vec![small.clone(), large.clone()];
    both.sort();
    assert_eq!(packaged("kilns.epub"), both);
    assert_eq!(packaged("epub/p.epub"), [small]);
    assert_eq!(packaged("epub/q.epub"), [large]);
}

#[cfg(unix)]
#[test]
fn batch_refuses_a_profile_that_leads_out_of_the_folder_it_walks() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "elsewhere/secret.md",
        b"# Secret\n\nNot for the batch.\n",
    );
    write(
        root.path(),
        "in/kiln.md",
        profile_with_image("none.png").as_bytes(),
    );
    std::os::unix::fs::symlink(
        root.path().join("elsewhere/secret.md"),
        root.path().join("in/secret.md"),
    )
    .unwrap();
    let args = ["batch", "in", "--out", "out", "--format", "epub"];
    let out = folio(&args, root.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("failed: in/secret.md: E-PATH-OUTSIDE"),
        "{}",
        stderr(&out)
    );
    assert!(root.path().join("out/kiln.epub").exists());
    assert!(!root.path().join("out/secret.epub").exists());

    let allowed = root.path().join("elsewhere").display().to_string();
    let out = folio(
        &[&args[..], &["--allow-outside", &allowed]].concat(),
        root.path(),
    );
    assert!(
        root.path().join("out/secret.epub").exists(),
        "{}",
        stderr(&out)
    );
}
