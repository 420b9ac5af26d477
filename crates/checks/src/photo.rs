//! Checks of the facial photo: a complete JPEG, 3:4 portrait after the EXIF orientation,
//! large enough, taken within six months, plain background, sharp; and the photo fix-up.
//!
//! No face detector is used: none ships its model inside a registry package that loads
//! without a download. The background check (uniform border strips) and the 3:4 crop around
//! the centre stand in for "one face, roughly centred".

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, GrayImage, ImageDecoder, ImageReader};

use crate::date::Date;
use crate::finding::Problem;
use crate::limits::Limits;
use crate::sniff::{sniff, Sniffed};

/// What the photo check learned besides its findings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhotoFacts {
    /// Size after applying the EXIF orientation.
    pub width: u32,
    pub height: u32,
    pub taken: Option<Date>,
}

/// A decoded photo, upright, with what its EXIF said.
pub(crate) struct Decoded {
    pub(crate) image: DynamicImage,
    pub(crate) taken: Option<Date>,
    pub(crate) has_gps: bool,
}

/// What the image decoder may allocate: one decoded picture of `photo_max_pixels` (4 bytes a
/// pixel), and no side longer than that many pixels in a row could be.
pub(crate) fn decoder_limits(limits: &Limits) -> image::Limits {
    let mut caps = image::Limits::default();
    let side = u32::try_from(limits.photo_max_pixels / u64::from(limits.photo_min_height_px))
        .unwrap_or(u32::MAX);
    caps.max_image_width = Some(side);
    caps.max_image_height = Some(side);
    caps.max_alloc = Some(limits.photo_max_pixels.saturating_mul(4));
    caps
}

/// What decoding a photo of `width`×`height` costs, in bytes (RGB, 3 bytes a pixel).
pub(crate) fn decoded_bytes(width: u32, height: u32) -> u64 {
    u64::from(width) * u64::from(height) * 3
}

/// The pixel size a JPEG's header claims, read without decoding anything.
pub(crate) fn claimed_size(bytes: &[u8]) -> Result<(u32, u32), Problem> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(image::ImageFormat::Jpeg);
    reader
        .into_dimensions()
        .map_err(|err| Problem::PhotoDamaged {
            reason: err.to_string(),
        })
}

/// Decodes a JPEG completely and applies its orientation, refusing pixel bombs (more than
/// `photo_max_pixels`) from the header's claim, before any pixel is allocated.
pub(crate) fn decode(bytes: &[u8], limits: &Limits) -> Result<Decoded, Problem> {
    match sniff(bytes) {
        Sniffed::Jpeg => {}
        Sniffed::Empty => return Err(Problem::EmptyFile),
        other => {
            return Err(Problem::PhotoNotJpeg {
                actually: other.describe(),
            })
        }
    }
    if !ends_with_eoi(bytes) {
        return Err(Problem::PhotoTruncated);
    }
    let reader = || {
        let mut reader = ImageReader::new(Cursor::new(bytes));
        reader.set_format(image::ImageFormat::Jpeg);
        reader.limits(decoder_limits(limits));
        reader
    };
    let (w, h) = claimed_size(bytes)?;
    if u64::from(w) * u64::from(h) > limits.photo_max_pixels {
        return Err(Problem::PhotoTooManyPixels {
            width: w,
            height: h,
        });
    }
    let damaged = |err: image::ImageError| Problem::PhotoDamaged {
        reason: err.to_string(),
    };
    let mut decoder = reader().into_decoder().map_err(damaged)?;
    let orientation = decoder.orientation().map_err(damaged)?;
    let exif = decoder.exif_metadata().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    let (taken, has_gps) = exif.as_deref().map(read_exif).unwrap_or((None, false));
    Ok(Decoded {
        image,
        taken,
        has_gps,
    })
}

pub(crate) fn check(bytes: &[u8], today: Date, limits: &Limits) -> (Vec<Problem>, PhotoFacts) {
    let mut unlimited = u64::MAX;
    check_within(bytes, today, limits, &mut unlimited)
}

/// Like [`check`], drawing the decoded size from `budget` (bytes left for the whole request).
pub(crate) fn check_within(
    bytes: &[u8],
    today: Date,
    limits: &Limits,
    budget: &mut u64,
) -> (Vec<Problem>, PhotoFacts) {
    if sniff(bytes) == Sniffed::Jpeg {
        let claimed = match crate::photo_gray::frame(bytes) {
            Some(frame) => Ok((frame.width, frame.height)),
            None => claimed_size(bytes),
        };
        if let Ok((w, h)) = claimed {
            let cost = decoded_bytes(w, h);
            if u64::from(w) * u64::from(h) <= limits.photo_max_pixels && cost > *budget {
                let max = limits.request_max_decoded_bytes;
                return (
                    vec![Problem::DecodingBudgetSpent { max }],
                    PhotoFacts::default(),
                );
            }
            *budget = budget.saturating_sub(cost);
        }
    }
    let seen = match inspect(bytes, limits) {
        Ok(seen) => seen,
        Err(problem) => return (vec![problem], PhotoFacts::default()),
    };
    let (width, height) = (seen.width, seen.height);
    let facts = PhotoFacts {
        width,
        height,
        taken: seen.taken,
    };
    let mut problems = Vec::new();

    let ratio = f64::from(width) / f64::from(height.max(1));
    if (ratio - limits.photo_aspect_width_to_height).abs()
        > limits.photo_aspect_tolerance * limits.photo_aspect_width_to_height
    {
        problems.push(Problem::PhotoNotPortrait34 { width, height });
    }
    if width < limits.photo_min_width_px || height < limits.photo_min_height_px {
        problems.push(Problem::PhotoTooSmall {
            width,
            height,
            min_w: limits.photo_min_width_px,
            min_h: limits.photo_min_height_px,
        });
    }
    if bytes.len() as u64 > limits.photo_max_bytes {
        problems.push(Problem::PhotoFileLarge {
            bytes: bytes.len() as u64,
            max: limits.photo_max_bytes,
        });
    }
    match seen.taken {
        None => problems.push(Problem::PhotoDateUnknown),
        Some(taken) if taken > today => problems.push(Problem::PhotoDateInFuture {
            taken: taken.to_string(),
        }),
        Some(taken) => {
            let days = today.days() - taken.days();
            if days > limits.photo_max_age_days {
                problems.push(Problem::PhotoTooOld {
                    taken: taken.to_string(),
                    days,
                });
            }
        }
    }
    if seen.has_gps {
        problems.push(Problem::PhotoHasLocation);
    }

    let small = &seen.small;
    if border_stddev(small) > limits.photo_background_max_stddev {
        problems.push(Problem::PhotoBackgroundBusy);
    }
    if sharpness(small) < limits.photo_min_sharpness {
        problems.push(Problem::PhotoBlurred);
    }
    (problems, facts)
}

/// What the check needs of a photo: its upright size, EXIF facts and a small greyscale copy.
struct Seen {
    width: u32,
    height: u32,
    taken: Option<Date>,
    has_gps: bool,
    small: GrayImage,
}

/// Reads a photo for its check: refuses what is not a complete JPEG, pixel bombs (from the
/// header) and files whose decoding would cost more than `photo_max_decode_bytes` (from the
/// frame header), then decodes it in greyscale (colour only for CMYK files).
fn inspect(bytes: &[u8], limits: &Limits) -> Result<Seen, Problem> {
    match sniff(bytes) {
        Sniffed::Jpeg => {}
        Sniffed::Empty => return Err(Problem::EmptyFile),
        other => {
            return Err(Problem::PhotoNotJpeg {
                actually: other.describe(),
            })
        }
    }
    if !ends_with_eoi(bytes) {
        return Err(Problem::PhotoTruncated);
    }
    let frame = crate::photo_gray::frame(bytes);
    let (w, h) = match frame {
        Some(frame) => (frame.width, frame.height),
        None => claimed_size(bytes)?,
    };
    if u64::from(w) * u64::from(h) > limits.photo_max_pixels {
        return Err(Problem::PhotoTooManyPixels {
            width: w,
            height: h,
        });
    }
    if let Some(frame) = frame {
        if let Some(gray) = crate::photo_gray::decode(bytes, frame, limits)? {
            let orientation = gray
                .exif
                .as_deref()
                .and_then(Orientation::from_exif_chunk)
                .unwrap_or(Orientation::NoTransforms);
            let (taken, has_gps) = gray.exif.as_deref().map(read_exif).unwrap_or((None, false));
            let (raw_w, raw_h) = gray.image.dimensions();
            let (width, height) = if swaps_sides(orientation) {
                (raw_h, raw_w)
            } else {
                (raw_w, raw_h)
            };
            return Ok(Seen {
                width,
                height,
                taken,
                has_gps,
                small: small_gray_upright(&gray.image, orientation),
            });
        }
    }
    // A colour model without a greyscale path (CMYK): decoded in colour, 4 bytes a pixel.
    if u64::from(w) * u64::from(h) * 4 > limits.photo_max_decode_bytes {
        return Err(Problem::PhotoDecodeTooLarge {
            width: w,
            height: h,
            max: limits.photo_max_decode_bytes,
        });
    }
    let decoded = decode(bytes, limits)?;
    Ok(Seen {
        width: decoded.image.width(),
        height: decoded.image.height(),
        taken: decoded.taken,
        has_gps: decoded.has_gps,
        small: small_gray(&decoded.image),
    })
}

/// Whether an EXIF orientation turns the picture a quarter (width and height swap).
fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// A greyscale picture as stored, scaled so that once turned upright it is 256 px tall (as
/// [`small_gray`]), then turned: the turn costs nothing at that size.
fn small_gray_upright(raw: &GrayImage, orientation: Orientation) -> GrayImage {
    let swapped = swaps_sides(orientation);
    let (raw_w, raw_h) = raw.dimensions();
    let (w, h) = if swapped {
        (raw_h, raw_w)
    } else {
        (raw_w, raw_h)
    };
    let height = 256u32.min(h.max(1));
    let width = ((u64::from(w) * u64::from(height)) / u64::from(h.max(1))).max(1) as u32;
    let (small_w, small_h) = if swapped {
        (height, width)
    } else {
        (width, height)
    };
    // A large picture is first averaged in k×k boxes down to at least three times the size
    // wanted (one cheap pass), so the Triangle filter works on hundreds of rows, not thousands.
    let k = (raw_w / (3 * small_w)).min(raw_h / (3 * small_h));
    let boxed;
    let source = if k >= 2 {
        boxed = box_average(raw, k);
        &boxed
    } else {
        raw
    };
    let small = image::imageops::resize(
        source,
        small_w,
        small_h,
        image::imageops::FilterType::Triangle,
    );
    let mut upright = DynamicImage::ImageLuma8(small);
    upright.apply_orientation(orientation);
    upright.into_luma8()
}

/// The mean of each k×k box of `raw` (the last partial row and column of boxes dropped).
fn box_average(raw: &GrayImage, k: u32) -> GrayImage {
    let (w, h) = (raw.width() / k, raw.height() / k);
    let (k, stride) = (k as usize, raw.width() as usize);
    let pixels = raw.as_raw();
    let mut out = Vec::with_capacity(w as usize * h as usize);
    let mut sums = vec![0u32; w as usize];
    let area = (k * k) as u32;
    for by in 0..h as usize {
        sums.iter_mut().for_each(|s| *s = 0);
        for y in by * k..(by + 1) * k {
            let row = &pixels[y * stride..y * stride + w as usize * k];
            for (sum, cell) in sums.iter_mut().zip(row.chunks_exact(k)) {
                *sum += cell.iter().map(|&p| u32::from(p)).sum::<u32>();
            }
        }
        out.extend(sums.iter().map(|&s| ((s + area / 2) / area) as u8));
    }
    GrayImage::from_raw(w, h, out).expect("w×h pixels")
}

/// The JPEG end-of-image marker is the last thing in the file (trailing zero padding allowed).
pub(crate) fn ends_with_eoi(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    bytes[..end].ends_with(&[0xFF, 0xD9])
}

/// DateTimeOriginal (else DateTime) and whether any GPS field is present.
fn read_exif(raw: &[u8]) -> (Option<Date>, bool) {
    let exif = match exif::Reader::new().read_raw(raw.to_vec()) {
        Ok(exif) => exif,
        Err(_) => return (None, false),
    };
    let date = [exif::Tag::DateTimeOriginal, exif::Tag::DateTime]
        .iter()
        .find_map(|tag| {
            let field = exif.get_field(*tag, exif::In::PRIMARY)?;
            match &field.value {
                exif::Value::Ascii(values) => {
                    let dt = exif::DateTime::from_ascii(values.first()?).ok()?;
                    Date::new(i32::from(dt.year), u32::from(dt.month), u32::from(dt.day))
                }
                _ => None,
            }
        });
    let gps = exif
        .fields()
        .any(|f| f.ifd_num == exif::In::PRIMARY && f.tag.context() == exif::Context::Gps);
    (date, gps)
}

/// The photo in greyscale, scaled to 256 px tall, for the cheap image statistics.
fn small_gray(image: &DynamicImage) -> GrayImage {
    let height = 256u32.min(image.height().max(1));
    let width = ((u64::from(image.width()) * u64::from(height)) / u64::from(image.height().max(1)))
        .max(1) as u32;
    image
        .resize_exact(width, height, image::imageops::FilterType::Triangle)
        .to_luma8()
}

/// Standard deviation of luminance over the left, right and top border strips (8 % each):
/// where a plain background is.
fn border_stddev(gray: &GrayImage) -> f64 {
    let (w, h) = gray.dimensions();
    let strip_w = (w * 8 / 100).max(1);
    let strip_h = (h * 8 / 100).max(1);
    let mut values = Vec::new();
    for (x, y, p) in gray.enumerate_pixels() {
        if x < strip_w || x >= w - strip_w || y < strip_h {
            values.push(f64::from(p[0]));
        }
    }
    stddev(&values)
}

/// Variance of the 4-neighbour Laplacian: high for sharp edges, low for blur.
fn sharpness(gray: &GrayImage) -> f64 {
    let (w, h) = gray.dimensions();
    if w < 3 || h < 3 {
        return 0.0;
    }
    let at = |x: u32, y: u32| f64::from(gray.get_pixel(x, y)[0]);
    let mut values = Vec::with_capacity(((w - 2) * (h - 2)) as usize);
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            values.push(at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) - 4.0 * at(x, y));
        }
    }
    let sd = stddev(&values);
    sd * sd
}

fn stddev(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt()
}

/// The photo fix-up: upright, cropped to 3:4 around the centre, scaled down to the fix
/// height, written as a JPEG without any metadata (no GPS, no camera data).
pub(crate) fn fix(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, Problem> {
    let decoded = decode(bytes, limits)?;
    let image = decoded.image;
    let (w, h) = (image.width(), image.height());
    let target = limits.photo_aspect_width_to_height;
    let (crop_w, crop_h) = if f64::from(w) / f64::from(h) > target {
        (((f64::from(h) * target).round() as u32).max(1), h)
    } else {
        (w, ((f64::from(w) / target).round() as u32).max(1))
    };
    let x = (w - crop_w) / 2;
    let y = (h - crop_h) / 2;
    let mut cropped = image.crop_imm(x, y, crop_w, crop_h);
    if crop_h > limits.photo_fix_height_px {
        let new_h = limits.photo_fix_height_px;
        let new_w = ((f64::from(new_h) * target).round() as u32).max(1);
        cropped = cropped.resize_exact(new_w, new_h, image::imageops::FilterType::Lanczos3);
    }
    let rgb = cropped.to_rgb8();
    // Lower the quality step by step until the file fits the byte limit (or quality 50).
    let mut quality = 90u8;
    loop {
        let mut out = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
        rgb.write_with_encoder(encoder)
            .map_err(|err| Problem::PhotoDamaged {
                reason: err.to_string(),
            })?;
        if out.len() as u64 <= limits.photo_max_bytes || quality <= 50 {
            return Ok(out);
        }
        quality -= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Upright width and height, border standard deviation, sharpness.
    type Measures = (u32, u32, f64, f64);

    /// The statistics the verdict reads, by the old colour path (whole RGB picture, turned,
    /// scaled, then grey) and by the greyscale path the check now takes.
    fn both_paths(bytes: &[u8]) -> (Measures, Measures) {
        let limits = Limits::official();
        let colour = decode(bytes, limits).expect("decodes in colour");
        let small = small_gray(&colour.image);
        let old = (
            colour.image.width(),
            colour.image.height(),
            border_stddev(&small),
            sharpness(&small),
        );
        let seen = inspect(bytes, limits).expect("decodes in grey");
        let new = (
            seen.width,
            seen.height,
            border_stddev(&seen.small),
            sharpness(&seen.small),
        );
        (old, new)
    }

    /// Same upright size, and background and sharpness measures within 10 % (or 1.0) of the
    /// colour path's (the JPEG's own luma weighs colours as BT.601, `to_luma8` as BT.709), on
    /// the same side of their limits, for every corpus photo and a drawn 3 MP one.
    #[test]
    fn the_grey_path_gives_the_colour_paths_verdict() {
        let limits = Limits::official();
        let mut photos: Vec<(String, Vec<u8>)> = [
            "photo_good.jpg",
            "photo_rotated.jpg",
            "photo_landscape.jpg",
            "photo_square.jpg",
            "photo_busy.jpg",
            "photo_blurred.jpg",
            "photo_gps.jpg",
            "photo_tiny.jpg",
            "photo_nodate.jpg",
        ]
        .iter()
        .map(|name| {
            let path = zairyu_testkit::corpus::path(name);
            (name.to_string(), std::fs::read(path).unwrap())
        })
        .collect();
        let big = image::RgbImage::from_fn(1500, 2000, |x, y| {
            let (dx, dy) = (f64::from(x) - 750.0, f64::from(y) - 900.0);
            if (dx / 350.0).powi(2) + (dy / 450.0).powi(2) < 1.0 {
                image::Rgb([138, 90, 68])
            } else {
                image::Rgb([232, 238, 244 - (y / 100) as u8])
            }
        });
        let mut jpeg = Vec::new();
        big.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut jpeg, 90,
        ))
        .unwrap();
        photos.push(("3 MP drawn".into(), jpeg));
        for (name, bytes) in photos {
            let (old, new) = both_paths(&bytes);
            assert_eq!((old.0, old.1), (new.0, new.1), "{name}: upright size");
            let close = |a: f64, b: f64| (a - b).abs() <= (a.abs() * 0.10).max(1.0);
            assert!(close(old.2, new.2), "{name}: background {old:?} vs {new:?}");
            assert!(close(old.3, new.3), "{name}: sharpness {old:?} vs {new:?}");
            assert_eq!(
                old.2 > limits.photo_background_max_stddev,
                new.2 > limits.photo_background_max_stddev,
                "{name}: background verdict {old:?} vs {new:?}"
            );
            assert_eq!(
                old.3 < limits.photo_min_sharpness,
                new.3 < limits.photo_min_sharpness,
                "{name}: sharpness verdict {old:?} vs {new:?}"
            );
        }
    }
}
