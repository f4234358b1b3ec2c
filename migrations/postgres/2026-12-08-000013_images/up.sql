-- A petition's picture (issue "Look like a campaign people trust"). Each upload is made into a
-- few widths of JPEG on the server (src/images.rs), kept under the digest of the upload: the same
-- picture uploaded twice is kept once, and a URL names the same bytes for ever, so it is served
-- with a year's cache lifetime.
CREATE TABLE image_files (
    digest TEXT NOT NULL,
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    bytes BYTEA NOT NULL,
    PRIMARY KEY (digest, width)
);

-- The picture a petition shows, if any.
CREATE TABLE petition_images (
    petition_id BIGINT PRIMARY KEY REFERENCES petitions (id) ON DELETE CASCADE,
    digest TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX petition_images_digest ON petition_images (digest);

-- What the picture shows, in words, in each language the petition has (the img's alt).
CREATE TABLE petition_image_alts (
    petition_id BIGINT NOT NULL REFERENCES petition_images (petition_id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    alt TEXT NOT NULL,
    PRIMARY KEY (petition_id, lang)
);
