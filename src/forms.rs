//! Forms as sent: every value kept verbatim (cut at a generous length) to show it again beside
//! its error, and the errors found, each naming its field and a message.

/// Longest value kept from one field; the longest real field (a petition's "why") is 3,000
/// characters, so anything past this is cut before it is validated or shown.
const FIELD_LIMIT: usize = 20_000;

#[derive(Debug, Clone, Default)]
pub struct Form {
    pairs: Vec<(String, String)>,
}

impl Form {
    /// Reads an `application/x-www-form-urlencoded` body; invalid UTF-8 becomes U+FFFD.
    pub fn parse(body: &[u8]) -> Form {
        Form {
            pairs: url::form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.chars().take(FIELD_LIMIT).collect()))
                .collect(),
        }
    }

    pub fn from_pairs(pairs: &[(&str, &str)]) -> Form {
        Form {
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// The first value of a field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Every value of a repeated field (checkboxes).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn checked(&self, name: &str) -> bool {
        matches!(self.get(name), "on" | "yes" | "true" | "1")
    }

    /// Adds a value (one more of a repeated field).
    pub fn push(&mut self, name: &str, value: &str) {
        self.pairs.push((name.to_string(), value.to_string()));
    }
}

/// A search box's words as typed, trimmed and cut to `max` characters.
pub fn search_term(q: Option<&str>, max: usize) -> String {
    q.unwrap_or("").trim().chars().take(max).collect()
}

/// One refused field: its name and the Fluent id of the message saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        if !self.0.iter().any(|p| p.field == field) {
            self.0.push(Problem { field, key });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn of(&self, field: &str) -> Option<&Problem> {
        self.0.iter().find(|p| p.field == field)
    }

    /// A required text of at most `max` characters, trimmed.
    pub fn text(&mut self, form: &Form, field: &'static str, max: usize) -> String {
        let v = form.get(field).trim();
        if v.is_empty() {
            self.add(field, "error-required");
        } else if v.chars().count() > max {
            self.add(field, "error-too-long");
        } else if has_control(v) {
            self.add(field, "error-control");
        }
        v.to_string()
    }

    /// An optional text: empty is fine.
    pub fn optional_text(&mut self, form: &Form, field: &'static str, max: usize) -> String {
        if form.get(field).trim().is_empty() {
            return String::new();
        }
        self.text(form, field, max)
    }
}

/// Control characters other than newlines and tabs have no place in anything a person types.
fn has_control(s: &str) -> bool {
    s.chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\r' && c != '\t') || c == '\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_and_checked() {
        let f = Form::parse(b"title=%20Hello%20&r=1&r=2&x=%FF&on=on");
        assert_eq!(f.get("title"), " Hello ");
        assert_eq!(f.all("r"), ["1", "2"]);
        assert!(f.checked("on") && !f.checked("title"));
        let mut p = Problems::default();
        assert_eq!(p.text(&f, "title", 80), "Hello");
        p.text(&f, "x", 80);
        p.text(&f, "missing", 80);
        p.text(&Form::from_pairs(&[("long", "abcdef")]), "long", 5);
        assert_eq!(p.optional_text(&f, "none", 5), "");
        let fields: Vec<_> = p.0.iter().map(|p| (p.field, p.key)).collect();
        assert_eq!(
            fields,
            [
                ("x", "error-control"),
                ("missing", "error-required"),
                ("long", "error-too-long")
            ]
        );
    }
}
