//! The hostile suite's cases about files: paths, links, SVG, raster images and special files (items 1–6).

use super::*;

/// Item 1: every way an image path can lead out of the profile's folder.
pub fn paths() -> Vec<Case> {
    use Expect::*;
    let mut out = vec![
        image_profile("path-parent", "../outside.png", Fails("E-PATH-OUTSIDE")).in_folder(),
        image_profile(
            "path-parent-missing",
            "../nowhere.png",
            Warns("W-IMAGE-MISSING"),
        ),
        image_profile(
            "path-deep-parent",
            "../../../../../../etc/hostname",
            Fails("E-PATH-OUTSIDE"),
        ),
        image_profile("path-absolute", "/etc/hostname", Fails("E-PATH-OUTSIDE")),
        image_profile(
            "path-absolute-passwd",
            "/etc/passwd",
            Fails("E-PATH-OUTSIDE"),
        ),
        image_profile(
            "path-inner-parent",
            "img/../../outside.png",
            Fails("E-PATH-OUTSIDE"),
        )
        .in_folder()
        .with("p/img", Content::Dir),
        image_profile(
            "path-file-url",
            "file:///etc/passwd",
            Warns("W-IMAGE-REMOTE"),
        ),
        image_profile(
            "path-https-url",
            "https://example.org/x.png",
            Warns("W-IMAGE-REMOTE"),
        ),
        image_profile("path-missing", "nowhere.png", Warns("W-IMAGE-MISSING")),
        image_profile("path-tilde", "~/x.png", Warns("W-IMAGE-MISSING")),
        image_profile(
            "path-windows",
            "C:\\Windows\\x.png",
            Warns("W-IMAGE-MISSING"),
        ),
        image_profile(
            "path-unc",
            "\\\\server\\share\\x.png",
            Warns("W-IMAGE-MISSING"),
        ),
        image_profile("path-directory", "img", Warns("W-IMAGE-BAD")).with("img", Content::Dir),
        image_profile(
            "path-long-name",
            &format!("{}.png", "a".repeat(300)),
            Warns("W-IMAGE-BAD"),
        ),
        image_profile("path-spaces", "<my fig é.png>", Clean)
            .with("my fig é.png", Content::Bytes(png(3, 3))),
        image_profile("path-percent", "fig%20one.png", Warns("W-IMAGE-MISSING")),
        image_profile("path-inside-dotdot", "img/../fig.png", Clean)
            .with("fig.png", Content::Bytes(png(2, 2)))
            .with("img/keep", Content::Bytes(Vec::new())),
    ];
    if cfg!(unix) {
        out.extend([
            image_profile("symlink-passwd-svg", "passwd.svg", Fails("E-PATH-OUTSIDE"))
                .with("passwd.svg", Content::Symlink("/etc/passwd".into())),
            image_profile("symlink-hostname", "host.png", Fails("E-PATH-OUTSIDE"))
                .with("host.png", Content::Symlink("/etc/hostname".into())),
            image_profile("symlink-dir-out", "up/hostname", Fails("E-PATH-OUTSIDE"))
                .with("up", Content::Symlink("/etc".into())),
            image_profile("symlink-inside", "alias.png", Clean)
                .with("real.png", Content::Bytes(png(2, 2)))
                .with("alias.png", Content::Symlink("real.png".into())),
            image_profile("symlink-dangling", "gone.png", Warns("W-IMAGE-MISSING"))
                .with("gone.png", Content::Symlink("no-such-file.png".into())),
            image_profile("symlink-loop", "loop.png", Warns("W-IMAGE-BAD"))
                .with("loop.png", Content::Symlink("loop.png".into())),
        ]);
    }
    out
}

/// Item 2 and 16: link targets that must not be live, or must be escaped.
pub fn links() -> Vec<Case> {
    use Expect::*;
    let link = |name: &str, target: &str, expect| {
        body_md(name, &format!("See [the page]({target})."), expect)
    };
    vec![
        link(
            "link-javascript",
            "javascript:alert(1)",
            Warns("W-LINK-UNSAFE"),
        ),
        link(
            "link-javascript-upper",
            "JAVASCRIPT:alert(1)",
            Warns("W-LINK-UNSAFE"),
        ),
        link(
            "link-javascript-entity",
            "java&#x09;script:alert(1)",
            Warns("W-LINK-UNSAFE"),
        ),
        link("link-file", "file:///etc/passwd", Warns("W-LINK-UNSAFE")),
        link(
            "link-data",
            "data:text/html;base64,PHNjcmlwdD4=",
            Warns("W-LINK-UNSAFE"),
        ),
        link(
            "link-vbscript",
            "vbscript:msgbox(1)",
            Warns("W-LINK-UNSAFE"),
        ),
        link("link-relative", "other.html", Warns("W-LINK-UNSAFE")),
        link("link-brackets", "http://x.org/a\\[1\\]", Clean),
        link("link-quotes", "<http://x.org/?q=\"a\"&b=<c>>", Clean),
        link("link-unicode", "https://example.org/é/ü?q=ß", Clean),
        link("link-mailto", "mailto:a@example.org", Clean),
        link("link-fragment", "#no-such-heading", Clean),
        link(
            "link-long",
            &format!("https://example.org/{}", "a".repeat(20_000)),
            Clean,
        ),
        body_md(
            "link-autolink-js",
            "<javascript:alert(1)>",
            Warns("W-LINK-UNSAFE"),
        ),
        body_md(
            "link-reference",
            "See [x][r].\n\n[r]: javascript:alert(1)",
            Warns("W-LINK-UNSAFE"),
        ),
        body_md(
            "link-in-heading",
            "## A [js](javascript:x) heading",
            Warns("W-LINK-UNSAFE"),
        ),
        body_md(
            "link-image-in-link",
            "[![alt](nowhere.png)](javascript:x)",
            Warns("W-LINK-UNSAFE"),
        ),
        body_txt(
            "link-text-javascript",
            "Visit javascript:alert(1) and file:///etc/passwd now.",
            Clean,
        ),
        body_md(
            "link-html-anchor",
            "<a href=\"javascript:alert(1)\">x</a>",
            Clean,
        ),
        body_md("link-empty", "See [nothing]().", Clean),
    ]
}

/// Item 3: SVG that is not XML, has entities, scripts or outside references.
pub fn svgs() -> Vec<Case> {
    use Expect::*;
    let svg = |name: &str, body: &str, expect| {
        image_profile(name, "fig.svg", expect)
            .with("fig.svg", Content::Bytes(body.as_bytes().to_vec()))
    };
    let laughs = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"lol\">{}]><svg \
         xmlns=\"http://www.w3.org/2000/svg\"><text>&j;</text></svg>",
        (b'b'..=b'j')
            .map(|c| {
                let prev = (c - 1) as char;
                format!(
                    "<!ENTITY {} \"{}\">",
                    c as char,
                    format!("&{prev};").repeat(10)
                )
            })
            .collect::<String>()
    );
    let nested = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\">{}<rect width=\"1\" height=\"1\"/>{}</svg>",
        "<g>".repeat(5_000),
        "</g>".repeat(5_000)
    );
    vec![
        svg("svg-clean", SVG_OK, Clean),
        svg(
            "svg-script",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"1\" height=\"1\"/></svg>",
            Warns("W-SVG-UNSAFE"),
        ),
        svg(
            "svg-onload",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\" onclick=\"x()\"/></svg>",
            Warns("W-SVG-UNSAFE"),
        ),
        svg(
            "svg-external-entity",
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\
             <svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
            Warns("W-IMAGE-BAD"),
        ),
        svg("svg-billion-laughs", &laughs, Warns("W-IMAGE-BAD")),
        svg(
            "svg-not-xml",
            "root:x:0:0:root:/root:/bin/bash\n",
            Warns("W-IMAGE-BAD"),
        ),
        svg("svg-empty", "", Warns("W-IMAGE-BAD")),
        svg(
            "svg-html",
            "<html><body><script>x()</script></body></html>",
            Warns("W-IMAGE-BAD"),
        ),
        svg(
            "svg-foreign-object",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject><circle r=\"1\"/></svg>",
            Warns("W-SVG-UNSAFE"),
        ),
        svg(
            "svg-outside-href",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\
             <image xlink:href=\"file:///etc/passwd\"/><use href=\"http://x.org/a.svg#b\"/><circle r=\"1\"/></svg>",
            Warns("W-SVG-UNSAFE"),
        ),
        svg(
            "svg-css-import",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(http://x.org/a.css);</style>\
             <rect width=\"1\" height=\"1\" style=\"fill:url(http://x/y)\"/></svg>",
            Warns("W-SVG-UNSAFE"),
        ),
        svg(
            "svg-huge-size",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1e9\" height=\"1e9\"><rect width=\"1\" height=\"1\"/></svg>",
            Clean,
        ),
        svg("svg-deep-groups", &nested, Clean),
        svg(
            "svg-bom-and-pi",
            "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml-stylesheet href=\"http://x/a.css\"?>\
             <svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>",
            Clean,
        ),
        svg(
            "svg-truncated",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect",
            Warns("W-IMAGE-BAD"),
        ),
        image_profile("svg-cover-script", "fig.png", Clean)
            .with("fig.png", Content::Bytes(png(2, 2)))
            .with(
                "cover.svg",
                Content::Bytes(b"<svg><script>x()</script><circle r=\"2\"/></svg>".to_vec()),
            )
            .arg(&["--cover", "cover.svg"]),
    ]
}

/// Items 4 and 5: rasters that lie about their size, are corrupt, empty or misnamed.
pub fn rasters() -> Vec<Case> {
    use Expect::*;
    let image = |name: &str, file: &str, bytes: Vec<u8>, expect| {
        image_profile(name, file, expect).with(file, Content::Bytes(bytes))
    };
    let mut truncated = png(20, 20);
    truncated.truncate(truncated.len() / 2);
    let mut bad_crc = png(4, 4);
    let at = bad_crc.len() - 20;
    bad_crc[at] ^= 0xFF;
    let gif_huge = [
        b"GIF89a".as_slice(),
        &[0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00],
        b";",
    ]
    .concat();
    let jpeg_huge = [
        [
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x01, 0x11,
            0x00,
        ]
        .as_slice(),
        &[0xFF, 0xD9],
    ]
    .concat();
    let many: String = (0..100)
        .map(|i| format!("![fig {i}](fig.png)\n\n"))
        .collect();
    vec![
        image(
            "png-65535-square",
            "huge.png",
            lying_png(65535, 65535, b"x"),
            Warns("W-IMAGE-BAD"),
        ),
        image(
            "png-wide",
            "wide.png",
            lying_png(4_000_000, 1, b"x"),
            Warns("W-IMAGE-BAD"),
        ),
        image(
            "png-zero",
            "zero.png",
            lying_png(0, 0, b""),
            Warns("W-IMAGE-BAD"),
        ),
        image(
            "png-garbage-idat",
            "bad.png",
            lying_png(40, 40, b"garbage"),
            Warns("W-IMAGE-BAD"),
        ),
        image("png-truncated", "cut.png", truncated, Warns("W-IMAGE-BAD")),
        image("png-bad-crc", "crc.png", bad_crc, Warns("W-IMAGE-BAD")),
        image(
            "png-signature-only",
            "sig.png",
            b"\x89PNG\r\n\x1a\n".to_vec(),
            Warns("W-IMAGE-BAD"),
        ),
        image(
            "png-empty-file",
            "empty.png",
            Vec::new(),
            Warns("W-IMAGE-BAD"),
        ),
        image(
            "png-is-text",
            "text.png",
            b"just some text".to_vec(),
            Warns("W-IMAGE-BAD"),
        ),
        image("png-named-jpg", "real.jpg", png(3, 3), Clean),
        image("png-valid", "ok.png", png(5, 5), Clean),
        image("gif-huge", "huge.gif", gif_huge, Warns("W-IMAGE-BAD")),
        image(
            "gif-truncated",
            "cut.gif",
            b"GIF89a\x01\x00".to_vec(),
            Warns("W-IMAGE-BAD"),
        ),
        image("jpeg-huge", "huge.jpg", jpeg_huge, Warns("W-IMAGE-BAD")),
        image(
            "jpeg-header-only",
            "head.jpg",
            vec![0xFF, 0xD8, 0xFF, 0xE0],
            Warns("W-IMAGE-BAD"),
        ),
        image(
            "webp-truncated",
            "cut.webp",
            b"RIFF\x10\x00\x00\x00WEBPVP8 ".to_vec(),
            Warns("W-IMAGE-BAD"),
        ),
        body_md("png-100-references", &many, Clean).with("fig.png", Content::Bytes(png(2, 2))),
        image("png-budget-raised", "big.png", png(100, 100), Clean)
            .arg(&["--max-image-pixels", "20000"]),
        image(
            "png-budget-lowered",
            "big.png",
            png(100, 100),
            Warns("W-IMAGE-BAD"),
        )
        .arg(&["--max-image-pixels", "100"]),
        image_profile("cover-corrupt", "ok.png", FailsOnArg("cover.png"))
            .with("ok.png", Content::Bytes(png(2, 2)))
            .with("cover.png", Content::Bytes(lying_png(9, 9, b"junk")))
            .arg(&["--cover", "cover.png"]),
    ]
}

/// Item 6: special files as an image, a cover or the input itself.
pub fn special_files() -> Vec<Case> {
    use Expect::*;
    if !cfg!(unix) {
        return Vec::new();
    }
    let profile = || image_profile("", "ok.png", Clean).files.remove(0).1;
    vec![
        image_profile("fifo-image", "pipe.png", Warns("W-IMAGE-BAD"))
            .with("pipe.png", Content::Fifo),
        image_profile("dev-zero-image", "zero.png", Fails("E-PATH-OUTSIDE"))
            .with("zero.png", Content::Symlink("/dev/zero".into())),
        image_profile("fifo-cover", "ok.png", FailsOnArg("pipe.png"))
            .with("ok.png", Content::Bytes(png(2, 2)))
            .with("pipe.png", Content::Fifo)
            .arg(&["--cover", "pipe.png"]),
        image_profile("dev-zero-cover", "ok.png", FailsOnArg("/dev/zero"))
            .with("ok.png", Content::Bytes(png(2, 2)))
            .arg(&["--cover", "/dev/zero"]),
        Case {
            name: "fifo-input".into(),
            files: vec![("in.md".into(), Content::Fifo)],
            inputs: vec!["in.md".into()],
            args: Vec::new(),
            expect: FailsOnArg("in.md"),
        },
        Case {
            name: "dir-input".into(),
            files: vec![("in.md".into(), Content::Dir)],
            inputs: vec!["in.md".into()],
            args: Vec::new(),
            expect: FailsOnArg("in.md"),
        },
        Case {
            name: "output-is-input".into(),
            files: vec![("x.pdf".into(), profile())],
            inputs: vec!["x.pdf".into()],
            args: vec!["-o".into(), "x.pdf".into()],
            expect: FailsOnArg("x.pdf"),
        },
    ]
}
