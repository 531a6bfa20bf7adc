//! The hostile suite's cases about text: size, controls, encodings, line endings, ids, nesting, markers, front matter (items 7, 13–16).

use super::*;

/// Item 7 and 16: huge, empty and odd text, scaled so the suite stays quick.
pub fn odd_text() -> Vec<Case> {
    use Expect::*;
    let words = |n: usize| {
        (0..n)
            .map(|i| format!("word{} ", i % 997))
            .collect::<String>()
    };
    let headings: String = (0..400)
        .map(|i| format!("## Heading {i}\n\nText {i}.(1)\n\n"))
        .collect();
    let lines: String = (0..800)
        .map(|i| format!("Line {i} of a long page (1).\n\n"))
        .collect();
    vec![
        md("empty-md", "", Fails("E-EMPTY")),
        txt("empty-txt", "", Fails("E-EMPTY")),
        txt("whitespace-only", " \n\t\n \n", Fails("E-EMPTY")),
        txt("bom-only", "\u{feff}", Fails("E-EMPTY")),
        md("title-only", "# Only a title\n", Clean),
        txt("one-word", "x", Clean),
        body_md("unbreakable-token", &"x".repeat(50_000), Clean),
        body_txt("unbreakable-token-txt", &"y".repeat(50_000), Clean),
        body_md("long-paragraph", &words(8_000), Clean),
        body_md(
            "table-huge-cell",
            &format!("| A | B |\n|---|---|\n| x | {} |", words(1_000)),
            Clean,
        ),
        body_md(
            "table-200-columns",
            &format!(
                "|{}\n|{}\n|{}",
                "h|".repeat(200),
                "-|".repeat(200),
                "c (1)|".repeat(200)
            ),
            Clean,
        ),
        body_md(
            "table-ragged",
            "| a | b |\n|---|\n| 1 | 2 | 3 | 4 |\n| x |",
            Clean,
        ),
        md(
            "headings-1000",
            &format!("# Many\n\n{headings}## Works Cited\n\n(1) - Varga, E. Bricks.\n"),
            Clean,
        ),
        txt(
            "lines-2000",
            format!("A long page\n\n{lines}Works Cited\n\n(1) - Varga, E. Bricks.\n"),
            Clean,
        ),
        md(
            "long-title",
            &format!("# {}\n\nText.\n", "Kiln ".repeat(2_000)),
            Clean,
        ),
        txt(
            "long-first-line",
            format!("{}\n\nText.\n", "Kiln ".repeat(2_000)),
            Warns("I-DEBRIS"),
        ),
        body_md("emoji-zwj", "👩‍👩‍👧‍👦 🏳️‍🌈 🇫🇷 ✊🏿 family flags", Clean),
        body_md(
            "combining-stack",
            &format!("Z{}algo", "\u{0301}\u{0316}\u{0334}".repeat(500)),
            Clean,
        ),
        body_md("cjk-no-spaces", &"漢字仮名交じり文".repeat(400), Clean),
        body_txt(
            "devanagari-thai",
            "हिन्दी में लेख। ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ",
            Clean,
        ),
        body_md(
            "astral-and-private",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀 \u{e000}\u{f8ff} \u{10fffd}",
            Clean,
        ),
        body_md("math-and-symbols", "∀x∈ℝ: x² ≥ 0 — ∑∫∂ ≠ ≈ ⊕ ℵ₀", Clean),
        body_md("blank-lines-5000", &"\n".repeat(5_000), Clean),
        body_md("many-spaces", &" ".repeat(100_000), Clean),
        body_md(
            "code-block-big",
            &format!("```\n{}\n```", "let x = 1; // (1)\n".repeat(1_500)),
            Clean,
        ),
        body_md(
            "html-script",
            "<script>alert(1)</script>\n\n<iframe src=\"http://x\"></iframe>",
            Clean,
        ),
        body_md("html-comment-unclosed", "<!-- never closed\n\nmore", Clean),
        body_md(
            "entities",
            "&#0; &#x110000; &#xD800; &nbsp; &bogus; &amp;amp; &#65;",
            Clean,
        ),
    ]
}

/// Items 14, 16 and the decoder: control characters, NULs, line endings, encodings.
pub fn controls_and_encodings() -> Vec<Case> {
    use Expect::*;
    let profile =
        "The Kiln Guild\n\nThe guild fired bricks (1).\n\nWorks Cited\n\n(1) - Varga, E. Bricks.\n";
    let md_profile = "# The Kiln Guild\n\nThe guild fired bricks.(1)\n\n## Works Cited\n\n(1) - Varga, E. Bricks.\n";
    let utf16 = |bom: bool| {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(profile.encode_utf16().flat_map(u16::to_le_bytes));
        out
    };
    let with_eol = |eol: &str| profile.replace('\n', eol);
    vec![
        body_md(
            "ansi-escapes",
            "Text \u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{7} \u{1b}[2J",
            Warns("W-CONTROL-CHAR"),
        ),
        body_txt(
            "ansi-escapes-txt",
            "Text \u{1b}[31mred\u{1b}[0m and \u{1b}[2J clear",
            Warns("W-CONTROL-CHAR"),
        ),
        body_md(
            "c0-controls",
            "a\u{1}b\u{2}c\u{8}d\u{b}e\u{c}f\u{7f}g",
            Warns("W-CONTROL-CHAR"),
        ),
        body_md(
            "c1-controls",
            "a\u{80}b\u{85}c\u{9b}31m d\u{9f}",
            Warns("W-CONTROL-CHAR"),
        ),
        body_md("noncharacters", "a\u{fffe}b\u{ffff}c\u{fdd0}d", Clean),
        body_md("bom-mid-text", "a\u{feff}b\u{200b}c\u{200d}d\u{ad}e", Clean),
        md(
            "control-title",
            "# Ti\u{1b}[31mtle\u{7}\u{0c}\n\nText.\n",
            Warns("W-CONTROL-CHAR"),
        ),
        md(
            "control-in-entry",
            "# T\n\nA claim.(1)\n\n## Works Cited\n\n(1) - Va\u{1b}[2Jrga, E.\u{8} Bricks\u{7}.\n",
            Warns("W-CONTROL-CHAR"),
        ),
        md(
            "control-in-alt",
            "# T\n\n![a\u{1b}[31m\u{7}b](nowhere.png)\n",
            Warns("W-LINK-UNSAFE"),
        ),
        txt(
            "nul-bytes",
            "The Kiln\0 Guild\n\nText\0 with NULs (1).\n",
            Fails("E-BINARY"),
        ),
        md("nul-bytes-md", "# T\0itle\n\nBody\0.\n", Fails("E-BINARY")),
        txt("all-nul", vec![0u8; 1_000], Fails("E-BINARY")),
        txt(
            "invalid-utf8-lone",
            b"The Kiln\n\nBad \x80 byte.\n".to_vec(),
            Fails("E-ENCODING"),
        ),
        txt(
            "invalid-utf8-overlong",
            b"Title\n\n\xC0\xAF slash\n".to_vec(),
            Fails("E-ENCODING"),
        ),
        txt(
            "invalid-utf8-surrogate",
            b"Title\n\n\xED\xA0\x80 half\n".to_vec(),
            Fails("E-ENCODING"),
        ),
        txt(
            "invalid-utf8-truncated",
            b"Title\n\nends mid \xE2\x82".to_vec(),
            Fails("E-ENCODING"),
        ),
        case(
            "latin1-raw",
            "md",
            b"# Caf\xe9\n\nNa\xefve.\n".to_vec(),
            Fails("E-ENCODING"),
        ),
        txt("utf16-bom", utf16(true), Fails("E-BINARY")),
        txt("utf16-no-bom", utf16(false), Fails("E-BINARY")),
        txt("cr-only", with_eol("\r"), Clean),
        md("cr-only-md", &md_profile.replace('\n', "\r"), Clean),
        txt("crlf", with_eol("\r\n"), Clean),
        txt("lfcr", with_eol("\n\r"), Clean),
        txt(
            "mixed-eol",
            "The Kiln Guild\r\rThe guild (1).\r\n\r\nWorks Cited\n\n(1) - Varga.\r",
            Clean,
        ),
        txt("unicode-separators", with_eol("\u{2028}"), Clean),
        txt("paragraph-separators", with_eol("\u{2029}"), Clean),
        body_md(
            "bidi-overrides",
            "abc \u{202e}txt.exe\u{202c} \u{202d}ltr\u{202c}",
            Clean,
        ),
        body_md("bidi-unclosed", &"\u{2067}\u{202b}".repeat(5_000), Clean),
        body_txt(
            "bidi-arabic-hebrew",
            "الحرس الثوري (قسم) עברית 123 mixed (1) نص",
            Clean,
        ),
        md(
            "bidi-title",
            "# \u{202e}ملف\u{202c} title\n\nText.\n",
            Clean,
        ),
        md(
            "bidi-entry",
            "# T\n\nA claim.(1)\n\n## Works Cited\n\n(1) - مجاهدین، ع. (۱۳۹۰). «کتاب». تهران.\n",
            Clean,
        ),
    ]
}

/// Items 15 and nesting caps: author ids against generated ones, deep structures.
pub fn ids_and_nesting() -> Vec<Case> {
    use Expect::*;
    let same: String = (0..100)
        .map(|i| format!("## Same {i} {{#same}}\n\n"))
        .collect();
    vec![
        body_md("id-note-1", "## Grabs {#note-1}\n\nText.", Clean),
        body_md(
            "id-duplicate",
            "## A {#same}\n\n## B {#same}",
            Warns("W-DUPLICATE-ID"),
        ),
        body_md("id-100-duplicates", &same, Warns("W-DUPLICATE-ID")),
        body_md(
            "id-odd-chars",
            "## A {#a\"b<c>}\n\n## B {#1}\n\n## C {#-}",
            Clean,
        ),
        body_md(
            "id-reserved",
            "## T {#toc}\n\n## C {#cover}\n\n## N {#nav}\n\n## P {#the-kiln-guild}",
            Clean,
        ),
        body_md("id-empty", "## A {#}\n\n## B { }", Clean),
        body_md("nest-quotes", &">".repeat(2_000), Clean),
        body_md(
            "nest-lists",
            &(0..500)
                .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
                .collect::<String>(),
            Clean,
        ),
        body_md(
            "nest-emphasis",
            &format!("{}x{}", "*".repeat(5_000), "*".repeat(5_000)),
            Clean,
        ),
        body_md(
            "nest-brackets",
            &format!("{}x{}", "[".repeat(10_000), "]".repeat(10_000)),
            Clean,
        ),
        body_md(
            "nest-parens",
            &format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000)),
            Clean,
        ),
        body_md(
            "nest-links",
            &format!(
                "{}x{}",
                "[a](http://x.org/".repeat(1_000),
                ")".repeat(1_000)
            ),
            Clean,
        ),
        body_txt(
            "nest-parens-txt",
            &format!("{}2{}", "(".repeat(10_000), ")".repeat(10_000)),
            Clean,
        ),
        body_md(
            "nest-footnotes",
            &(0..100)
                .map(|i| format!("[^f{i}]: see [^f{}]\n\n", i + 1))
                .collect::<String>(),
            Clean,
        ),
    ]
}

/// Item 13 and marker floods: many markers, odd numbers, long and odd lists.
pub fn markers_and_lists() -> Vec<Case> {
    use Expect::*;
    let list = |range: std::ops::RangeInclusive<u32>| {
        range
            .map(|n| format!("({n}) - Varga, E. (2001). Bricks, vol. {n}.\n"))
            .collect::<String>()
    };
    let cite = |numbers: &[u32]| {
        numbers
            .iter()
            .map(|n| format!("A claim ({n}).\n\n"))
            .collect::<String>()
    };
    let flood: String = (1..=1_200).map(|n| format!("Fact ({n}). ")).collect();
    vec![
        txt(
            "list-1500",
            format!(
                "Kiln\n\n{}Works Cited\n\n{}",
                cite(&[1, 2, 1500]),
                list(1..=1_500)
            ),
            Clean,
        ),
        txt(
            "list-from-0",
            format!("Kiln\n\n{}Works Cited\n\n{}", cite(&[0, 2]), list(0..=2)),
            Clean,
        ),
        txt(
            "list-from-1000",
            format!(
                "Kiln\n\n{}Works Cited\n\n{}",
                cite(&[1000, 1001]),
                list(1000..=1001)
            ),
            Clean,
        ),
        md(
            "list-md-1000",
            "# Kiln\n\nA claim.(1000)\n\n## Works Cited\n\n1000. Varga.\n1001. Roe.\n",
            Clean,
        ),
        txt(
            "markers-1200",
            format!("Kiln\n\n{flood}\n\nWorks Cited\n\n{}", list(1..=1_200)),
            Clean,
        ),
        txt(
            "markers-same-10000",
            format!(
                "Kiln\n\n{}\n\nWorks Cited\n\n(1) - Varga.\n",
                "x (1) ".repeat(3_000)
            ),
            Clean,
        ),
        body_txt(
            "markers-u32-max",
            "Claims (4294967295) (4294967296) (99999999999999999999) [0] (00001).",
            Clean,
        ),
        body_txt(
            "markers-ranges",
            "Claims (1-400000) (1–3, 5) (3–1) (1, 1, 1) (1,2,3,4,5,6,7,8,9,10,11,12).",
            Clean,
        ),
        txt(
            "markers-no-list",
            "Kiln\n\nClaims (1) (2) [3] (4, 5).\n",
            Clean,
        ),
        txt(
            "list-no-markers",
            "Kiln\n\nText.\n\nWorks Cited\n\n(1) - Varga.\n(2) - Roe.\n",
            Clean,
        ),
        txt(
            "list-empty-entries",
            format!(
                "Kiln\n\nA claim (1).\n\nWorks Cited\n\n{}",
                (1..=500).map(|n| format!("({n}) -\n")).collect::<String>()
            ),
            Clean,
        ),
        txt(
            "ibid-chain",
            format!(
                "Kiln\n\n{}\n\nWorks Cited\n\n(1) - Varga, E. Bricks.\n{}",
                (1..=500)
                    .map(|n| format!("x ({n})"))
                    .collect::<Vec<_>>()
                    .join(" "),
                (2..=500)
                    .map(|n| format!("({n}) - Ibid., {n}.\n"))
                    .collect::<String>()
            ),
            Clean,
        ),
        txt(
            "entry-huge",
            format!(
                "Kiln\n\nA claim (1).\n\nWorks Cited\n\n(1) - {}\n",
                "Varga, E. ".repeat(5_000)
            ),
            Clean,
        ),
        txt(
            "list-duplicate-numbers",
            "Kiln\n\nA claim (1).\n\nWorks Cited\n\n(1) - A.\n(1) - B.\n(1) - C.\n",
            Clean,
        ),
        md(
            "footnotes-1200",
            &format!(
                "# Kiln\n\n{}\n\n{}",
                (1..=1_200)
                    .map(|n| format!("x[^{n}]"))
                    .collect::<Vec<_>>()
                    .join(" "),
                (1..=1_200)
                    .map(|n| format!("[^{n}]: Note {n}.\n"))
                    .collect::<String>()
            ),
            Clean,
        ),
        md(
            "footnote-undefined",
            "# Kiln\n\nText[^nope] and [^].\n",
            Clean,
        ),
        md(
            "footnote-self",
            "# Kiln\n\nText[^a].\n\n[^a]: Refers to itself[^a].\n",
            Clean,
        ),
        txt(
            "table-first-markers",
            "| a (1) | b |\n|---|---|\n| [2] | c |\n\nWorks Cited\n\n(1) - A.\n(2) - B.\n",
            Clean,
        ),
        md(
            "table-first-markers-md",
            "| a (1) | b |\n|---|---|\n| [2] | c |\n\n## Works Cited\n\n(1) - A.\n(2) - B.\n",
            Warns("W-NO-TITLE"),
        ),
    ]
}

/// Front matter and configuration-like input: bombs, nesting, bad values.
pub fn front_matter_and_markup() -> Vec<Case> {
    use Expect::*;
    let keys: String = (0..5_000).map(|i| format!("k{i}: v{i}\n")).collect();
    let aliases = "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n\
                   c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n\
                   e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ntitle: T\n---\n\nText.\n";
    vec![
        md(
            "front-5000-keys",
            &format!("---\ntitle: Kiln\n{keys}---\n\nText.\n"),
            Clean,
        ),
        md("front-yaml-aliases", aliases, Fails("E-FRONT-MATTER")),
        md(
            "front-deep",
            &format!(
                "---\ntitle: T\nx: {}1{}\n---\n\nText.\n",
                "[".repeat(2_000),
                "]".repeat(2_000)
            ),
            Fails("E-FRONT-MATTER"),
        ),
        md(
            "front-unclosed",
            "---\ntitle: T\n\nText without a closing fence.\n",
            Fails("E-FRONT-MATTER"),
        ),
        md(
            "front-bad-yaml",
            "---\ntitle: [unclosed\n---\n\nText.\n",
            Fails("E-FRONT-MATTER"),
        ),
        md(
            "front-bad-toml",
            "+++\ntitle = \n+++\n\nText.\n",
            Fails("E-FRONT-MATTER"),
        ),
        md(
            "front-title-list",
            "---\ntitle: [a, b]\n---\n\nText.\n",
            Fails("E-FRONT-MATTER"),
        ),
        md(
            "front-lang-bad",
            "---\ntitle: T\nlang: \"french please\"\n---\n\nText.\n",
            Warns("W-LANG-INVALID"),
        ),
        md(
            "front-lang-rtl",
            "---\ntitle: T\nlang: ar\n---\n\nنص عربي.\n",
            Clean,
        ),
        md(
            "front-date-odd",
            "---\ntitle: T\ndate: 99999-99-99\n---\n\nText.\n",
            Clean,
        ),
        md(
            "heading-level-7",
            "####### seven\n\n# real\n\n###### six\n",
            Clean,
        ),
        md(
            "setext-headings",
            "Title\n=====\n\nSub\n---\n\nText.\n",
            Clean,
        ),
        body_md(
            "math-dollars",
            "$x^2$ and $$\\int_0^1$$ and $ unclosed",
            Clean,
        ),
        body_md("hard-breaks", &"line  \n".repeat(600), Clean),
        body_md(
            "image-alt-markup",
            "![**bold** [link](javascript:x) `code`](nowhere.png)",
            Warns("W-IMAGE-MISSING"),
        ),
    ]
}
