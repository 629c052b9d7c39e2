//! Mixed content (`<description>`, `<note>`, `<unauthorized>`, footnotes,
//! xref bodies) rendered to plain text as it streams in: `Parser::mixed`
//! and the [`Render`] buffer it fills.

use std::borrow::Cow;

use super::elements::Xref;
use super::text::{illegal_at, local};
use super::{Ev, MAX_NESTING, Parser};
use crate::model::{Error, RefKind};

impl Parser<'_> {
    /// Mixed content (`description`, `note`, `unauthorized`, an xref body),
    /// rendered: white space runs become one space, `<br/>` and paragraph
    /// boundaries become a line break, lines are trimmed, an inline `<xref>`
    /// becomes its body or, when it has none, `[RFC6335]` (rfc), `[id]`
    /// (person), `[1]` (note) or its data (uri, draft).
    pub(super) fn mixed(&mut self, name: &str) -> Result<String, Error> {
        let mut out = Render::default();
        self.mixed_into(name, &mut out)?;
        Ok(out.out)
    }

    fn mixed_into(&mut self, name: &str, out: &mut Render) -> Result<(), Error> {
        if self.nesting >= MAX_NESTING {
            return Err(self.err(format!("elements nested too deeply in <{name}>")));
        }
        // Errors end the parse, so only the Ok path needs to undo this.
        self.nesting += 1;
        loop {
            match self.next()? {
                // A newline in text is white space; only elements break lines.
                Ev::Text(t) => {
                    if let Some(k) = out.push(&t, false) {
                        return Err(self.illegal(&t, k));
                    }
                }
                Ev::End => {
                    self.nesting -= 1;
                    return Ok(());
                }
                Ev::Eof => return Err(self.err(format!("truncated file: <{name}> is not closed"))),
                Ev::Empty(c) => match local(&c) {
                    "br" => out.line_break(),
                    "paragraph" => out.line_break(),
                    // Rendered from checked text and attributes.
                    "xref" => {
                        let _ = out.push(&inline_xref(&self.xref(&c, true)?), true);
                    }
                    other => return Err(self.err(format!("unknown element <{other}> in <{name}>"))),
                },
                Ev::Start(c) => match local(&c) {
                    "paragraph" => {
                        out.line_break();
                        self.mixed_into("paragraph", out)?;
                        out.line_break();
                    }
                    "br" => {
                        out.line_break();
                        self.mixed_into("br", out)?;
                    }
                    "xref" => {
                        let _ = out.push(&inline_xref(&self.xref(&c, false)?), true);
                    }
                    other => return Err(self.err(format!("unknown element <{other}> in <{name}>"))),
                },
            }
        }
    }
}

fn inline_xref(x: &Xref) -> Cow<'_, str> {
    match x {
        Xref::Person(id) => Cow::Owned(format!("[{id}]")),
        Xref::Other(r) if !r.text.is_empty() => Cow::Borrowed(&r.text),
        Xref::Other(r) => match r.kind {
            RefKind::Rfc => Cow::Owned(format!("[{}]", r.data.to_ascii_uppercase())),
            RefKind::Note => Cow::Owned(format!("[{}]", r.data)),
            _ => Cow::Borrowed(&r.data),
        },
    }
}

/// Rendered text built as it streams in, in one pass: the words so far and
/// what separates the next one from them. Runs of spaces, tabs and newlines
/// (no `\n` is left in the raw text but those from `<br/>` and paragraphs)
/// become one space, each line is trimmed, empty lines at either end are
/// dropped and inner runs of empty lines kept as they are (`<br/><br/>` is a
/// blank line).
#[derive(Default)]
struct Render {
    out: String,
    /// Line breaks since the last word.
    breaks: usize,
    /// White space since the last word, on its line.
    space: bool,
}

impl Render {
    /// Appends `s`; a `\n` in it is a line break if `breaks`, else white
    /// space. Stops at a character XML does not allow and returns its offset
    /// in `s` (checked here, in the loop that reads every byte anyway).
    fn push(&mut self, s: &str, breaks: bool) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' if breaks => self.line_break(),
                b' ' | b'\t' | b'\r' | b'\n' => self.space = true,
                _ => {
                    // Words apart by single spaces are copied in one piece
                    // (each `push_str` costs hundreds of instructions).
                    let start = i;
                    while i < b.len() {
                        match b[i] {
                            b' ' if i + 1 < b.len()
                                && !matches!(b[i + 1], b' ' | b'\t' | b'\r' | b'\n') => {}
                            b' ' | b'\t' | b'\r' | b'\n' => break,
                            0..=0x1F | 0xEF if illegal_at(b, i) => return Some(i),
                            _ => {}
                        }
                        i += 1;
                    }
                    self.words(&s[start..i]);
                    continue;
                }
            }
            i += 1;
        }
        None
    }

    /// Appends words, after what separates them from the last ones.
    fn words(&mut self, words: &str) {
        // Breaks and space before the first word are dropped (trimmed).
        if !self.out.is_empty() {
            if self.breaks > 0 {
                for _ in 0..self.breaks {
                    self.out.push('\n');
                }
            } else if self.space {
                self.out.push(' ');
            }
        }
        self.breaks = 0;
        self.space = false;
        self.out.push_str(words);
    }

    /// White space before a line break is trimmed away.
    fn line_break(&mut self) {
        self.breaks += 1;
        self.space = false;
    }
}

/// Trims and folds runs of XML white space into one space.
pub fn collapse(s: &str) -> String {
    let mut r = Render::default();
    let _ = r.push(s, false);
    r.out
}
