//! The hostile suite's cases, generated (no large files in the repository): what a
//! scraped or malicious profile can hold, one family per item of issue 10, each case
//! with what folio must do with it. [`super::suite`] runs them.

use super::{lying_png, png};

#[path = "cases_files.rs"]
mod files;
#[path = "cases_text.rs"]
mod text;

use files::{links, paths, rasters, special_files, svgs};
use text::{
    controls_and_encodings, front_matter_and_markup, ids_and_nesting, markers_and_lists, odd_text,
};

/// What a case's folder holds besides bytes.
pub enum Content {
    Bytes(Vec<u8>),
    /// A symbolic link to this target.
    Symlink(String),
    /// A named pipe: opening it for reading would block forever.
    Fifo,
    Dir,
}

/// What folio must do with a case.
#[derive(Clone, Copy, Debug)]
pub enum Expect {
    /// Exit 0 with both editions written and no warning or error of these codes.
    Clean,
    /// Exit 0 with both editions written and this diagnostic code among the warnings.
    Warns(&'static str),
    /// Exit 1, nothing written, this error code at a file:line of the case.
    Fails(&'static str),
    /// Exit 1, nothing written, this error code naming the file given on the command line.
    FailsOnArg(&'static str),
}

/// One hostile case: files in its own folder, the inputs and options given to
/// `folio convert`, and the outcome required.
pub struct Case {
    pub name: String,
    pub files: Vec<(String, Content)>,
    pub inputs: Vec<String>,
    pub args: Vec<String>,
    pub expect: Expect,
}

impl Case {
    fn with(mut self, path: &str, content: Content) -> Self {
        self.files.push((path.to_string(), content));
        self
    }

    /// Moves the input into a sub-folder `p/`, so that `..` leads to the case's own
    /// folder, where the file `outside.png` waits.
    fn in_folder(mut self) -> Self {
        for (name, _) in &mut self.files {
            *name = format!("p/{name}");
        }
        for input in &mut self.inputs {
            *input = format!("p/{input}");
        }
        self.with("outside.png", Content::Bytes(png(2, 2)))
    }

    fn arg(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }
}

/// A case whose one input `name.<ext>` holds `bytes`.
fn case(name: &str, ext: &str, bytes: impl Into<Vec<u8>>, expect: Expect) -> Case {
    let input = format!("{name}.{ext}");
    Case {
        name: name.to_string(),
        files: vec![(input.clone(), Content::Bytes(bytes.into()))],
        inputs: vec![input],
        args: Vec::new(),
        expect,
    }
}

fn md(name: &str, text: &str, expect: Expect) -> Case {
    case(name, "md", text, expect)
}

fn txt(name: &str, bytes: impl Into<Vec<u8>>, expect: Expect) -> Case {
    case(name, "txt", bytes, expect)
}

/// A Markdown profile whose line 5 shows the image `src`, with one cited source.
fn image_profile(name: &str, src: &str, expect: Expect) -> Case {
    md(
        name,
        &format!(
            "# The Kiln Guild\n\nThe guild fired bricks.(1)\n\n![A kiln]({src})\n\n\
             ## Works Cited\n\n(1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n"
        ),
        expect,
    )
}

/// A Markdown profile whose line 3 is `body`, citing entry 1.
fn body_md(name: &str, body: &str, expect: Expect) -> Case {
    md(
        name,
        &format!(
            "# The Kiln Guild\n\n{body}\n\nA claim.(1)\n\n## Works Cited\n\n\
             (1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n"
        ),
        expect,
    )
}

/// A scraped page whose article holds `body`, citing entry 1.
fn body_txt(name: &str, body: &str, expect: Expect) -> Case {
    txt(
        name,
        format!(
            "The Kiln Guild\n\n{body}\n\nThe guild fired bricks for a century (1).\n\n\
             Works Cited\n\n(1) - Varga, E. (2001). Bricks of Ostra. Imagined Press.\n"
        ),
        expect,
    )
}

const SVG_OK: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">\
                      <rect width=\"4\" height=\"4\"/></svg>";

/// Every case of the suite.
pub fn all() -> Vec<Case> {
    let mut cases = Vec::new();
    cases.extend(paths());
    cases.extend(links());
    cases.extend(svgs());
    cases.extend(rasters());
    cases.extend(special_files());
    cases.extend(odd_text());
    cases.extend(controls_and_encodings());
    cases.extend(ids_and_nesting());
    cases.extend(markers_and_lists());
    cases.extend(front_matter_and_markup());
    cases
}
