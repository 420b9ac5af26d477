//! A pass over a PDF's raw bytes before lopdf loads it: how much its object and cross-reference
//! streams inflate to in total (lopdf inflates those while loading, each capped on its own but
//! not together) and how many objects the object streams declare. Inflating only counts bytes
//! and keeps nothing, so the pass costs no memory and at most the budget in time.

use std::io::Read;

/// What the pass found.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct StreamTotals {
    /// Bytes the object and xref streams inflate to (stops counting past the budget).
    pub(crate) inflated: u64,
    /// Objects declared by the object streams (`/N`).
    pub(crate) packed_objects: u64,
    /// Values inside the object streams once inflated (see [`values`]).
    pub(crate) packed_values: u64,
}

/// Highest expansion of one deflated byte (zlib's format limit, rounded up).
const MAX_DEFLATE_RATIO: u64 = 1032;

/// Scans every `N G obj << … >> stream` whose dictionary says `/Type /ObjStm` or
/// `/Type /XRef`, counting until `budget` bytes are passed (then it stops early).
pub(crate) fn totals(bytes: &[u8], budget: u64) -> StreamTotals {
    let mut found = StreamTotals::default();
    let mut at = 0;
    while let Some(offset) = find(&bytes[at..], b"obj") {
        let after = at + offset + 3;
        at = after;
        let start = skip_space(bytes, after);
        if !bytes[start..].starts_with(b"<<") {
            continue;
        }
        let Some(end) = dictionary_end(bytes, start) else {
            continue;
        };
        let dict = &bytes[start..end];
        let data = stream_data_start(bytes, end);
        let names = names_in(dict);
        let kind = value_after(&names, b"Type");
        if kind != Some(b"ObjStm".as_slice()) && kind != Some(b"XRef".as_slice()) {
            continue;
        }
        if kind == Some(b"ObjStm".as_slice()) {
            found.packed_objects += integer_after(dict, b"/N").unwrap_or(0);
        }
        let Some(data) = data else { continue };
        let remaining = budget.saturating_sub(found.inflated) + 1;
        let flate_only = value_after(&names, b"Filter") == Some(b"FlateDecode".as_slice())
            || (names
                .iter()
                .filter(|n| n.as_slice() == b"FlateDecode")
                .count()
                == 1
                && !names.iter().any(|n| is_other_filter(n)));
        let stored = || integer_after(dict, b"/Length").unwrap_or((bytes.len() - data) as u64);
        let counted = if !names.iter().any(|n| n.as_slice() == b"Filter") {
            stored().min(remaining)
        } else if flate_only {
            let mut values = ValueCounter::default();
            let len = inflated_len(&bytes[data..], remaining, &mut values);
            if kind == Some(b"ObjStm".as_slice()) {
                found.packed_values += values.count;
            }
            len
        } else {
            // A filter we do not inflate here: assume the worst expansion of its stored bytes.
            stored().saturating_mul(MAX_DEFLATE_RATIO).min(remaining)
        };
        found.inflated += counted;
        if found.inflated > budget {
            break;
        }
    }
    found
}

/// How many values (numbers, names, strings, brackets, keywords) the file holds outside its
/// stream data: what lopdf allocates an object-tree node for, each about
/// [`BYTES_PER_VALUE`] once parsed. Stream data (from `stream` to `endstream`) is skipped.
pub(crate) fn values(bytes: &[u8]) -> u64 {
    let mut count = 0u64;
    let mut at = 0;
    while at < bytes.len() {
        let end = memchr::memmem::find(&bytes[at..], b"stream").map_or(bytes.len(), |o| at + o);
        count += tokens_in(&bytes[at..end]);
        if end >= bytes.len() {
            break;
        }
        // `endstream` itself matches "stream": skip past it as a keyword.
        let data = end + b"stream".len();
        if end >= 3 && &bytes[end - 3..end] == b"end" {
            at = data;
            continue;
        }
        at = memchr::memmem::find(&bytes[data..], b"endstream")
            .map_or(bytes.len(), |o| data + o + b"endstream".len());
    }
    count
}

/// What one parsed value costs lopdf, in bytes (measured: 400,000 one-element arrays, 2.8
/// million values, peaked at 330 MB).
pub(crate) const BYTES_PER_VALUE: u64 = 120;

fn tokens_in(region: &[u8]) -> u64 {
    let mut count = 0u64;
    let mut previous_separates = true;
    for &b in region {
        let white = is_space(b);
        let delimiter = is_delimiter(b);
        if !white && (previous_separates || delimiter) {
            count += 1;
        }
        previous_separates = white || delimiter;
    }
    count
}

fn is_other_filter(name: &[u8]) -> bool {
    matches!(
        name,
        b"LZWDecode"
            | b"ASCII85Decode"
            | b"ASCIIHexDecode"
            | b"RunLengthDecode"
            | b"LZW"
            | b"AHx"
            | b"A85"
            | b"RL"
            | b"Fl"
    )
}

/// How many bytes `data` inflates to as zlib (or raw deflate after a 2-byte header, as lopdf
/// falls back to), counting at most `limit`. The decoder stops at the end of the deflate
/// stream, so the data may run on to the end of the file.
fn inflated_len(data: &[u8], limit: u64, values: &mut ValueCounter) -> u64 {
    let count = |reader: &mut dyn Read, values: &mut ValueCounter| {
        std::io::copy(&mut reader.take(limit), values).ok()
    };
    let zlib = count(&mut flate2::read::ZlibDecoder::new(data), values);
    let raw = match zlib {
        Some(n) if n > 0 => None,
        _ => {
            *values = ValueCounter::default();
            data.get(2..)
                .and_then(|rest| count(&mut flate2::read::DeflateDecoder::new(rest), values))
        }
    };
    zlib.unwrap_or(0).max(raw.unwrap_or(0))
}

/// Counts values in what is written to it (as [`values`] does), keeping nothing.
#[derive(Debug, Default)]
struct ValueCounter {
    count: u64,
    after_separator: bool,
    started: bool,
}

impl std::io::Write for ValueCounter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.started {
            self.started = true;
            self.after_separator = true;
        }
        for &b in buf {
            let white = is_space(b);
            let delimiter = is_delimiter(b);
            if !white && (self.after_separator || delimiter) {
                self.count += 1;
            }
            self.after_separator = white || delimiter;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Skips white space and comments.
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        if is_space(bytes[at]) {
            at += 1;
        } else if bytes[at] == b'%' {
            while at < bytes.len() && bytes[at] != b'\n' && bytes[at] != b'\r' {
                at += 1;
            }
        } else {
            break;
        }
    }
    at
}

/// The index just past the `>>` closing the dictionary opened at `start`, minding nested
/// dictionaries, strings (with escapes and nested parentheses), hex strings and comments.
fn dictionary_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = start;
    while at < bytes.len() {
        match bytes[at] {
            b'<' if bytes.get(at + 1) == Some(&b'<') => {
                depth += 1;
                at += 2;
            }
            b'>' if bytes.get(at + 1) == Some(&b'>') => {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return Some(at);
                }
            }
            b'<' => at += find(&bytes[at..], b">")? + 1,
            b'(' => {
                let mut nesting = 0usize;
                while at < bytes.len() {
                    match bytes[at] {
                        b'\\' => at += 1,
                        b'(' => nesting += 1,
                        b')' => {
                            nesting -= 1;
                            if nesting == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    at += 1;
                }
                at += 1;
            }
            b'%' => at = skip_space(bytes, at),
            _ => at += 1,
        }
        if depth > 64 {
            return None;
        }
    }
    None
}

/// Where the data of a stream begins when the dictionary ending at `end` is followed by the
/// `stream` keyword and its end of line.
fn stream_data_start(bytes: &[u8], end: usize) -> Option<usize> {
    let at = skip_space(bytes, end);
    if !bytes[at..].starts_with(b"stream") {
        return None;
    }
    let mut data = at + b"stream".len();
    if bytes.get(data) == Some(&b'\r') {
        data += 1;
    }
    if bytes.get(data) == Some(&b'\n') {
        data += 1;
    }
    Some(data)
}

/// The names of a dictionary (decoded `#xx` escapes), in order, at any depth: enough to read
/// `/Type /ObjStm` and `/Filter /FlateDecode` however they are spaced or escaped.
fn names_in(dict: &[u8]) -> Vec<Vec<u8>> {
    let mut names = Vec::new();
    let mut at = 0;
    while at < dict.len() {
        if dict[at] != b'/' {
            at += 1;
            continue;
        }
        at += 1;
        let mut name = Vec::new();
        while at < dict.len() && !is_space(dict[at]) && !is_delimiter(dict[at]) {
            if dict[at] == b'#' && at + 2 < dict.len() {
                let hex = std::str::from_utf8(&dict[at + 1..at + 3]).ok();
                if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    name.push(b);
                    at += 3;
                    continue;
                }
            }
            name.push(dict[at]);
            at += 1;
        }
        names.push(name);
    }
    names
}

/// The name that follows the key `key` among `names` (e.g. `Type` → `ObjStm`).
fn value_after<'a>(names: &'a [Vec<u8>], key: &[u8]) -> Option<&'a [u8]> {
    let at = names.iter().position(|n| n.as_slice() == key)?;
    names.get(at + 1).map(Vec::as_slice)
}

/// The integer right after `key` (e.g. `/N 100`), when it is a direct number.
fn integer_after(dict: &[u8], key: &[u8]) -> Option<u64> {
    let mut at = 0;
    while let Some(offset) = find(&dict[at..], key) {
        let after = at + offset + key.len();
        at = after;
        if dict
            .get(after)
            .is_some_and(|b| !is_space(*b) && !is_delimiter(*b))
        {
            continue;
        }
        let start = skip_space(dict, after);
        let digits = dict[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits > 0 {
            return std::str::from_utf8(&dict[start..start + digits])
                .ok()?
                .parse()
                .ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn object(number: u32, dict: &str, data: &[u8]) -> Vec<u8> {
        let mut out = format!("{number} 0 obj\n{dict}\nstream\n").into_bytes();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
        out
    }

    #[test]
    fn counts_object_and_xref_streams_but_not_content() {
        let big = deflate(&vec![b' '; 1_000_000]);
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.extend(object(
            1,
            "<< /Type /ObjStm /N 7 /First 4 /Filter /FlateDecode /Length 9 >>",
            &big,
        ));
        pdf.extend(object(2, "<</Type/XRef/Filter[/FlateDecode]>>", &big));
        pdf.extend(object(3, "<< /Filter /FlateDecode >>", &big));
        pdf.extend(object(
            4,
            "<< /Type /Obj#53tm /N 3 /Filter /Fl#61teDecode /S (a >> b) >>",
            &big,
        ));
        let found = totals(&pdf, u64::MAX - 1);
        assert_eq!(found.inflated, 3_000_000);
        assert_eq!(found.packed_objects, 10);
        assert_eq!(found.packed_values, 0, "spaces are no values");
        let dense = deflate(&b"1 ".repeat(1000));
        let packed = object(1, "<< /Type /ObjStm /N 1 /Filter /FlateDecode >>", &dense);
        assert_eq!(totals(&packed, u64::MAX - 1).packed_values, 1000);
    }

    #[test]
    fn stops_counting_past_the_budget() {
        let big = deflate(&vec![0u8; 4_000_000]);
        let mut pdf = Vec::new();
        for n in 0..10 {
            pdf.extend(object(
                n,
                "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>",
                &big,
            ));
        }
        let found = totals(&pdf, 5_000_000);
        assert!(
            found.inflated > 5_000_000 && found.inflated <= 8_000_002,
            "{found:?}"
        );
    }

    #[test]
    fn values_are_counted_outside_stream_data() {
        let mut pdf = b"1 0 obj << /A [1 2 (x y)] >> endobj\n".to_vec();
        pdf.extend(object(2, "<< /Length 20 >>", b"1 2 3 4 5 6 7 8 9 10"));
        // 1 0 obj < < / A [ 1 2 ( x y ) ] > > endobj: 18 (each delimiter counts);
        // 2 0 obj < < / Length 20 > > … endobj: 11 (the stream data and keywords do not).
        assert_eq!(values(&pdf), 18 + 11);
    }

    #[test]
    fn an_unknown_filter_counts_as_its_worst_case() {
        let pdf = object(
            1,
            "<< /Type /ObjStm /N 1 /Filter /LZWDecode /Length 100 >>",
            &[0; 100],
        );
        assert_eq!(totals(&pdf, 1 << 30).inflated, 100 * MAX_DEFLATE_RATIO);
    }
}
