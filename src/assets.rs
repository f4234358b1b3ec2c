//! Static assets, compiled into the binary under content-hashed names
//! (`/assets/app.3f2a9c1e.css`): pages link to them by `url`, and `web::assets` serves them.

use std::collections::HashMap;
use std::sync::LazyLock;

use sha2::{Digest, Sha256};

pub struct Asset {
    pub versioned: String,
    pub bytes: &'static [u8],
    pub content_type: &'static str,
}

const FILES: &[(&str, &[u8], &str)] = &[
    (
        "app.css",
        include_bytes!("../assets/static/app.css"),
        "text/css; charset=utf-8",
    ),
    (
        "app.js",
        include_bytes!("../assets/static/app.js"),
        "text/javascript; charset=utf-8",
    ),
    // The map page's own script (the petition page does without it).
    (
        "map.js",
        include_bytes!("../assets/static/map.js"),
        "text/javascript; charset=utf-8",
    ),
    (
        "favicon.svg",
        include_bytes!("../assets/static/favicon.svg"),
        "image/svg+xml",
    ),
    // Drawn from icon.svg by assets/static/make-icons.sh.
    (
        "apple-touch-icon.png",
        include_bytes!("../assets/static/apple-touch-icon.png"),
        "image/png",
    ),
    (
        "icon-192.png",
        include_bytes!("../assets/static/icon-192.png"),
        "image/png",
    ),
    (
        "icon-512.png",
        include_bytes!("../assets/static/icon-512.png"),
        "image/png",
    ),
];

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(name, bytes, content_type)| {
            let digest = hex::encode(&Sha256::digest(bytes)[..4]);
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
            Asset {
                versioned: format!("{stem}.{digest}.{ext}"),
                bytes,
                content_type,
            }
        })
        .collect()
});

static BY_NAME: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
    FILES
        .iter()
        .enumerate()
        .map(|(i, (name, _, _))| (*name, i))
        .collect()
});

/// The asset of this versioned name.
pub fn by_versioned_name(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.versioned == name)
}

/// The versioned URL of an asset by its plain name.
pub fn url(name: &str) -> String {
    match BY_NAME.get(name) {
        Some(&i) => format!("/assets/{}", ASSETS[i].versioned),
        None => format!("/assets/{name}"),
    }
}
