use super::Invalid;

/// An email address of plausible syntax, stored normalised: trimmed and lower-cased, so that
/// `Asha@X.in` and `asha@x.in` are one signer. (RFC 5321 lets a server treat the local part as
/// case-sensitive; no mail provider our signers use does.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<EmailAddress, Invalid> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.len() > Self::MAX_LEN {
            return Err(Invalid::TooLong);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(Invalid::Email)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
        if !local_ok || !domain_ok {
            return Err(Invalid::Email);
        }
        Ok(EmailAddress(s.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The inbox behind an address, for counting people rather than spellings: the `+tag` of
    /// the local part goes, and at Gmail (which ignores dots, and answers to googlemail.com too)
    /// the dots go as well. Only for counting: mail still goes to the address as given.
    pub fn canonical(address: &str) -> String {
        let lower = address.trim().to_ascii_lowercase();
        let Some((local, domain)) = lower.rsplit_once('@') else {
            return lower;
        };
        let local = local.split('+').next().unwrap_or(local);
        match domain {
            "gmail.com" | "googlemail.com" => format!("{}@gmail.com", local.replace('.', "")),
            _ => format!("{local}@{domain}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_normalises_them() {
        let e = EmailAddress::parse("  Asha.Devi+petition@Example.CO.in ").unwrap();
        assert_eq!(e.as_str(), "asha.devi+petition@example.co.in");
    }

    #[test]
    fn tags_and_gmail_dots_are_one_inbox() {
        let c = EmailAddress::canonical;
        assert_eq!(c("Asha+one@example.in"), "asha@example.in");
        assert_eq!(c("asha+two@example.in"), c("asha@example.in"));
        assert_eq!(c("a.s.h.a+x@googlemail.com"), "asha@gmail.com");
        assert_ne!(
            c("a.sha@example.in"),
            c("asha@example.in"),
            "dots count elsewhere"
        );
    }

    #[test]
    fn refuses_what_is_not_an_address() {
        for bad in [
            "asha",
            "asha@",
            "@example.com",
            "asha@example",
            "as ha@example.com",
            "asha@@example.com",
            "a..b@example.com",
            "<script>@example.com",
            "asha@exa_mple.com",
            "asha@1.2.3.4",
        ] {
            assert_eq!(EmailAddress::parse(bad), Err(Invalid::Email), "{bad}");
        }
        assert_eq!(EmailAddress::parse(""), Err(Invalid::Required));
        let long = format!("{}@example.com", "a".repeat(300));
        assert_eq!(EmailAddress::parse(&long), Err(Invalid::TooLong));
    }
}
