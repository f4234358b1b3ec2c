//! A public response made once and sent many times: its body kept as it is, gzipped and in
//! brotli, with an entity tag, so that serving it costs what a static file server pays (pick the
//! bytes, write them) and a client or a shared cache that already holds it gets a 304.
//!
//! Only what every visitor sees alike goes here (the petition page without a filled form, the
//! public API): such a response says `public`, with how long a shared cache may keep it, and
//! varies on nothing but `Accept-Encoding`. The language is in its URL (`/hi/petitions/1`).

use std::io::Write;
use std::time::Duration;

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use sha2::Digest;

/// How long a browser or a shared cache may keep a public response, and serve it stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    pub max_age: Duration,
    pub stale: Duration,
}

impl Freshness {
    /// For browsers and every shared cache: a browser asks again each time (a 304 when nothing
    /// changed, so a signer back from confirming sees their own count), a shared cache keeps
    /// the page `max_age`.
    pub fn cache_control(self) -> String {
        format!("public, max-age=0, s-maxage={}", self.max_age.as_secs())
    }

    /// For CDNs alone (RFC 9213 `CDN-Cache-Control`): how long to keep the page, and to serve it
    /// stale while fetching it again or while this site is failing. Browsers never see a page
    /// stale this way, as they would with `stale-while-revalidate` in `Cache-Control`.
    pub fn cdn_cache_control(self) -> String {
        let stale = self.stale.as_secs();
        format!(
            "max-age={}, stale-while-revalidate={stale}, stale-if-error={stale}",
            self.max_age.as_secs()
        )
    }
}

pub struct Encoded {
    content_type: &'static str,
    etag: HeaderValue,
    identity: web::Bytes,
    gzip: web::Bytes,
    brotli: web::Bytes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoded {
    /// Compresses `body` both ways (at levels a static site would precompress with: once per
    /// version, not once per request) and names it by its digest.
    pub fn new(content_type: &'static str, body: web::Bytes) -> Encoded {
        let digest = sha2::Sha256::digest(&body);
        // Weak: the tag names the content, whichever encoding carries it.
        let etag = format!("W/\"{}\"", hex::encode(&digest[..12]));
        let mut gz = flate2::write::GzEncoder::new(
            Vec::with_capacity(body.len() / 3),
            flate2::Compression::new(9),
        );
        let gzip = gz
            .write_all(&body)
            .and_then(|()| gz.finish())
            .unwrap_or_default();
        let mut br = Vec::with_capacity(body.len() / 4);
        // A window no larger than the page: the encoder's tables grow with it, and a 4 MiB
        // window's, freed after each page, stayed in the allocator's arenas (about 100 MiB of
        // resident memory after a spike's page views).
        let bits = usize::BITS - body.len().max(1).leading_zeros();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 9,
            lgwin: bits.clamp(16, 22) as i32,
            size_hint: body.len(),
            ..Default::default()
        };
        let brotli = match brotli::BrotliCompress(&mut &body[..], &mut br, &params) {
            Ok(_) => br,
            Err(_) => Vec::new(),
        };
        Encoded {
            content_type,
            etag: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("W/\"0\"")),
            identity: body,
            gzip: gzip.into(),
            brotli: brotli.into(),
        }
    }

    pub fn etag(&self) -> &str {
        self.etag.to_str().unwrap_or_default()
    }

    pub fn len(&self, encoding: &str) -> Option<usize> {
        match encoding {
            "identity" => Some(self.identity.len()),
            "gzip" => Some(self.gzip.len()),
            "br" => Some(self.brotli.len()),
            _ => None,
        }
    }

    /// The response to `req`: 304 when it names this version, else the body in the best
    /// encoding it accepts.
    pub fn respond(&self, req: &HttpRequest, freshness: Freshness) -> HttpResponse {
        let mut res = self.respond_with(req, &freshness.cache_control());
        if let Ok(v) = HeaderValue::from_str(&freshness.cdn_cache_control()) {
            res.headers_mut()
                .insert(header::HeaderName::from_static("cdn-cache-control"), v);
        }
        res
    }

    /// As `respond`, with a `Cache-Control` of the caller's and nothing for CDNs.
    pub fn respond_with(&self, req: &HttpRequest, cache_control: &str) -> HttpResponse {
        let cache_control = cache_control.to_string();
        if self.matches(req) {
            return HttpResponse::NotModified()
                .insert_header((header::ETAG, self.etag.clone()))
                .insert_header((header::CACHE_CONTROL, cache_control))
                .insert_header((header::VARY, "Accept-Encoding"))
                .finish();
        }
        let coding = choose(req);
        let (body, name) = match coding {
            Coding::Brotli if !self.brotli.is_empty() => (self.brotli.clone(), Some("br")),
            Coding::Gzip | Coding::Brotli if !self.gzip.is_empty() => {
                (self.gzip.clone(), Some("gzip"))
            }
            _ => (self.identity.clone(), None),
        };
        let mut res = HttpResponse::build(StatusCode::OK);
        res.content_type(self.content_type)
            .insert_header((header::ETAG, self.etag.clone()))
            .insert_header((header::CACHE_CONTROL, cache_control))
            .insert_header((header::VARY, "Accept-Encoding"));
        if let Some(name) = name {
            // Already encoded: actix's Compress leaves a response with this header alone.
            res.insert_header((header::CONTENT_ENCODING, name));
        }
        res.body(body)
    }

    fn matches(&self, req: &HttpRequest) -> bool {
        if !matches!(*req.method(), Method::GET | Method::HEAD) {
            return false;
        }
        let mine = self.etag.as_bytes();
        let bare = mine.strip_prefix(b"W/").unwrap_or(mine);
        req.headers()
            .get_all(header::IF_NONE_MATCH)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .any(|tag| {
                // Weak comparison (RFC 9110 §13.1.2): the tags match with or without W/.
                let tag = tag.as_bytes();
                tag == b"*" || tag.strip_prefix(b"W/").unwrap_or(tag) == bare
            })
    }
}

/// The best coding the request accepts: brotli, then gzip, then none (`q=0` refuses one).
fn choose(req: &HttpRequest) -> Coding {
    let Some(accept) = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return Coding::Identity;
    };
    let (mut br, mut gzip) = (false, false);
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let refused = parts.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        match name.as_str() {
            "br" => br = !refused,
            "gzip" | "x-gzip" => gzip = !refused,
            "*" if !refused => {
                br = true;
                gzip = true;
            }
            _ => {}
        }
    }
    if br {
        Coding::Brotli
    } else if gzip {
        Coding::Gzip
    } else {
        Coding::Identity
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;
    use std::io::Read;

    fn fresh() -> Freshness {
        Freshness {
            max_age: Duration::from_secs(5),
            stale: Duration::from_secs(60),
        }
    }

    #[test]
    fn each_encoding_carries_the_same_page() {
        let page = "<p>नमस्ते</p>".repeat(500);
        let e = Encoded::new("text/html; charset=utf-8", page.clone().into());
        let mut gunzipped = String::new();
        flate2::read::GzDecoder::new(&e.gzip[..])
            .read_to_string(&mut gunzipped)
            .unwrap();
        assert_eq!(gunzipped, page);
        let mut unbrotlied = Vec::new();
        brotli::BrotliDecompress(&mut &e.brotli[..], &mut unbrotlied).unwrap();
        assert_eq!(unbrotlied, page.as_bytes());
        assert!(e.brotli.len() < e.gzip.len() && e.gzip.len() < page.len() / 10);
    }

    #[test]
    fn the_best_accepted_coding_is_sent_and_a_known_tag_gets_304() {
        let e = Encoded::new(
            "text/html; charset=utf-8",
            "<p>hello</p>".repeat(100).into(),
        );
        let coding = |accept: &str| {
            let req = TestRequest::get()
                .insert_header((header::ACCEPT_ENCODING, accept))
                .to_http_request();
            let res = e.respond(&req, fresh());
            assert_eq!(res.status(), StatusCode::OK);
            res.headers()
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap().to_string())
        };
        assert_eq!(coding("gzip, deflate, br").as_deref(), Some("br"));
        assert_eq!(coding("gzip, br;q=0").as_deref(), Some("gzip"));
        assert_eq!(coding("identity"), None);
        assert_eq!(coding("*;q=0.5").as_deref(), Some("br"));

        let tag = e.etag().trim_start_matches("W/").to_string();
        let req = TestRequest::get()
            .insert_header((header::IF_NONE_MATCH, format!("\"other\", {tag}")))
            .to_http_request();
        let res = e.respond(&req, fresh());
        assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(res.headers().get(header::ETAG).unwrap(), e.etag());
        let req = TestRequest::get()
            .insert_header((header::IF_NONE_MATCH, "\"other\""))
            .to_http_request();
        assert_eq!(e.respond(&req, fresh()).status(), StatusCode::OK);
    }

    #[test]
    fn browsers_ask_again_and_shared_caches_keep_it_a_few_seconds() {
        assert_eq!(fresh().cache_control(), "public, max-age=0, s-maxage=5");
        assert_eq!(
            fresh().cdn_cache_control(),
            "max-age=5, stale-while-revalidate=60, stale-if-error=60"
        );
        let req = TestRequest::get().to_http_request();
        let e = Encoded::new("text/html; charset=utf-8", "<p>x</p>".into());
        let res = e.respond(&req, fresh());
        assert_eq!(
            res.headers()
                .get("cdn-cache-control")
                .unwrap()
                .to_str()
                .unwrap(),
            fresh().cdn_cache_control()
        );
        assert_eq!(res.headers().get(header::VARY).unwrap(), "Accept-Encoding");
    }
}
