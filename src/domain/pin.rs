use super::Invalid;
use crate::refdata::INDIA;

/// A six-digit Indian PIN code whose sorting district exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinCode(u32);

impl PinCode {
    pub fn parse(input: &str) -> Result<PinCode, Invalid> {
        // People write "110 001" as often as "110001", and in Devanagari digits too.
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '\u{0966}'..='\u{096F}' => char::from(b'0' + (c as u32 - 0x0966) as u8),
                c => c,
            })
            .collect();
        if digits.is_empty() {
            return Err(Invalid::Required);
        }
        if digits.len() != 6
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || digits.starts_with('0')
        {
            return Err(Invalid::PinFormat);
        }
        let n: u32 = digits.parse().map_err(|_| Invalid::PinFormat)?;
        if !INDIA.pin_known_prefix(n) {
            return Err(Invalid::PinUnknown);
        }
        Ok(PinCode(n))
    }

    pub fn value(self) -> u32 {
        self.0
    }

    pub fn in_state(self, state: &str) -> bool {
        INDIA.pin_in_state(self.0, state)
    }
}

impl std::fmt::Display for PinCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_digits_of_a_real_district() {
        assert_eq!(PinCode::parse("110 001").unwrap().to_string(), "110001");
        assert_eq!(PinCode::parse("11001"), Err(Invalid::PinFormat));
        assert_eq!(PinCode::parse("011001"), Err(Invalid::PinFormat));
        assert_eq!(PinCode::parse("११०००१").unwrap().value(), 110001);
        assert_eq!(PinCode::parse("abcdef"), Err(Invalid::PinFormat));
        assert_eq!(PinCode::parse(""), Err(Invalid::Required));
        assert!(PinCode::parse("110001").unwrap().in_state("IN-DL"));
    }
}
