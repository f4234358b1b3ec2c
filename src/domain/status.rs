//! A petition's status and the moves between statuses. The database stores the status as
//! text; it is read into `Status` at the boundary, and written only through a `Move`, whose
//! conditional update names the statuses it may leave: an illegal transition cannot be written.

/// Where a petition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Its creator is writing it.
    Draft,
    /// Gathering its first supporters through its share link.
    Gathering,
    /// With the moderators.
    Pending,
    /// Sent back to its creator for changes.
    Changes,
    /// Open for signatures.
    Open,
    /// Closed on its date; its count is final.
    Closed,
    /// Taken down by a moderator.
    Hidden,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Draft,
        Status::Gathering,
        Status::Pending,
        Status::Changes,
        Status::Open,
        Status::Closed,
        Status::Hidden,
        Status::Rejected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Gathering => "gathering",
            Status::Pending => "pending",
            Status::Changes => "changes",
            Status::Open => "open",
            Status::Closed => "closed",
            Status::Hidden => "hidden",
            Status::Rejected => "rejected",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Seen by the public: open, or closed with its final count.
    pub fn is_public(self) -> bool {
        matches!(self, Status::Open | Status::Closed)
    }

    /// Not yet open, with supporters whose confirmations are kept for when it opens.
    pub fn before_opening(self) -> bool {
        matches!(self, Status::Gathering | Status::Pending | Status::Changes)
    }

    /// Its creator may still rewrite it.
    pub fn editable(self) -> bool {
        matches!(self, Status::Draft | Status::Changes)
    }

    /// A confirmation still counts: open, or before opening.
    pub fn counts_confirmations(self) -> bool {
        self == Status::Open || self.before_opening()
    }

    /// The codes of these statuses, for a query.
    pub fn codes(list: &[Status]) -> Vec<&'static str> {
        list.iter().map(|s| s.code()).collect()
    }
}

/// Every move a petition can make: the statuses it may leave, and the one it enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The creator asks for first supporters.
    Gather,
    /// The creator sends it to moderation (no supporters needed, or after changes).
    Submit,
    /// Its last needed supporter confirmed.
    Promote,
    Approve,
    AskChanges,
    Reject,
    Hide,
    /// Its closing date came.
    Close,
}

impl Move {
    pub fn from(self) -> &'static [Status] {
        match self {
            Move::Gather => &[Status::Draft],
            Move::Submit => &[Status::Draft, Status::Changes],
            Move::Promote => &[Status::Gathering],
            Move::Approve => &[Status::Pending],
            Move::AskChanges => &[Status::Pending],
            Move::Reject => &[Status::Pending, Status::Changes],
            Move::Hide => &[Status::Open, Status::Closed],
            Move::Close => &[Status::Open],
        }
    }

    pub fn to(self) -> Status {
        match self {
            Move::Gather => Status::Gathering,
            Move::Submit | Move::Promote => Status::Pending,
            Move::Approve => Status::Open,
            Move::AskChanges => Status::Changes,
            Move::Reject => Status::Rejected,
            Move::Hide => Status::Hidden,
            Move::Close => Status::Closed,
        }
    }

    /// Whether this move may be made from `status`.
    pub fn allowed_from(self, status: Status) -> bool {
        self.from().contains(&status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
        assert_eq!(Status::parse("published"), None);
    }

    #[test]
    fn no_move_leaves_a_final_status_or_goes_back_to_draft() {
        let all = [
            Move::Gather,
            Move::Submit,
            Move::Promote,
            Move::Approve,
            Move::AskChanges,
            Move::Reject,
            Move::Hide,
            Move::Close,
        ];
        for m in all {
            assert!(!m.allowed_from(Status::Rejected) && !m.allowed_from(Status::Hidden));
            assert_ne!(m.to(), Status::Draft);
            assert!(!m.allowed_from(m.to()), "{m:?} does not stay where it is");
        }
        assert!(Move::Approve.allowed_from(Status::Pending));
        assert!(
            !Move::Approve.allowed_from(Status::Gathering),
            "supporters first"
        );
        assert!(!Move::Close.allowed_from(Status::Pending));
    }
}
