use super::Invalid;

/// A signer's name as they want it shown: 1 to 100 characters, no links, no control characters,
/// and nothing a spreadsheet would run as a formula when staff open an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerName(String);

impl SignerName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(input: &str) -> Result<SignerName, Invalid> {
        // Collapse runs of white space so "  Asha   Devi " and "Asha Devi" are the same name.
        let s = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(Invalid::TooLong);
        }
        if s.chars()
            .any(|c| c.is_control() || c == '\u{FFFD}' || ('\u{202A}'..='\u{202E}').contains(&c))
        {
            return Err(Invalid::NameControl);
        }
        if s.starts_with(['=', '+', '-', '@']) {
            return Err(Invalid::NameFormula);
        }
        let lower = s.to_lowercase();
        let has_link = lower.contains("://")
            || lower.contains("www.")
            || lower.split([' ', ',', ';']).any(looks_like_domain);
        if has_link {
            return Err(Invalid::NameLink);
        }
        Ok(SignerName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `example.com`, `bit.ly/x`: a word with a dot followed by two or more ASCII letters.
fn looks_like_domain(word: &str) -> bool {
    let word = word.split('/').next().unwrap_or("");
    match word.rsplit_once('.') {
        Some((head, tld)) => {
            !head.is_empty()
                && !head.ends_with('.')
                && tld.len() >= 2
                && tld.chars().all(|c| c.is_ascii_alphabetic())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_real_names_in_any_script() {
        assert_eq!(
            SignerName::parse("  आशा   देवी ").unwrap().as_str(),
            "आशा देवी"
        );
        assert!(SignerName::parse("Dr. A. K. Sen").is_ok());
        assert!(SignerName::parse("O'Brien-Nair").is_ok());
        assert!(SignerName::parse(&"क".repeat(100)).is_ok());
    }

    #[test]
    fn refuses_links_formulas_and_overlong_names() {
        assert_eq!(
            SignerName::parse("=HYPERLINK(\"x\")"),
            Err(Invalid::NameFormula)
        );
        assert_eq!(SignerName::parse("+91 spam"), Err(Invalid::NameFormula));
        assert_eq!(SignerName::parse("-1"), Err(Invalid::NameFormula));
        assert_eq!(SignerName::parse("@asha"), Err(Invalid::NameFormula));
        assert_eq!(
            SignerName::parse("visit http://x.in"),
            Err(Invalid::NameLink)
        );
        assert_eq!(
            SignerName::parse("buy at spam.com now"),
            Err(Invalid::NameLink)
        );
        assert_eq!(SignerName::parse("bit.ly/abc"), Err(Invalid::NameLink));
        assert_eq!(SignerName::parse(&"a".repeat(101)), Err(Invalid::TooLong));
        assert_eq!(SignerName::parse("   "), Err(Invalid::Required));
        assert_eq!(SignerName::parse("a\u{0}b"), Err(Invalid::NameControl));
        assert_eq!(SignerName::parse("a\u{FFFD}b"), Err(Invalid::NameControl));
    }
}
