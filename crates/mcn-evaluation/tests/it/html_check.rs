//! A small well-formedness check for the HTML the renderer emits (no parser
//! dependency): one doctype, known elements only, every non-void element
//! closed in order, attribute values quoted, text with no stray `<` or `&`.

use std::collections::BTreeMap;

/// Elements the renderer may emit.
const ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "footer",
    "nav",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "div",
    "span",
    "strong",
    "a",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "details",
    "summary",
    "ul",
    "li",
    "figure",
    "figcaption",
    "svg",
    "g",
    "text",
    "rect",
    "line",
    "polyline",
    "circle",
];

/// HTML void elements (never closed).
const VOID: &[&str] = &["meta"];

/// What the check found: element name → how many times it opened.
pub(crate) type Counts = BTreeMap<String, usize>;

/// Checks `html`; returns the element counts or the first problem.
pub(crate) fn check(html: &str) -> Result<Counts, String> {
    let rest = html
        .strip_prefix("<!DOCTYPE html>\n")
        .ok_or("does not start with <!DOCTYPE html>")?;
    let mut stack: Vec<String> = Vec::new();
    let mut counts = Counts::new();
    let mut at = 0;
    while at < rest.len() {
        let Some(open) = rest[at..].find('<').map(|i| at + i) else {
            check_text(&rest[at..])?;
            break;
        };
        check_text(&rest[at..open])?;
        let close = rest[open..]
            .find('>')
            .map(|i| open + i)
            .ok_or_else(|| format!("unclosed tag at byte {open}"))?;
        let tag = &rest[open + 1..close];
        at = close + 1;
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack
                .pop()
                .ok_or_else(|| format!("</{name}> closes nothing"))?;
            if top != name {
                return Err(format!("</{name}> closes <{top}>"));
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attributes) = tag.split_once(' ').unwrap_or((tag, ""));
        if !ELEMENTS.contains(&name) {
            return Err(format!("unknown element <{name}>"));
        }
        check_attributes(name, attributes)?;
        *counts.entry(name.to_owned()).or_default() += 1;
        if name == "style" {
            // Raw text up to </style>.
            let end = rest[at..].find("</style>").ok_or("unclosed <style>")?;
            let css = &rest[at..at + end];
            if css.contains('<') {
                return Err("'<' inside <style>".to_owned());
            }
            at += end + "</style>".len();
            continue;
        }
        if !self_closing && !VOID.contains(&name) {
            stack.push(name.to_owned());
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> is never closed"));
    }
    Ok(counts)
}

fn check_text(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err(format!("'>' in text: {:?}", excerpt(text, '>')));
    }
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        rest = &rest[i..];
        let entity_ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|e| rest.starts_with(e));
        if !entity_ok {
            return Err(format!("stray '&' in text: {:?}", excerpt(rest, '&')));
        }
        rest = &rest[1..];
    }
    Ok(())
}

fn check_attributes(element: &str, attributes: &str) -> Result<(), String> {
    let mut rest = attributes.trim();
    while !rest.is_empty() {
        let (name, after) = rest
            .split_once("=\"")
            .ok_or_else(|| format!("<{element}>: attribute without a quoted value: {rest:?}"))?;
        if name.is_empty() || name.contains(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            return Err(format!("<{element}>: bad attribute name {name:?}"));
        }
        let (value, after) = after
            .split_once('"')
            .ok_or_else(|| format!("<{element}>: unterminated value"))?;
        if value.contains('<') {
            return Err(format!("<{element}>: '<' in attribute {name}"));
        }
        check_text(value)?;
        rest = after.trim_start();
    }
    Ok(())
}

fn excerpt(text: &str, at: char) -> String {
    let i = text.find(at).unwrap_or(0);
    text.chars()
        .skip(text[..i].chars().count().saturating_sub(30))
        .take(60)
        .collect()
}

#[test]
fn the_checker_rejects_what_it_should() {
    let ok = "<!DOCTYPE html>\n<html lang=\"en\"><body><p class=\"x\">a &amp; b</p><svg viewBox=\"0 0 1 1\"><rect x=\"0\"/></svg></body></html>";
    assert_eq!(check(ok).unwrap()["p"], 1);
    for bad in [
        "<html></html>",
        "<!DOCTYPE html>\n<html><p></html>",
        "<!DOCTYPE html>\n<html><p></div></p></html>",
        "<!DOCTYPE html>\n<html><blink></blink></html>",
        "<!DOCTYPE html>\n<html><p>a & b</p></html>",
        "<!DOCTYPE html>\n<html><p>a > b</p></html>",
        "<!DOCTYPE html>\n<html><p class=x></p></html>",
        "<!DOCTYPE html>\n<html><p title=\"<\"></p></html>",
        "<!DOCTYPE html>\n<html>",
    ] {
        assert!(check(bad).is_err(), "{bad}");
    }
}
