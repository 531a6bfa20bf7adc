//! The one rule for a profile's title, its headings and its contents entries, so the
//! EPUB and the PDF agree: [`settle_title`] runs in resolve, before any backend sees the
//! document; both backends then print [`Metadata::title`] as the profile's title, every
//! block of [`Document::blocks`] as its body, and place each heading in the table of
//! contents (the EPUB's nav, the PDF's outline) with [`Nesting`] and [`label`].
//!
//! [`Metadata::title`]: crate::model::Metadata::title

use crate::model::{Block, Document, Inline};

/// Decides the profile's title once. The title is the metadata's (front matter, else the
/// reader's first H1 or first line); a leading H1 that only repeats it is the title
/// itself and leaves the body, and a leading H1 that says something else ("Origins"
/// under a front-matter title) stays a body heading. A profile with no title takes its
/// leading H1, else the word for "untitled" in its language.
pub fn settle_title(doc: &mut Document) {
    let title = doc.meta.title.trim();
    let leading_h1 = match doc.blocks.first() {
        Some(Block::Heading {
            level: 1, content, ..
        }) => Some(words(content)),
        _ => None,
    };
    if title.is_empty() {
        doc.meta.title = match leading_h1 {
            Some(h1) if !h1.is_empty() => {
                doc.blocks.remove(0);
                h1
            }
            _ => untitled(&doc.meta.lang).to_string(),
        };
        return;
    }
    let title = collapse(title);
    if leading_h1.is_some_and(|h1| h1 == title) {
        doc.blocks.remove(0);
    }
    doc.meta.title = title;
}

/// "Untitled" in the profile's language (French or English).
pub fn untitled(lang: &str) -> &'static str {
    if crate::lang::is_french(lang) {
        "Sans titre"
    } else {
        "Untitled"
    }
}

/// Where each heading of a profile sits in its table of contents, in reading order:
/// one level below the profile's title for the first heading, and one below the
/// nearest earlier heading of a smaller level after that, never more, so a jump from
/// `#` to `###` nests one step, and a body `# Origins` sits under the title, not beside it.
#[derive(Debug, Default)]
pub struct Nesting {
    open: Vec<u8>,
}

impl Nesting {
    /// The depth below the profile's title (from 1) of the next heading, of this level.
    pub fn depth(&mut self, level: u8) -> usize {
        while self.open.last().is_some_and(|&top| top >= level) {
            self.open.pop();
        }
        self.open.push(level);
        self.open.len()
    }
}

/// A heading's contents label: its words (an image gives its alt text), spaces
/// collapsed; "§" for a heading with no words, so no entry is blank.
pub fn label(content: &[Inline]) -> String {
    let label = words(content);
    if label.is_empty() {
        "§".to_string()
    } else {
        label
    }
}

/// The words of a run of inlines, spaces collapsed.
fn words(inlines: &[Inline]) -> String {
    collapse(&plain(inlines))
}

/// The text of a run of inlines as printed: an image gives its alt text, markers
/// nothing. Iterative, for content nested deeper than the stack allows recursion.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    let mut stack: Vec<&Inline> = inlines.iter().rev().collect();
    while let Some(inline) = stack.pop() {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => {
                stack.extend(c.iter().rev());
            }
            Inline::Link { content, .. } => stack.extend(content.iter().rev()),
            Inline::LineBreak => out.push(' '),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::FootnoteRef { .. } | Inline::NoteRef(_) => {}
        }
    }
    out
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn h(level: u8, text: &str) -> Block {
        Block::Heading {
            level,
            id: None,
            content: vec![Inline::Text(text.into())],
            span: Span::default(),
        }
    }

    fn doc(title: &str, blocks: Vec<Block>) -> Document {
        let mut doc = Document {
            blocks,
            ..Document::default()
        };
        doc.meta.title = title.into();
        doc.meta.lang = "en".into();
        doc
    }

    #[test]
    fn a_leading_h1_that_differs_from_the_title_stays_a_heading() {
        let mut d = doc("Front Matter Title", vec![h(1, "Origins")]);
        settle_title(&mut d);
        assert_eq!(d.meta.title, "Front Matter Title");
        assert_eq!(d.blocks, vec![h(1, "Origins")]);
    }

    #[test]
    fn a_leading_h1_repeating_the_title_is_the_title() {
        let mut d = doc("The  Title ", vec![h(1, "The Title"), h(2, "Part")]);
        settle_title(&mut d);
        assert_eq!(d.meta.title, "The Title");
        assert_eq!(d.blocks, vec![h(2, "Part")]);
    }

    #[test]
    fn no_title_takes_the_leading_h1_else_untitled() {
        let mut d = doc(" ", vec![h(1, "Found")]);
        settle_title(&mut d);
        assert_eq!((d.meta.title.as_str(), d.blocks.len()), ("Found", 0));
        let mut d = doc("", vec![h(2, "Part")]);
        d.meta.lang = "fr-CA".into();
        settle_title(&mut d);
        assert_eq!((d.meta.title.as_str(), d.blocks.len()), ("Sans titre", 1));
    }

    #[test]
    fn headings_nest_one_step_at_a_time() {
        let mut n = Nesting::default();
        let depths: Vec<usize> = [1, 3, 2, 4, 1, 2].iter().map(|&l| n.depth(l)).collect();
        assert_eq!(depths, vec![1, 2, 2, 3, 1, 2]);
    }

    #[test]
    fn labels_are_words_or_a_section_sign() {
        let content = vec![
            Inline::Emph(vec![Inline::Text(" Two\n".into())]),
            Inline::Text(" words".into()),
            Inline::NoteRef(0),
        ];
        assert_eq!(label(&content), "Two words");
        assert_eq!(label(&[Inline::NoteRef(0)]), "§");
    }
}
