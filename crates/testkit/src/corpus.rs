//! Builds the test corpus once per test process: photos with ImageMagick and exiftool, PDFs
//! with ghostscript and qpdf (Debian packages installed by scripts/setup.sh), and small
//! hand-written PDFs for the cases those tools cannot make. Nothing is committed: every file
//! is made from a command you can read here.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// ImageMagick itself (`/usr/local/bin/convert` may be a stand-in on this machine kind).
const CONVERT: &str = "/usr/bin/convert-im6.q16";

fn run(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{program} is missing ({err}): run scripts/setup.sh"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The folder holding every corpus file. Every test process shares one corpus per version of
/// this file (`TMPDIR/zairyu-corpus-<digest>`): the first process builds it in a folder of its
/// own and renames that into place when it is complete; a process that loses the race drops
/// its copy and uses the winner's. Before, each test process left a 43 MB folder behind.
pub fn dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        use std::hash::{Hash, Hasher};
        let mut digest = std::hash::DefaultHasher::new();
        include_str!("corpus.rs").hash(&mut digest);
        let shared = std::env::temp_dir().join(format!("zairyu-corpus-{:016x}", digest.finish()));
        let complete = |dir: &Path| dir.join(COMPLETE).exists();
        if complete(&shared) {
            return shared;
        }
        let building = tempfile::Builder::new()
            .prefix("zairyu-corpus-building-")
            .tempdir()
            .unwrap();
        let dir = building.path();
        build_photos(dir);
        build_pixel_bomb(dir);
        build_pdfs(dir);
        build_hostile(dir);
        build_blank_pages(dir);
        std::fs::write(dir.join(COMPLETE), b"").unwrap();
        match std::fs::rename(dir, &shared) {
            Ok(()) => {
                // Renamed away: nothing is left for the guard to remove.
                let _ = building.keep();
            }
            // Another process put its complete corpus there first; this copy goes.
            Err(_) if complete(&shared) => {}
            Err(e) => panic!("cannot put the corpus at {}: {e}", shared.display()),
        }
        shared
    })
}

/// The marker written last into a corpus folder: the folder is whole.
const COMPLETE: &str = ".complete";

/// One corpus file, e.g. `photo_good.jpg` or `pdf_user_aes256.pdf`.
pub fn path(name: &str) -> PathBuf {
    dir().join(name)
}

fn p(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// A portrait "face" on a plain light background.
fn draw_face(dir: &Path, name: &str, size: &str, background: &str) {
    let (w, h) = size.split_once('x').unwrap();
    let (w, h): (i32, i32) = (w.parse().unwrap(), h.parse().unwrap());
    let (cx, cy) = (w / 2, h * 47 / 100);
    let (rx, ry) = (w * 22 / 100, h * 21 / 100);
    run(
        CONVERT,
        &[
            "-size",
            size,
            background,
            "-fill",
            "#8a5a44",
            "-draw",
            &format!("ellipse {cx},{cy} {rx},{ry} 0,360"),
            "-fill",
            "#1f2937",
            "-draw",
            &format!(
                "rectangle {},{} {},{}",
                cx - rx * 8 / 10,
                h * 88 / 100,
                cx + rx * 8 / 10,
                h
            ),
            "-fill",
            "black",
            "-draw",
            &format!(
                "circle {},{} {},{}",
                cx - rx / 3,
                cy - ry / 5,
                cx - rx / 3 + w / 60,
                cy - ry / 5
            ),
            "-draw",
            &format!(
                "circle {},{} {},{}",
                cx + rx / 3,
                cy - ry / 5,
                cx + rx / 3 + w / 60,
                cy - ry / 5
            ),
            "-stroke",
            "black",
            "-strokewidth",
            "4",
            "-draw",
            &format!(
                "line {},{} {},{}",
                cx - rx / 3,
                cy + ry / 2,
                cx + rx / 3,
                cy + ry / 2
            ),
            "-quality",
            "85",
            &p(dir, name),
        ],
    );
}

fn set_date(dir: &Path, name: &str, date: &str) {
    run(
        "exiftool",
        &[
            "-q",
            "-overwrite_original",
            &format!("-DateTimeOriginal={date}"),
            &p(dir, name),
        ],
    );
}

fn build_photos(dir: &Path) {
    let plain = "xc:#e8eef4";
    draw_face(dir, "photo_good.jpg", "600x800", plain);
    set_date(dir, "photo_good.jpg", "2026:10:01 10:15:30");

    draw_face(dir, "photo_landscape.jpg", "800x600", plain);
    set_date(dir, "photo_landscape.jpg", "2026:10:01 10:15:30");
    draw_face(dir, "photo_square.jpg", "700x700", plain);
    set_date(dir, "photo_square.jpg", "2026:10:01 10:15:30");

    // Stored landscape, displayed portrait: what phones do (EXIF Orientation 6).
    run(
        CONVERT,
        &[
            &p(dir, "photo_good.jpg"),
            "-rotate",
            "-90",
            &p(dir, "photo_rotated.jpg"),
        ],
    );
    run(
        "exiftool",
        &[
            "-q",
            "-overwrite_original",
            "-n",
            "-Orientation=6",
            "-DateTimeOriginal=2026:10:01 10:15:30",
            &p(dir, "photo_rotated.jpg"),
        ],
    );

    run(
        CONVERT,
        &[&p(dir, "photo_good.jpg"), &p(dir, "photo_old.jpg")],
    );
    set_date(dir, "photo_old.jpg", "2025:01:10 09:00:00");

    draw_face(dir, "photo_nodate.jpg", "600x800", plain);

    draw_face(dir, "photo_png.png", "600x800", plain);
    std::fs::copy(dir.join("photo_png.png"), dir.join("photo_png_renamed.jpg")).unwrap();

    let good = std::fs::read(dir.join("photo_good.jpg")).unwrap();
    std::fs::write(
        dir.join("photo_truncated.jpg"),
        &good[..good.len() * 6 / 10],
    )
    .unwrap();

    draw_face(dir, "photo_tiny.jpg", "150x200", plain);
    set_date(dir, "photo_tiny.jpg", "2026:10:01 10:15:30");

    run(
        CONVERT,
        &[
            "-size",
            "600x800",
            "-seed",
            "7",
            "plasma:",
            &p(dir, "busy_bg.png"),
        ],
    );
    draw_face(dir, "photo_busy.jpg", "600x800", &p(dir, "busy_bg.png"));
    set_date(dir, "photo_busy.jpg", "2026:10:01 10:15:30");

    run(
        CONVERT,
        &[
            &p(dir, "photo_good.jpg"),
            "-blur",
            "0x6",
            &p(dir, "photo_blurred.jpg"),
        ],
    );
    set_date(dir, "photo_blurred.jpg", "2026:10:01 10:15:30");

    run(
        CONVERT,
        &[&p(dir, "photo_good.jpg"), &p(dir, "photo_gps.jpg")],
    );
    run(
        "exiftool",
        &[
            "-q",
            "-overwrite_original",
            "-DateTimeOriginal=2026:10:01 10:15:30",
            "-GPSLatitude=33.28",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=131.49",
            "-GPSLongitudeRef=E",
            &p(dir, "photo_gps.jpg"),
        ],
    );
}

/// A small PDF written by hand with a correct cross-reference table. `catalog_extra` goes
/// into the catalog; `objects` are appended as objects 4, 5, …
pub fn hand_pdf(version: &str, catalog_extra: &str, objects: &[Vec<u8>]) -> Vec<u8> {
    hand_pdf_with_page(version, catalog_extra, "", objects)
}

/// Like `hand_pdf`, with `page_extra` added to the page dictionary.
pub fn hand_pdf_with_page(
    version: &str,
    catalog_extra: &str,
    page_extra: &str,
    objects: &[Vec<u8>],
) -> Vec<u8> {
    let mut bodies: Vec<Vec<u8>> = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>").into_bytes(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {page_extra} >>")
            .into_bytes(),
    ];
    bodies.extend(objects.iter().cloned());
    let mut out = format!("%PDF-{version}\n%").into_bytes();
    out.extend_from_slice(b"\xE2\xE3\xCF\xD3\n");
    let mut offsets = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            bodies.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object whose body is `raw` with the given filter.
pub fn stream(dict_extra: &str, raw: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} {dict_extra} >>\nstream\n", raw.len()).into_bytes();
    out.extend_from_slice(raw);
    out.extend_from_slice(b"\nendstream");
    out
}

fn build_pdfs(dir: &Path) {
    let good = p(dir, "pdf_good.pdf");
    run("gs", &["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.7", &format!("-sOutputFile={good}"),
        "-c", "/Helvetica findfont 24 scalefont setfont 72 720 moveto (Certificate of Enrolment) show 72 680 moveto (Zairyu test corpus) show showpage"]);
    let q = |args: &[&str]| run("qpdf", args);
    q(&[
        "--encrypt",
        "user",
        "owner",
        "256",
        "--",
        &good,
        &p(dir, "pdf_user_aes256.pdf"),
    ]);
    q(&[
        "--allow-weak-crypto",
        "--encrypt",
        "user",
        "owner",
        "128",
        "--use-aes=n",
        "--",
        &good,
        &p(dir, "pdf_user_rc4.pdf"),
    ]);
    q(&[
        "--encrypt",
        "",
        "owner",
        "256",
        "--print=none",
        "--",
        &good,
        &p(dir, "pdf_owner_noprint_aes256.pdf"),
    ]);
    q(&[
        "--encrypt",
        "",
        "owner",
        "256",
        "--extract=n",
        "--",
        &good,
        &p(dir, "pdf_owner_nocopy_aes256.pdf"),
    ]);
    q(&[
        "--allow-weak-crypto",
        "--encrypt",
        "",
        "owner",
        "128",
        "--print=none",
        "--use-aes=n",
        "--",
        &good,
        &p(dir, "pdf_owner_noprint_rc4.pdf"),
    ]);
    q(&[
        "--encrypt",
        "",
        "owner",
        "256",
        "--",
        &good,
        &p(dir, "pdf_owner_allowed_aes256.pdf"),
    ]);
    q(&[
        "--object-streams=generate",
        &good,
        &p(dir, "pdf_objstm.pdf"),
    ]);
    q(&["--linearize", &good, &p(dir, "pdf_linearized.pdf")]);
    q(&["--force-version=2.0", &good, &p(dir, "pdf_v20.pdf")]);

    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(
        dir.join("pdf_truncated.pdf"),
        &bytes[..bytes.len() * 6 / 10],
    )
    .unwrap();
    // Every offset off by 62 bytes: a comment inserted after the header line.
    let header_end = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut shifted = bytes[..header_end].to_vec();
    shifted.extend_from_slice(&[b'%'; 61]);
    shifted.push(b'\n');
    shifted.extend_from_slice(&bytes[header_end..]);
    std::fs::write(dir.join("pdf_shifted_xref.pdf"), shifted).unwrap();

    std::fs::copy(dir.join("photo_good.jpg"), dir.join("pdf_renamed_jpeg.pdf")).unwrap();
    std::fs::write(
        dir.join("pdf_renamed_html.pdf"),
        "<!DOCTYPE html><html><body>Not a PDF</body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("pdf_empty.pdf"), "").unwrap();

    std::fs::write(
        dir.join("pdf_javascript.pdf"),
        hand_pdf(
            "1.7",
            "/OpenAction 4 0 R",
            &[b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>".to_vec()],
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("pdf_launch.pdf"),
        hand_pdf(
            "1.7",
            "/OpenAction 4 0 R",
            &[b"<< /S /Launch /F (calc.exe) >>".to_vec()],
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("pdf_embedded.pdf"),
        hand_pdf(
            "1.7",
            "/Names << /EmbeddedFiles << /Names [(a.txt) 4 0 R] >> >>",
            &[
                b"<< /Type /Filespec /F (a.txt) /EF << /F 5 0 R >> >>".to_vec(),
                stream("/Type /EmbeddedFile", b"hello"),
            ],
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("pdf_catalog_v20.pdf"),
        hand_pdf("1.7", "/Version /2.0", &[]),
    )
    .unwrap();

    // A scanned page: a 2480x3508 (300 dpi A4) greyscale JPEG of paper noise, about 3 MB.
    run(
        CONVERT,
        &[
            "-size",
            "2480x3508",
            "xc:gray85",
            "+noise",
            "Gaussian",
            "-colorspace",
            "Gray",
            "-quality",
            "92",
            &p(dir, "scan_page.jpg"),
        ],
    );
    let jpeg = std::fs::read(dir.join("scan_page.jpg")).unwrap();
    let scan = hand_pdf_with_page(
        "1.7",
        "",
        "/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R",
        &[
            stream("/Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", &jpeg),
            stream("", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        ],
    );
    std::fs::write(dir.join("pdf_scan_large.pdf"), scan).unwrap();

    // A decompression bomb: 64 MiB of zeros deflated into a content stream of ~64 KB.
    let zeros = vec![0u8; 64 << 20];
    let mut deflated = Vec::new();
    {
        use std::io::Write;
        let mut child = Command::new("python3")
            .args(["-c", "import sys,zlib; sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read(), 9))"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || stdin.write_all(&zeros));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        deflated.extend_from_slice(&out.stdout);
    }
    let bomb = hand_pdf("1.7", "", &[stream("/Filter /FlateDecode", &deflated)]);
    std::fs::write(dir.join("pdf_bomb.pdf"), bomb).unwrap();

    // An object-stream bomb: three object streams, each just under the old per-stream cap of
    // 64 MiB once inflated (lopdf inflates object streams while loading), ~240 kB in all.
    let objstm = |number: u32| {
        let inflated_len = (64usize << 20) - 4096;
        let header = format!("{number} 0 ");
        let script = format!(
            "import sys,zlib; h=b'{header}'; body=b'<<>>'; sys.stdout.buffer.write(zlib.compress(h+body+b' '*({inflated_len}-len(h)-4), 9))"
        );
        let out = Command::new("python3")
            .args(["-c", &script])
            .output()
            .unwrap();
        assert!(out.status.success());
        stream(
            &format!(
                "/Type /ObjStm /N 1 /First {} /Filter /FlateDecode",
                header.len()
            ),
            &out.stdout,
        )
    };
    let objstm_bomb = hand_pdf("1.7", "", &[objstm(10), objstm(11), objstm(12)]);
    std::fs::write(dir.join("pdf_objstm_bomb.pdf"), objstm_bomb).unwrap();
}

/// Pixel bombs: tiny JPEGs (a few hundred bytes) whose header claims 10000×10000 colour
/// pixels (100 megapixels, 286 MiB once decoded), or 5000×5000 (25 megapixels, just within
/// `photo_max_pixels`, the most a photo may cost); the decoder pads the missing data.
fn build_pixel_bomb(dir: &Path) {
    write_pixel_bomb(dir, "photo_pixel_bomb.jpg", 10000);
    write_pixel_bomb(dir, "photo_pixel_bomb_at_limit.jpg", 5000);
}

fn write_pixel_bomb(dir: &Path, name: &str, side: u16) {
    write_jpeg_bomb(dir, name, side, false);
}

/// A 16×16 JPEG (progressive when asked) whose frame header is patched to `side`×`side`.
fn write_jpeg_bomb(dir: &Path, name: &str, side: u16, progressive: bool) {
    run(
        CONVERT,
        &[
            "-size",
            "16x16",
            "xc:gray50",
            "-type",
            "TrueColor",
            "-strip",
            "-interlace",
            if progressive { "JPEG" } else { "None" },
            "-quality",
            "50",
            &p(dir, name),
        ],
    );
    let mut bytes = std::fs::read(dir.join(name)).unwrap();
    let marker = if progressive { 0xC2 } else { 0xC0 };
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, marker])
        .expect("the JPEG has the SOF marker asked for");
    // SOF0: marker, length (2), precision (1), height (2), width (2).
    bytes[sof + 5..sof + 7].copy_from_slice(&side.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&side.to_be_bytes());
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Hostile files for the peak-memory benchmark and the bomb tests: a progressive JPEG whose
/// header claims 25 megapixels (its coefficients alone would take 75 MB), a PDF with 400,000
/// objects, one with an array of five million numbers, PDFs nested 100,000 arrays or
/// dictionaries deep, and a PDF whose two object streams each stay
/// under the per-stream cap and together under the total cap (30 MiB inflated), and one whose
/// object stream packs four million numbers within the caps.
fn build_hostile(dir: &Path) {
    write_jpeg_bomb(dir, "photo_progressive_bomb.jpg", 5000, true);

    let objects: Vec<Vec<u8>> = (0..400_000).map(|_| b"[1]".to_vec()).collect();
    std::fs::write(
        dir.join("pdf_many_objects.pdf"),
        hand_pdf("1.7", "", &objects),
    )
    .unwrap();

    // One array of five million numbers: few objects, but each value costs lopdf a node.
    let mut array = b"[".to_vec();
    array.extend(b"1 ".repeat(5_000_000));
    array.push(b']');
    std::fs::write(
        dir.join("pdf_huge_array.pdf"),
        hand_pdf("1.7", "/Big 4 0 R", &[array]),
    )
    .unwrap();

    let depth = 100_000;
    let mut nested = vec![b'['; depth];
    nested.extend(vec![b']'; depth]);
    std::fs::write(
        dir.join("pdf_deep_nesting.pdf"),
        hand_pdf("1.7", "/Deep 4 0 R", &[nested]),
    )
    .unwrap();
    let mut dicts = b"<< /A ".repeat(depth);
    dicts.extend(b">> ".repeat(depth));
    std::fs::write(
        dir.join("pdf_deep_dictionaries.pdf"),
        hand_pdf("1.7", "/Deep 4 0 R", &[dicts]),
    )
    .unwrap();

    let objstm = |number: u32| {
        let inflated_len = 15usize << 20;
        let header = format!("{number} 0 ");
        let mut body = header.clone().into_bytes();
        body.extend_from_slice(b"<<>>");
        body.resize(inflated_len, b' ');
        stream(
            &format!(
                "/Type /ObjStm /N 1 /First {} /Filter /FlateDecode",
                header.len()
            ),
            &deflate(&body),
        )
    };
    std::fs::write(
        dir.join("pdf_objstm_at_cap.pdf"),
        hand_pdf("1.7", "", &[objstm(10), objstm(11)]),
    )
    .unwrap();

    // An object stream of 8 MiB (under both caps) holding one array of four million numbers.
    let mut dense = b"10 0 [".to_vec();
    dense.extend(b"1 ".repeat(4 << 20));
    dense.push(b']');
    std::fs::write(
        dir.join("pdf_objstm_dense.pdf"),
        hand_pdf(
            "1.7",
            "",
            &[stream(
                "/Type /ObjStm /N 1 /First 5 /Filter /FlateDecode",
                &deflate(&dense),
            )],
        ),
    )
    .unwrap();
}

/// zlib-compresses `data` with python3 (the corpus has no compression crate of its own).
fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut child = Command::new("python3")
        .args([
            "-c",
            "import sys,zlib; sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read(), 9))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let data = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    out.stdout
}

/// PDFs that parse but render blank, and their non-blank twins: a page whose content draws
/// nothing, a page without content, a page showing a scan whose JPEG was cut short (what some
/// scanners write), and a two-page file whose second page draws nothing.
fn build_blank_pages(dir: &Path) {
    let page = |contents: &[u8], extra: &[Vec<u8>], resources: &str| {
        let mut objects = vec![stream("", contents)];
        objects.extend(extra.iter().cloned());
        hand_pdf_with_page(
            "1.7",
            "",
            &format!("/Resources << {resources} >> /Contents 4 0 R"),
            &objects,
        )
    };
    std::fs::write(
        dir.join("pdf_blank_content.pdf"),
        page(b"q 1 0 0 1 72 72 cm 0 0 m 100 100 l n Q", &[], ""),
    )
    .unwrap();
    std::fs::write(
        dir.join("pdf_blank_no_content.pdf"),
        hand_pdf("1.7", "", &[]),
    )
    .unwrap();
    std::fs::write(
        dir.join("pdf_drawn_line.pdf"),
        page(b"q 4 w 72 72 m 500 700 l S Q", &[], ""),
    )
    .unwrap();
    let jpeg = std::fs::read(dir.join("scan_page.jpg")).unwrap();
    let image = |data: &[u8]| {
        stream(
            "/Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode",
            data,
        )
    };
    let draw_image = b"q 595 0 0 842 0 0 cm /Im0 Do Q";
    std::fs::write(
        dir.join("pdf_scan_cut_short.pdf"),
        page(
            draw_image,
            &[image(&jpeg[..600])],
            "/XObject << /Im0 5 0 R >>",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("pdf_scan_small.pdf"),
        page(draw_image, &[image(&jpeg)], "/XObject << /Im0 5 0 R >>"),
    )
    .unwrap();

    // Two pages: text on the first, nothing on the second.
    let bodies: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>".to_vec(),
        stream("", b"BT /F1 24 Tf 72 720 Td (Certificate of Enrolment) Tj ET"),
        stream("", b"% nothing here\n"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            bodies.len() + 1
        )
        .as_bytes(),
    );
    std::fs::write(dir.join("pdf_second_page_blank.pdf"), out).unwrap();
}
