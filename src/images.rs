//! A petition's picture: what a campaigner uploads, checked and made into the few JPEG widths the
//! page offers (`srcset`), on the server.
//!
//! The upload is read for what it is, not for what its name or its `Content-Type` claim: JPEG,
//! PNG or WebP, at most `MAX_BYTES`, at least `MIN_WIDTH` pixels wide, and small enough in
//! pixels to decode within `MAX_DECODE_BYTES` of memory (a small file can claim a vast image).
//! Every width is encoded anew, so nothing of the upload but its pixels is kept: no camera, no
//! place, no date from its metadata. The picture is turned upright by its orientation tag first
//! (phones store most photographs sideways), flattened onto white, and trimmed to between 4:3
//! and 2:1 so that the page keeps its shape on a phone.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, RgbImage};
use sha2::{Digest, Sha256};

/// Largest upload accepted, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Narrowest picture accepted (after trimming), in pixels: the phone's width at least.
pub const MIN_WIDTH: u32 = 400;
/// The widths made, each only if the picture is at least that wide.
pub const WIDTHS: [u32; 3] = [400, 800, 1200];
/// Largest side a picture may have, in pixels (`error-image-pixels` says it, as `error-image-*`
/// say the other limits).
const MAX_SIDE: u32 = 6_000;
/// Memory one decode may take: the largest picture, in RGB.
const MAX_DECODE_BYTES: u64 = MAX_SIDE as u64 * MAX_SIDE as u64 * 3;
/// The JPEG quality a width is first encoded at, and the most bytes it may take: past them it is
/// encoded again 10 lower, down to `LOWEST_QUALITY`. The petition page weighs about 19-20 KB
/// compressed without its picture (HTML, styles, script), and is to weigh at most 50,000 bytes
/// on a phone. The narrowest width is what a phone with one pixel per CSS pixel loads; 800 is
/// what a phone with two (most) loads, shown at half its size, where a lower quality does not
/// show. A detailed photograph (grass, fur) needs the lower steps; most fit at the first.
fn budget(width: u32) -> (u8, usize) {
    match width {
        w if w <= WIDTHS[0] => (75, 30 * 1024),
        w if w <= WIDTHS[1] => (60, 28 * 1024),
        _ => (60, 80 * 1024),
    }
}
const LOWEST_QUALITY: u8 = 35;

/// `picture` as JPEG within its width's budget (or at the lowest quality, whatever its size).
fn encode(picture: &RgbImage) -> Result<Vec<u8>, Refused> {
    let (mut quality, most) = budget(picture.width());
    loop {
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, quality)
            .encode_image(picture)
            .map_err(|_| Refused::Unreadable)?;
        if jpeg.len() <= most || quality <= LOWEST_QUALITY {
            return Ok(jpeg);
        }
        quality = quality.saturating_sub(10).max(LOWEST_QUALITY);
    }
}
/// Longest description (`alt`) accepted, in characters.
pub const ALT_MAX: usize = 250;

/// Why an upload was refused, as the message key the form shows beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not JPEG, PNG or WebP (or not a picture at all).
    Kind,
    /// More than `MAX_BYTES`.
    TooLarge,
    /// Narrower than `MIN_WIDTH` once trimmed.
    TooSmall,
    /// Claims more pixels than may be decoded.
    TooManyPixels,
    /// Says it is a picture, but cannot be read as one.
    Unreadable,
}

impl Refused {
    pub fn key(self) -> &'static str {
        match self {
            Refused::Kind => "error-image-kind",
            Refused::TooLarge => "error-image-too-large",
            Refused::TooSmall => "error-image-too-small",
            Refused::TooManyPixels => "error-image-pixels",
            Refused::Unreadable => "error-image-unreadable",
        }
    }
}

/// One width of a picture, as served.
#[derive(Debug, Clone)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub jpeg: Vec<u8>,
}

/// An upload made ready to keep: its digest (which names it in URLs) and its widths, narrowest
/// first.
#[derive(Debug, Clone)]
pub struct Processed {
    pub digest: String,
    pub variants: Vec<Variant>,
}

/// The name a picture's digest is kept and served under: 32 hex digits of the SHA-256 of the
/// upload, so the same picture uploaded twice is stored once and its URLs never change meaning.
pub fn digest(upload: &[u8]) -> String {
    hex::encode(&Sha256::digest(upload)[..16])
}

/// Whether `s` could be a digest `digest` made (a URL's part, checked before any lookup).
pub fn is_digest(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Checks an upload and makes its widths. CPU-bound: call it off the async workers.
pub fn process(upload: &[u8]) -> Result<Processed, Refused> {
    if upload.len() > MAX_BYTES {
        return Err(Refused::TooLarge);
    }
    let picture = upright(decode(upload)?);
    let picture = trimmed(flattened(picture));
    if picture.width() < MIN_WIDTH {
        return Err(Refused::TooSmall);
    }
    let mut variants = Vec::new();
    for &width in WIDTHS.iter().filter(|&&w| w <= picture.width()) {
        let height = scaled_height(picture.width(), picture.height(), width);
        let resized = image::imageops::resize(&picture, width, height, FilterType::CatmullRom);
        variants.push(Variant {
            width,
            height,
            jpeg: encode(&resized)?,
        });
    }
    Ok(Processed {
        digest: digest(upload),
        variants,
    })
}

/// The decoded picture with its orientation tag, refused unless it is JPEG, PNG or WebP and
/// within the pixel limits.
fn decode(upload: &[u8]) -> Result<(DynamicImage, image::metadata::Orientation), Refused> {
    let mut reader = ImageReader::new(Cursor::new(upload))
        .with_guessed_format()
        .map_err(|_| Refused::Unreadable)?;
    if !matches!(
        reader.format(),
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err(Refused::Kind);
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let refused = |e: ImageError| match e {
        ImageError::Limits(_) => Refused::TooManyPixels,
        _ => Refused::Unreadable,
    };
    let mut decoder = reader.into_decoder().map_err(refused)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) * 3 > MAX_DECODE_BYTES {
        return Err(Refused::TooManyPixels);
    }
    let picture = DynamicImage::from_decoder(decoder).map_err(refused)?;
    Ok((picture, orientation))
}

fn upright(
    (mut picture, orientation): (DynamicImage, image::metadata::Orientation),
) -> DynamicImage {
    picture.apply_orientation(orientation);
    picture
}

/// RGB, with any transparency laid over white (as the page's background).
fn flattened(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let a = u32::from(px[3]);
        for c in 0..3 {
            out[c] = ((u32::from(px[c]) * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    rgb
}

/// Trimmed about its centre to no taller than 4:3 and no wider than 2:1.
fn trimmed(picture: RgbImage) -> RgbImage {
    let (w, h) = picture.dimensions();
    let (x, y, cw, ch) = if u64::from(w) * 3 < u64::from(h) * 4 {
        let ch = (u64::from(w) * 3 / 4) as u32;
        (0, (h - ch) / 2, w, ch)
    } else if w > h * 2 {
        let cw = h * 2;
        ((w - cw) / 2, 0, cw, h)
    } else {
        return picture;
    };
    image::imageops::crop_imm(&picture, x, y, cw, ch).to_image()
}

fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, Rgba, RgbaImage};

    /// A picture with detail in it (a photograph compresses like this, a flat colour does not).
    fn picture(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            Rgb([
                (x * 7 + y * 3) as u8,
                ((x ^ y) * 5) as u8,
                ((x * y) / 97) as u8,
            ])
        })
    }

    fn png(p: &RgbImage) -> Vec<u8> {
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(p, p.width(), p.height(), image::ExtendedColorType::Rgb8)
            .unwrap();
        out
    }

    #[test]
    fn a_wide_picture_gets_every_width_it_can_fill() {
        let made = process(&png(&picture(1600, 900))).unwrap();
        let sizes: Vec<(u32, u32)> = made.variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(sizes, vec![(400, 225), (800, 450), (1200, 675)]);
        for v in &made.variants {
            let back = image::load_from_memory(&v.jpeg).unwrap();
            assert_eq!((back.width(), back.height()), (v.width, v.height));
            assert_eq!(
                image::guess_format(&v.jpeg).unwrap(),
                ImageFormat::Jpeg,
                "every width is served as JPEG"
            );
        }
        assert!(is_digest(&made.digest));
    }

    #[test]
    fn a_narrower_picture_gets_only_the_widths_it_fills_and_tall_ones_are_trimmed() {
        // 900 x 1600 (a phone's portrait photo) is trimmed to 4:3: 900 x 675.
        let made = process(&png(&picture(900, 1600))).unwrap();
        let sizes: Vec<(u32, u32)> = made.variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(sizes, vec![(400, 300), (800, 600)]);
        // A panorama is trimmed to 2:1.
        let made = process(&png(&picture(2000, 500))).unwrap();
        assert_eq!(
            made.variants.last().map(|v| (v.width, v.height)),
            Some((800, 400))
        );
    }

    #[test]
    fn what_is_not_a_fit_picture_is_refused_with_its_reason() {
        assert_eq!(
            process(b"%PDF-1.7 not a picture").unwrap_err(),
            Refused::Kind
        );
        assert_eq!(process(b"").unwrap_err(), Refused::Kind);
        let mut gif = b"GIF89a".to_vec();
        gif.extend_from_slice(&[0; 32]);
        assert_eq!(process(&gif).unwrap_err(), Refused::Kind);
        assert_eq!(
            process(&png(&picture(300, 200))).unwrap_err(),
            Refused::TooSmall
        );
        let mut cut = png(&picture(800, 600));
        cut.truncate(cut.len() / 2);
        assert_eq!(process(&cut).unwrap_err(), Refused::Unreadable);
        assert_eq!(
            process(&vec![0u8; MAX_BYTES + 1]).unwrap_err(),
            Refused::TooLarge
        );
    }

    /// A PNG whose header claims 20,000 x 20,000 pixels: refused from its header, before any
    /// memory is taken for it.
    #[test]
    fn a_picture_claiming_vast_dimensions_is_refused_before_decoding() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&20_000u32.to_be_bytes());
        ihdr.extend_from_slice(&20_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        png.extend_from_slice(&13u32.to_be_bytes());
        png.extend_from_slice(&ihdr);
        png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
        assert_eq!(process(&png).unwrap_err(), Refused::TooManyPixels);
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// Noise is the worst a JPEG can meet: every width still fits the page's budget, or was made
    /// at the lowest quality.
    #[test]
    fn every_width_keeps_within_its_budget() {
        let mut seed = 7u32;
        let noise = RgbImage::from_fn(1600, 900, |_, _| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            Rgb([(seed >> 16) as u8, (seed >> 8) as u8, (seed >> 24) as u8])
        });
        let made = process(&png(&noise)).unwrap();
        for v in &made.variants {
            let (_, most) = budget(v.width);
            let mut lowest = Vec::new();
            let small = image::load_from_memory(&v.jpeg).unwrap().into_rgb8();
            JpegEncoder::new_with_quality(&mut lowest, LOWEST_QUALITY)
                .encode_image(&small)
                .unwrap();
            assert!(
                v.jpeg.len() <= most || v.jpeg.len() <= lowest.len() * 11 / 10,
                "{} wide: {} bytes",
                v.width,
                v.jpeg.len()
            );
        }
    }

    #[test]
    fn transparency_is_laid_over_white() {
        let clear = RgbaImage::from_pixel(800, 600, Rgba([0, 0, 0, 0]));
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(&clear, 800, 600, image::ExtendedColorType::Rgba8)
            .unwrap();
        let made = process(&out).unwrap();
        let back = image::load_from_memory(&made.variants[0].jpeg)
            .unwrap()
            .into_rgb8();
        let px = back.get_pixel(200, 150);
        assert!(px.0.iter().all(|&c| c > 245), "white, not black: {px:?}");
    }

    #[test]
    fn the_same_upload_has_the_same_digest_and_another_does_not() {
        let a = png(&picture(800, 600));
        let b = png(&picture(801, 600));
        assert_eq!(digest(&a), digest(&a.clone()));
        assert_ne!(digest(&a), digest(&b));
        assert!(!is_digest("../../etc/passwd"));
        assert!(!is_digest(&digest(&a).to_uppercase()));
    }
}
