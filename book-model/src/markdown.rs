//! The fenced code blocks of a chapter, found by a Markdown parser (pulldown-cmark), not by
//! looking for backticks.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// One fenced code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock {
    /// Its info string: `rust`, `rust,compile_fail`, `text` ...
    pub info: String,
    /// The bytes of the whole block in the chapter, from the opening fence to the end of the
    /// closing one (its newline excluded).
    pub range: Range<usize>,
    /// The code between the fences.
    pub code: String,
}

impl CodeBlock {
    /// The language, the info string's first word (`rust` for `rust,ignore`).
    pub fn lang(&self) -> &str {
        self.info.split([',', ' ', '\t']).next().unwrap_or_default()
    }
}

/// Every fenced code block of `markdown`, in order.
pub fn fenced_blocks(markdown: &str) -> Vec<CodeBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<CodeBlock> = None;
    for (event, range) in Parser::new_ext(markdown, Options::all()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = Some(CodeBlock {
                    info: info.into_string(),
                    range,
                    code: String::new(),
                });
            }
            Event::Text(text) => {
                if let Some(block) = &mut open {
                    block.code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(mut block) = open.take() {
                    block.range.end = range.end;
                    blocks.push(block);
                }
            }
            _ => {}
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_with_their_info_and_range() {
        let md = "Text `inline`\n\n```rust,ignore\nfn main() {}\n```\n\n~~~text\n```\n~~~\n\n    indented\n";
        let blocks = fenced_blocks(md);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].lang(), "rust");
        assert_eq!(blocks[0].code, "fn main() {}\n");
        assert_eq!(
            &md[blocks[0].range.clone()],
            "```rust,ignore\nfn main() {}\n```"
        );
        assert_eq!(blocks[1].code, "```\n");
    }
}
