-- Responses and the members' record (issue "Pressure where it counts"). Staff record what a
-- member of the Lok Sabha or a ministry answered to a petition's delivery; the record is public,
-- and each response is also sent, as an update, to the signers who asked for updates.
CREATE TABLE responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    -- Who answered: a member by constituency, or a recipient (a ministry); exactly one.
    pc_id TEXT REFERENCES constituencies (pc_id),
    recipient_id BIGINT REFERENCES recipients (id),
    -- Their name as it stood when the response was recorded.
    responder TEXT NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('acknowledged', 'supports', 'opposes', 'no_reply')),
    received_on DATE NOT NULL,
    -- What they said, in the language they said it in.
    lang TEXT NOT NULL,
    body TEXT NOT NULL,
    -- The size of the PDF kept in response_documents, if there is one.
    document_bytes BIGINT,
    created_at TIMESTAMP NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    CHECK ((pc_id IS NULL) <> (recipient_id IS NULL))
);
CREATE INDEX responses_petition ON responses (petition_id);
CREATE INDEX responses_pc ON responses (pc_id);

-- A response's document, apart so that lists never read it.
CREATE TABLE response_documents (
    response_id BIGINT PRIMARY KEY REFERENCES responses (id),
    bytes BLOB NOT NULL
);

-- The update that carried a response to the signers; shown as the response, not twice.
ALTER TABLE petition_updates ADD COLUMN response_id BIGINT REFERENCES responses (id);

-- Milestones a petition promises ("at 1,00,000 signatures the Ministry is asked to respond"),
-- in each language the petition has.
CREATE TABLE petition_thresholds (
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    signatures BIGINT NOT NULL CHECK (signatures > 0),
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (petition_id, signatures, lang)
);
