//! Decodes a JPEG for the photo check in greyscale only (the check's statistics need no
//! colour: a third of the memory and no colour conversion), after estimating from the frame
//! header what decoding will allocate and refusing it past `photo_max_decode_bytes`, before
//! anything is decoded.

use image::GrayImage;
use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

use crate::finding::Problem;
use crate::limits::Limits;

/// What a JPEG's frame header (SOFn) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Frame {
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// Progressive: the decoder holds every coefficient of the picture until the last scan.
    pub(crate) progressive: bool,
    /// Samples of all components, padded to whole MCUs (what a progressive decode holds).
    pub(crate) samples: u64,
}

impl Frame {
    /// Bytes decoding costs: the greyscale picture, plus 2 bytes per coefficient of every
    /// component for a progressive file.
    pub(crate) fn decode_cost(&self) -> u64 {
        let picture = u64::from(self.width) * u64::from(self.height);
        if self.progressive {
            picture + 2 * self.samples
        } else {
            picture
        }
    }
}

/// Reads the frame header by walking the marker segments (no pixel is touched). `None` when
/// the file has no readable frame header before its first scan.
pub(crate) fn frame(bytes: &[u8]) -> Option<Frame> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    loop {
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        at += 2;
        match marker {
            0x01 | 0xD0..=0xD7 => continue,
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
        let segment = bytes.get(at + 2..at + len.max(2))?;
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            return frame_of(segment, matches!(marker, 0xC2 | 0xC6 | 0xCA | 0xCE));
        }
        at += len.max(2);
    }
}

fn frame_of(segment: &[u8], progressive: bool) -> Option<Frame> {
    let height = u32::from(u16::from_be_bytes([*segment.get(1)?, *segment.get(2)?]));
    let width = u32::from(u16::from_be_bytes([*segment.get(3)?, *segment.get(4)?]));
    let count = usize::from(*segment.get(5)?);
    let factors: Vec<(u64, u64)> = (0..count)
        .map(|i| {
            let hv = *segment.get(6 + 3 * i + 1)?;
            Some((u64::from(hv >> 4).max(1), u64::from(hv & 15).max(1)))
        })
        .collect::<Option<_>>()?;
    let h_max = factors.iter().map(|f| f.0).max().unwrap_or(1);
    let v_max = factors.iter().map(|f| f.1).max().unwrap_or(1);
    let mcus_x = u64::from(width).div_ceil(8 * h_max);
    let mcus_y = u64::from(height).div_ceil(8 * v_max);
    let samples = factors
        .iter()
        .map(|(h, v)| mcus_x * mcus_y * 64 * h * v)
        .sum();
    Some(Frame {
        width,
        height,
        progressive,
        samples,
    })
}

/// A JPEG decoded in greyscale, as stored (the EXIF orientation not yet applied), with its
/// raw EXIF block.
pub(crate) struct GrayPhoto {
    pub(crate) image: GrayImage,
    pub(crate) exif: Option<Vec<u8>>,
}

/// Decodes a JPEG whose frame is `frame` in greyscale, refusing it first when its decoding
/// would cost more than `photo_max_decode_bytes` (`photo_decode_too_large`). `Ok(None)` when
/// the file's colour model has no greyscale path here (CMYK, YCCK): decode it in colour then.
pub(crate) fn decode(
    bytes: &[u8],
    frame: Frame,
    limits: &Limits,
) -> Result<Option<GrayPhoto>, Problem> {
    if frame.decode_cost() > limits.photo_max_decode_bytes {
        return Err(Problem::PhotoDecodeTooLarge {
            width: frame.width,
            height: frame.height,
            max: limits.photo_max_decode_bytes,
        });
    }
    let damaged = |err: zune_jpeg::errors::DecodeErrors| Problem::PhotoDamaged {
        reason: err.to_string(),
    };
    let side = usize::try_from(limits.photo_max_pixels).unwrap_or(usize::MAX);
    let options = DecoderOptions::default()
        .set_strict_mode(false)
        .set_max_width(side)
        .set_max_height(side)
        .jpeg_set_out_colorspace(ColorSpace::Luma);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode_headers().map_err(damaged)?;
    if !matches!(
        decoder.input_colorspace(),
        Some(ColorSpace::YCbCr | ColorSpace::Luma)
    ) {
        return Ok(None);
    }
    let pixels = decoder.decode().map_err(damaged)?;
    let (width, height) = decoder.dimensions().unwrap_or((0, 0));
    let exif = decoder.exif().cloned();
    let image = GrayImage::from_raw(
        u32::try_from(width).unwrap_or(0),
        u32::try_from(height).unwrap_or(0),
        pixels,
    )
    .ok_or_else(|| Problem::PhotoDamaged {
        reason: "the decoded picture is shorter than its size".into(),
    })?;
    Ok(Some(GrayPhoto { image, exif }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 120, 40]));
        let mut out = Vec::new();
        img.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut out, 80,
        ))
        .unwrap();
        out
    }

    #[test]
    fn the_frame_header_gives_size_and_cost() {
        let bytes = jpeg(33, 17);
        let frame = frame(&bytes).expect("a frame header");
        assert_eq!((frame.width, frame.height), (33, 17));
        assert!(!frame.progressive);
        assert_eq!(frame.decode_cost(), 33 * 17);
        assert!(frame.samples >= 3 * 33 * 17, "{frame:?}");
    }

    #[test]
    fn a_progressive_frame_costs_its_coefficients() {
        let frame = Frame {
            width: 100,
            height: 100,
            progressive: true,
            samples: 30_000,
        };
        assert_eq!(frame.decode_cost(), 10_000 + 60_000);
    }

    #[test]
    fn no_frame_header_in_garbage() {
        assert_eq!(frame(b"\xFF\xD8\xFF\xDA\x00\x02"), None);
        assert_eq!(frame(b"not a jpeg"), None);
        assert_eq!(frame(b"\xFF\xD8\xFF\xE0\xFF\xFF"), None);
    }

    #[test]
    fn decodes_in_grey() {
        let bytes = jpeg(40, 30);
        let photo = decode(&bytes, frame(&bytes).unwrap(), Limits::official())
            .unwrap()
            .expect("a YCbCr JPEG has a grey path");
        assert_eq!(photo.image.dimensions(), (40, 30));
        let luma = photo.image.get_pixel(20, 15)[0];
        assert!((120..150).contains(&luma), "{luma}");
    }
}
