//! The page-level sanity check: every page must draw something. A page draws when one of its
//! content streams paints (a path, text, a shading or an inline image) or shows an image
//! XObject whose data decodes (a form XObject counts when its own content draws). lopdf parses
//! some scanner PDFs whose pages render blank (an empty content stream, or a JPEG cut short);
//! this catches them without rendering.
//!
//! Content streams are decoded with a cap (`CONTENT_SCAN_LIMIT`) and dropped once read; image
//! data is only walked (JPEG markers) or inflated into a counter, never kept.

use std::io::Read;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Most bytes of one content stream decoded to look for a painting operator; a stream that
/// inflates past it without painting yet is given the benefit of the doubt.
const CONTENT_SCAN_LIMIT: usize = 4 << 20;

/// How deep form XObjects are followed.
const MAX_FORM_DEPTH: usize = 4;

/// What reading a content stream found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drawn {
    Something,
    Nothing,
}

/// The numbers of the pages that draw nothing, in order.
pub(crate) fn blank_pages(
    doc: &Document,
    pages: &std::collections::BTreeMap<u32, ObjectId>,
) -> Vec<u32> {
    pages
        .iter()
        .filter(|(_, id)| page_draws(doc, **id) == Drawn::Nothing)
        .map(|(number, _)| *number)
        .collect()
}

fn page_draws(doc: &Document, page: ObjectId) -> Drawn {
    let resources = page_resources(doc, page);
    for id in doc.get_page_contents(page) {
        let Ok(Object::Stream(stream)) = doc.get_object(id) else {
            continue;
        };
        if stream_draws(doc, stream, &resources, 0) == Drawn::Something {
            return Drawn::Something;
        }
    }
    Drawn::Nothing
}

/// The page's resource dictionaries, nearest first (its own, then inherited).
fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((direct, ids)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    direct
        .into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// The XObject called `name` in the first resource dictionary that has it.
fn xobject<'a>(doc: &'a Document, resources: &[&'a Dictionary], name: &[u8]) -> Option<&'a Stream> {
    resources.iter().find_map(|dict| {
        let xobjects = resolve(doc, dict.get(b"XObject").ok()?)?.as_dict().ok()?;
        match resolve(doc, xobjects.get(name).ok()?)? {
            Object::Stream(stream) => Some(stream),
            _ => None,
        }
    })
}

fn only_flate(stream: &Stream) -> bool {
    stream
        .filters()
        .map(|filters| filters.iter().all(|f| matches!(*f, b"FlateDecode" | b"Fl")))
        .unwrap_or(true)
}

fn stream_draws(doc: &Document, stream: &Stream, resources: &[&Dictionary], depth: usize) -> Drawn {
    let content = match stream.decompressed_content_with_limit(CONTENT_SCAN_LIMIT) {
        Ok(content) => content,
        // Data we can decode that does not decode draws nothing; anything else (a filter
        // lopdf lacks, more than the scan limit) is assumed to draw.
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Drawn::Something
        }
        Err(_) if only_flate(stream) => return Drawn::Nothing,
        Err(_) => return Drawn::Something,
    };
    let mut last_name: Option<&[u8]> = None;
    for token in Tokens::new(&content) {
        match token {
            Token::Name(name) => last_name = Some(name),
            Token::Operator(op) => {
                if paints(op) {
                    return Drawn::Something;
                }
                if op == b"Do" {
                    if let Some(name) = last_name {
                        if xobject_draws(doc, resources, name, depth) == Drawn::Something {
                            return Drawn::Something;
                        }
                    }
                }
            }
        }
    }
    Drawn::Nothing
}

fn xobject_draws(doc: &Document, resources: &[&Dictionary], name: &[u8], depth: usize) -> Drawn {
    let Some(stream) = xobject(doc, resources, name) else {
        return Drawn::Nothing;
    };
    match stream.dict.get(b"Subtype").and_then(Object::as_name) {
        Ok(b"Image") => {
            if image_decodes(stream) {
                Drawn::Something
            } else {
                Drawn::Nothing
            }
        }
        Ok(b"Form") if depth < MAX_FORM_DEPTH => {
            let own = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|r| resolve(doc, r))
                .and_then(|r| r.as_dict().ok());
            let mut inner: Vec<&Dictionary> = own.into_iter().collect();
            inner.extend_from_slice(resources);
            stream_draws(doc, stream, &inner, depth + 1)
        }
        Ok(b"Form") => Drawn::Something,
        _ => Drawn::Nothing,
    }
}

/// Painting operators: stroke and fill, shading, text showing, inline images.
fn paints(op: &[u8]) -> bool {
    matches!(
        op,
        b"S" | b"s"
            | b"f"
            | b"F"
            | b"f*"
            | b"B"
            | b"B*"
            | b"b"
            | b"b*"
            | b"sh"
            | b"Tj"
            | b"TJ"
            | b"'"
            | b"\""
            | b"BI"
    )
}

fn integer(dict: &Dictionary, key: &[u8]) -> Option<u64> {
    dict.get(key)
        .ok()
        .and_then(|v| v.as_i64().ok())
        .and_then(|v| u64::try_from(v).ok())
}

/// Whether an image XObject's data decodes: a JPEG that is whole (frame header, a scan, the
/// end marker), deflated or raw samples at least as many as its size needs. Other encodings
/// (JPEG 2000, fax, JBIG2) are not decoded here and count as decoding.
fn image_decodes(stream: &Stream) -> bool {
    let dict = &stream.dict;
    let filters = stream.filters().unwrap_or_default();
    let (Some(width), Some(height)) = (integer(dict, b"Width"), integer(dict, b"Height")) else {
        return false;
    };
    if width == 0 || height == 0 || stream.content.is_empty() {
        return false;
    }
    let mask = dict
        .get(b"ImageMask")
        .and_then(Object::as_bool)
        .unwrap_or(false);
    let bits = if mask {
        1
    } else {
        integer(dict, b"BitsPerComponent").unwrap_or(8)
    };
    let components = match dict.get(b"ColorSpace").and_then(Object::as_name) {
        Ok(b"DeviceRGB" | b"RGB" | b"CalRGB" | b"Lab") => 3,
        Ok(b"DeviceCMYK" | b"CMYK") => 4,
        _ => 1,
    };
    let needed =
        height.saturating_mul((width.saturating_mul(bits).saturating_mul(components)).div_ceil(8));
    match filters.as_slice() {
        [] => stream.content.len() as u64 >= needed,
        [dct] if matches!(*dct, b"DCTDecode" | b"DCT") => jpeg_is_whole(&stream.content),
        [flate] if matches!(*flate, b"FlateDecode" | b"Fl") => {
            let mut decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice());
            let mut counted = 0u64;
            let mut buffer = [0u8; 16 * 1024];
            while counted < needed {
                match decoder.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => counted += n as u64,
                }
            }
            counted >= needed
        }
        _ => true,
    }
}

/// A JPEG with a frame header, a scan and the end-of-image marker at its end.
fn jpeg_is_whole(data: &[u8]) -> bool {
    let Some(frame) = crate::photo_gray::frame(data) else {
        return false;
    };
    frame.width > 0
        && frame.height > 0
        && data.windows(2).any(|w| w == [0xFF, 0xDA])
        && crate::photo::ends_with_eoi(data)
}

/// A token of a content stream that matters here.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Name(&'a [u8]),
    Operator(&'a [u8]),
}

/// The names and operators of a content stream, skipping numbers, strings, arrays and
/// dictionaries (ISO 32000-1, 7.2 and 7.8.2).
struct Tokens<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Tokens<'a> {
    fn new(data: &'a [u8]) -> Self {
        Tokens { data, at: 0 }
    }
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let data = self.data;
        while self.at < data.len() {
            let b = data[self.at];
            match b {
                _ if is_white(b) => self.at += 1,
                b'%' => {
                    while self.at < data.len() && !matches!(data[self.at], b'\r' | b'\n') {
                        self.at += 1;
                    }
                }
                b'(' => {
                    let mut nesting = 0usize;
                    while self.at < data.len() {
                        match data[self.at] {
                            b'\\' => self.at += 1,
                            b'(' => nesting += 1,
                            b')' => {
                                nesting -= 1;
                                if nesting == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        self.at += 1;
                    }
                    self.at += 1;
                }
                b'<' if data.get(self.at + 1) == Some(&b'<') => self.at += 2,
                b'>' if data.get(self.at + 1) == Some(&b'>') => self.at += 2,
                b'<' => {
                    while self.at < data.len() && data[self.at] != b'>' {
                        self.at += 1;
                    }
                    self.at += 1;
                }
                b'[' | b']' | b'{' | b'}' | b'>' | b')' => self.at += 1,
                b'/' => {
                    let start = self.at + 1;
                    self.at = start;
                    while self.at < data.len()
                        && !is_white(data[self.at])
                        && !is_delimiter(data[self.at])
                    {
                        self.at += 1;
                    }
                    return Some(Token::Name(&data[start..self.at]));
                }
                _ => {
                    let start = self.at;
                    while self.at < data.len()
                        && !is_white(data[self.at])
                        && !is_delimiter(data[self.at])
                    {
                        self.at += 1;
                    }
                    let word = &data[start..self.at];
                    let number = word
                        .iter()
                        .all(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.'));
                    if !number {
                        return Some(Token::Operator(word));
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operators(content: &[u8]) -> Vec<Vec<u8>> {
        Tokens::new(content)
            .filter_map(|t| match t {
                Token::Operator(op) => Some(op.to_vec()),
                Token::Name(_) => None,
            })
            .collect()
    }

    #[test]
    fn strings_arrays_and_dictionaries_hide_no_operators() {
        let ops = operators(b"q (a (nested) \\) Tj) 1 0 0 1 0 0 cm [(x) 5 (y)] TJ <48 65> Tj /P <</MCID 0>> BDC % S f\nEMC Q");
        let want: Vec<Vec<u8>> = ["q", "cm", "TJ", "Tj", "BDC", "EMC", "Q"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        assert_eq!(ops, want);
    }

    #[test]
    fn painting_and_non_painting_operators() {
        for op in ["S", "f*", "Tj", "BI", "sh"] {
            assert!(paints(op.as_bytes()), "{op}");
        }
        for op in ["n", "q", "cm", "re", "m", "l", "Do", "W"] {
            assert!(!paints(op.as_bytes()), "{op}");
        }
    }

    #[test]
    fn a_jpeg_cut_short_is_not_whole() {
        let img = image::GrayImage::from_pixel(64, 64, image::Luma([90]));
        let mut jpeg = Vec::new();
        img.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut jpeg, 80,
        ))
        .unwrap();
        assert!(jpeg_is_whole(&jpeg));
        assert!(!jpeg_is_whole(&jpeg[..jpeg.len() / 2]));
        assert!(!jpeg_is_whole(b"garbage"));
    }
}
