//! SVG as data, not as a program: the file is parsed as XML without DTDs (so no
//! external or expanding entities), and written back with only what draws — SVG
//! elements and their plain attributes. Scripts, `foreignObject`, event attributes
//! (`onload`…), links and styles that reach outside the image are removed and named,
//! so the caller can warn; comments, processing instructions and other namespaces'
//! elements (editor metadata) are dropped silently.

use roxmltree::{Document, Node, NodeType, ParsingOptions};

use crate::epub::escape::push_escaped;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Elements that run code or embed another document.
const UNSAFE_ELEMENTS: [&str; 4] = ["script", "foreignObject", "handler", "listener"];

/// Most XML nodes an SVG may have: enough for a detailed chart, not a memory bomb.
const MAX_NODES: u32 = 1_000_000;

/// The cleaned SVG and what was removed; an error when it is not an SVG document.
pub fn clean(bytes: &[u8]) -> Result<(Vec<u8>, Vec<String>), String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 SVG text".to_string())?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|err| {
        let err = err.to_string();
        let mut chars = err.chars();
        let err: String = chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        format!("it is not well-formed SVG ({err})")
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" || !is_svg(root) {
        return Err("its root element is not <svg>".to_string());
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut removed = Vec::new();
    // Iterative, so deep nesting cannot overflow the stack: each kept element is
    // pushed again, to be closed after its children.
    let mut stack = vec![(root, false)];
    while let Some((node, close)) = stack.pop() {
        if close {
            out.push_str("</");
            out.push_str(node.tag_name().name());
            out.push('>');
            continue;
        }
        match node.node_type() {
            NodeType::Element => {
                let name = node.tag_name().name();
                if !is_svg(node) {
                    continue;
                }
                if UNSAFE_ELEMENTS.contains(&name) {
                    removed.push(format!("<{name}>"));
                    continue;
                }
                if name == "style" && !local_css(&node_text(node)) {
                    removed.push("a <style> reaching outside the image".to_string());
                    continue;
                }
                open(node, node == root, &mut out, &mut removed);
                stack.push((node, true));
                let children: Vec<Node> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|child| (child, false)));
            }
            NodeType::Text => push_escaped(&mut out, node.text().unwrap_or("")),
            _ => {}
        }
    }
    Ok((out.into_bytes(), removed))
}

/// SVG's namespace, or none (a bare `<svg>` is taken as SVG).
fn is_svg(node: Node) -> bool {
    matches!(node.tag_name().namespace(), None | Some(SVG_NS))
}

fn node_text(node: Node) -> String {
    node.descendants().filter_map(|n| n.text()).collect()
}

/// Writes a start tag with its safe attributes.
fn open(node: Node, root: bool, out: &mut String, removed: &mut Vec<String>) {
    out.push('<');
    out.push_str(node.tag_name().name());
    if root {
        out.push_str(&format!(" xmlns=\"{SVG_NS}\" xmlns:xlink=\"{XLINK_NS}\""));
    }
    for attr in node.attributes() {
        let local = attr.name();
        let name = match attr.namespace() {
            None => local.to_string(),
            Some(XLINK_NS) => format!("xlink:{local}"),
            Some(XML_NS) => format!("xml:{local}"),
            Some(_) => continue,
        };
        let value = attr.value();
        // By `get`, never `[..2]`: a name may start with a character of several bytes.
        let event = local.len() > 2 && local.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on"));
        let unsafe_reason = if event {
            Some(format!("the event attribute `{name}`"))
        } else if local == "href" && !value.trim_start().starts_with('#') {
            Some(format!("the outside reference `{name}`"))
        } else if local == "style" && !local_css(value) {
            Some("a `style` reaching outside the image".to_string())
        } else {
            None
        };
        if let Some(reason) = unsafe_reason {
            removed.push(reason);
            continue;
        }
        out.push(' ');
        out.push_str(&name);
        out.push_str("=\"");
        push_escaped(out, value);
        out.push('"');
    }
    // Every element gets an explicit close tag from the traversal.
    out.push('>');
}

/// Whether CSS refers only to the image itself: no `@import`, and every `url(…)`
/// a fragment.
fn local_css(css: &str) -> bool {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") || lower.contains("expression(") {
        return false;
    }
    lower.match_indices("url(").all(|(i, _)| {
        let arg = lower[i + 4..].trim_start().trim_start_matches(['"', '\'']);
        arg.starts_with('#')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(svg: &str) -> (String, Vec<String>) {
        let (bytes, removed) = clean(svg.as_bytes()).unwrap();
        (String::from_utf8(bytes).unwrap(), removed)
    }

    #[test]
    fn drawing_survives_and_code_does_not() {
        let (svg, removed) = cleaned(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
             onload=\"x()\"><!-- c --><script>alert(1)</script><g><rect width=\"1\" \
             style=\"fill:url(#g)\"/><use xlink:href=\"#r\"/><image href=\"http://x/y.png\"/>\
             <foreignObject><p>hi</p></foreignObject><text>a &amp; b</text></g></svg>",
        );
        assert!(
            svg.contains("<rect width=\"1\" style=\"fill:url(#g)\"></rect>"),
            "{svg}"
        );
        assert!(svg.contains("<use xlink:href=\"#r\"></use>"), "{svg}");
        assert!(svg.contains("<text>a &amp; b</text>"), "{svg}");
        for gone in ["script", "onload", "http://x", "foreignObject", "<!--"] {
            assert!(!svg.contains(gone), "{gone}: {svg}");
        }
        assert_eq!(removed.len(), 4, "{removed:?}");
        // The result parses again.
        assert!(clean(svg.as_bytes()).is_ok());
    }

    #[test]
    fn entities_and_non_svg_are_refused() {
        let dtd = "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>";
        assert!(clean(dtd.as_bytes()).is_err());
        assert!(clean(b"root:x:0:0").is_err());
        assert!(clean(b"<html/>").is_err());
        assert!(clean(b"<svg><style>@import url(http://x)</style></svg>").is_ok());
    }

    #[test]
    fn an_attribute_name_may_start_with_any_character() {
        // Found by the `image` fuzz target: a name starting with U+FEFF (three bytes)
        // was cut after two to look for "on".
        let (svg, removed) = cleaned("<svg \u{feff}oad=\"x\" ONclick=\"y\" óx=\"1\"/>");
        assert!(svg.contains("\u{feff}oad=\"x\""), "{svg}");
        assert!(svg.contains("óx=\"1\""), "{svg}");
        assert_eq!(removed, ["the event attribute `ONclick`"]);
    }
}
