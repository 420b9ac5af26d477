//! Findings: what a check found, with a stable code, a severity, English and Japanese text and
//! a hint that says how to fix it. Every text of this crate is written here, in one place.

use serde::Serialize;
use ts_rs::TS;

/// `error` blocks submission; `warning` informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Finding {
    /// Stable snake_case code (documented in docs/error-codes.md).
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub hint: String,
    pub message_ja: String,
    pub hint_ja: String,
}

/// Everything a check can find, with the details its message needs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Problem {
    Unreadable {
        reason: String,
    },
    EmptyFile,
    NotPdf {
        actually: &'static str,
    },
    PdfUnparsable {
        reason: String,
    },
    PdfPasswordProtected,
    PdfRestricted {
        what: String,
    },
    PdfEncrypted,
    PdfDamaged {
        what: String,
    },
    PdfTruncated,
    PdfNoPages,
    PdfPageBlank {
        /// The blank pages' numbers (1-based), in order.
        pages: Vec<u32>,
        /// How many pages the PDF has.
        of: usize,
    },
    PdfTooLargeToShrink {
        bytes: u64,
        max: u64,
    },
    PdfTooManyObjects {
        count: usize,
    },
    PdfTooManyValues {
        count: u64,
        max: u64,
    },
    PdfInflatesTooMuch {
        max: u64,
    },
    DecodingBudgetSpent {
        max: u64,
    },
    PdfVersionTooNew {
        version: String,
    },
    PdfJavaScript,
    PdfLaunchAction,
    PdfEmbeddedFiles,
    PhotoNotJpeg {
        actually: &'static str,
    },
    PhotoDamaged {
        reason: String,
    },
    PhotoTruncated,
    PhotoTooManyPixels {
        width: u32,
        height: u32,
    },
    PhotoDecodeTooLarge {
        width: u32,
        height: u32,
        max: u64,
    },
    PhotoNotPortrait34 {
        width: u32,
        height: u32,
    },
    PhotoTooSmall {
        width: u32,
        height: u32,
        min_w: u32,
        min_h: u32,
    },
    PhotoFileLarge {
        bytes: u64,
        max: u64,
    },
    PhotoTooOld {
        taken: String,
        days: i64,
    },
    PhotoDateUnknown,
    PhotoDateInFuture {
        taken: String,
    },
    PhotoBackgroundBusy,
    PhotoBlurred,
    PhotoHasLocation,
    SetTooManyFiles {
        count: usize,
        max: usize,
    },
    SetTooLarge {
        total: u64,
        max: u64,
    },
    SetDuplicate {
        first: String,
        second: String,
    },
    UnsupportedFile {
        actually: &'static str,
    },
}

impl Problem {
    pub(crate) fn finding(&self) -> Finding {
        use Problem::*;
        use Severity::{Error as E, Warning as W};
        let (code, severity, message, hint, message_ja, hint_ja): (&str, Severity, String, String, String, String) = match self {
            Unreadable { reason } => ("file_unreadable", E,
                format!("The file cannot be read: {reason}."),
                "Check that the file exists and that you may open it.".into(),
                format!("ファイルを読み込めません: {reason}。"),
                "ファイルが存在し、開けることを確認してください。".into()),
            EmptyFile => ("file_empty", E,
                "The file is empty (0 bytes).".into(),
                "Scan or export the document again and attach the new file.".into(),
                "ファイルが空です（0バイト）。".into(),
                "書類をもう一度スキャンまたは書き出して、新しいファイルを添付してください。".into()),
            NotPdf { actually } => ("pdf_not_a_pdf", E,
                format!("This file is not a PDF: it is {actually}, only named like a PDF."),
                "Convert it to PDF (print to PDF, or use your scanner's PDF mode) and attach the PDF.".into(),
                format!("このファイルはPDFではありません（中身は{}です）。", ja_kind(actually)),
                "PDFに変換して（「PDFとして印刷」やスキャナーのPDF保存）、そのPDFを添付してください。".into()),
            PdfUnparsable { reason } => ("pdf_unreadable", E,
                format!("The PDF cannot be read: {reason}."),
                "Open it in a PDF viewer and save or print it to a new PDF, then attach that.".into(),
                format!("PDFを読み込めません: {reason}。"),
                "PDFビューアで開いて新しいPDFとして保存（または印刷）し、それを添付してください。".into()),
            PdfPasswordProtected => ("pdf_password_protected", E,
                "The PDF needs a password to open; the agency cannot open it and discards it without telling you.".into(),
                "Ask whoever made the file for a copy without a password, or open it with the password and print it to a new PDF.".into(),
                "PDFを開くのにパスワードが必要です。入管では開けず、通知なく無効として扱われます。".into(),
                "パスワードのないファイルを発行元に依頼するか、パスワードで開いて新しいPDFとして印刷してください。".into()),
            PdfRestricted { what } => ("pdf_restricted", E,
                format!("The PDF forbids {what}; the agency discards restricted PDFs without telling you."),
                "Run the fix (`zairyu fix pdf IN OUT`, or the Fix button) to make an unrestricted copy.".into(),
                format!("PDFに制限（{}）が設定されています。制限付きのPDFは通知なく無効として扱われます。", ja_restriction(what)),
                "修正（`zairyu fix pdf IN OUT` または「修正」ボタン）で制限のないコピーを作ってください。".into()),
            PdfEncrypted => ("pdf_encrypted", E,
                "The PDF is encrypted (without a restriction, but encrypted PDFs are treated as password-protected).".into(),
                "Run the fix (`zairyu fix pdf IN OUT`, or the Fix button) to make an unencrypted copy.".into(),
                "PDFが暗号化されています（制限はありませんが、パスワード付きとして扱われます）。".into(),
                "修正（`zairyu fix pdf IN OUT` または「修正」ボタン）で暗号化のないコピーを作ってください。".into()),
            PdfDamaged { what } => ("pdf_damaged", E,
                format!("The PDF is damaged ({what}); a lenient viewer may repair it, the agency's system may not."),
                "Open it in a PDF viewer and save or print it to a new PDF, or scan the document again.".into(),
                format!("PDFが破損しています（{what}）。"),
                "PDFビューアで開いて新しいPDFとして保存するか、書類をもう一度スキャンしてください。".into()),
            PdfTruncated => ("pdf_truncated", E,
                "The PDF is cut short: its end-of-file marker is missing, so part of it was lost in copying or downloading.".into(),
                "Copy or download the file again from its source.".into(),
                "PDFが途中で切れています（ファイル末尾の印がありません）。コピーやダウンロードの途中で欠けました。".into(),
                "元の場所からもう一度コピーまたはダウンロードしてください。".into()),
            PdfNoPages => ("pdf_no_pages", E,
                "The PDF has no pages.".into(),
                "Export or scan the document again.".into(),
                "PDFにページがありません。".into(),
                "書類をもう一度書き出すかスキャンしてください。".into()),
            PdfTooManyObjects { count } => ("pdf_too_complex", E,
                format!("The PDF has {count} objects, far more than any scanned document; it is refused to protect this computer."),
                "Print it to a new PDF, or scan the paper document.".into(),
                format!("PDFのオブジェクト数（{count}）が多すぎるため、確認を中止しました。"),
                "新しいPDFとして印刷するか、紙の書類をスキャンしてください。".into()),
            PdfTooManyValues { count, max } => ("pdf_too_complex", E,
                format!("The PDF's structure holds about {count} values (more than {max}), far more than any scanned document; reading it would take too much memory, so it is refused to protect this computer."),
                "Print it to a new PDF, or scan the paper document.".into(),
                format!("PDFの構造に含まれる値が約{count}個（上限{max}個）と多すぎるため、メモリを守るため確認を中止しました。"),
                "新しいPDFとして印刷するか、紙の書類をスキャンしてください。".into()),
            PdfInflatesTooMuch { max } => ("pdf_inflates_too_much", E,
                format!("The PDF's packed object data unpacks to more than {} MB, far more than any scanned document; it is refused to protect this computer.", max / 1_000_000),
                "Print it to a new PDF (\"Save as PDF\" or \"Microsoft Print to PDF\"), or scan the paper document.".into(),
                format!("PDFの圧縮されたオブジェクトが展開すると{}MBを超えるため、確認を中止しました。", max / 1_000_000),
                "新しいPDFとして印刷するか、紙の書類をスキャンしてください。".into()),
            DecodingBudgetSpent { max } => ("files_decode_too_large", E,
                format!("Together the photo and the PDFs of this submission unpack to more than {} MB, more than one application needs.", max / 1_000_000),
                "Send fewer or smaller files: shrink the photo (zairyu fix photo) and print large PDFs to new ones.".into(),
                format!("写真とPDFを合わせて展開すると{}MBを超えます。1件の申請に必要な量を超えています。", max / 1_000_000),
                "ファイルを減らすか小さくしてください（写真の修正、PDFの印刷し直し）。".into()),
            PdfPageBlank { pages, of } => {
                let (list, list_ja) = (page_list(pages), page_list_ja(pages));
                let en_pages = if pages.len() == 1 {
                    format!("Page {list} of {of} shows nothing")
                } else {
                    format!("Pages {list} of {of} show nothing")
                };
                let ja_pages = format!("{of}ページ中{list_ja}ページ目に何も表示されません");
                ("pdf_page_blank", E,
                format!("{en_pages}: no text, drawing or readable scanned image (the scan may have been cut short). The examiner would see a blank page."),
                "Scan the page again, or export or print the document to a new PDF, and check that every page shows in a PDF viewer.".into(),
                format!("{ja_pages}（文字・図形・読み取れるスキャン画像がありません。スキャンが途中で切れている可能性があります）。審査では白紙のページになります。"),
                "そのページをスキャンし直すか、新しいPDFとして書き出し（印刷し）直し、すべてのページがPDFビューアで表示されることを確かめてください。".into())
            }
            PdfTooLargeToShrink { bytes, max } => ("pdf_too_large_to_shrink", E,
                format!("Even with its scanned pages made smaller the PDF is {bytes} bytes, more than {max}."),
                "Scan the paper again at 150 dpi in greyscale, or split the document.".into(),
                format!("スキャン画像を縮小しても、PDFは{bytes}バイトで{max}バイトを超えます。"),
                "150dpi・グレースケールでスキャンし直すか、書類を分割してください。".into()),
            PdfVersionTooNew { version } => ("pdf_version_too_new", E,
                format!("The PDF is version {version}, not ISO 32000-1 (PDF 1.7): the agency's system cannot accept it as an attachment."),
                "Save or print it as PDF 1.7 or PDF/A (\"compatible with Acrobat 8\" or later), then attach that.".into(),
                format!("PDFのバージョン {version} は ISO 32000-1（PDF 1.7）ではないため、添付できません。"),
                "PDF 1.7 または PDF/A（互換性: Acrobat 8 以降）で保存（印刷）し直して、それを添付してください。".into()),
            PdfJavaScript => ("pdf_has_javascript", W,
                "The PDF contains JavaScript, which the agency's system may refuse.".into(),
                "Print it to a new PDF, which drops scripts.".into(),
                "PDFにJavaScriptが含まれています。受け付けられない可能性があります。".into(),
                "新しいPDFとして印刷すると、スクリプトは取り除かれます。".into()),
            PdfLaunchAction => ("pdf_has_launch_action", W,
                "The PDF contains an action that launches another program.".into(),
                "Print it to a new PDF, which drops actions.".into(),
                "PDFに他のプログラムを起動する動作が含まれています。".into(),
                "新しいPDFとして印刷すると取り除かれます。".into()),
            PdfEmbeddedFiles => ("pdf_has_embedded_files", W,
                "The PDF carries embedded files, which are not part of the document the agency reads.".into(),
                "Attach each document as its own PDF, or print this one to a new PDF.".into(),
                "PDFに別のファイルが埋め込まれています。".into(),
                "書類ごとに別のPDFとして添付するか、新しいPDFとして印刷してください。".into()),
            PhotoNotJpeg { actually } => ("photo_not_jpeg", E,
                format!("The photo must be a JPEG file; this one is {actually}."),
                "Save the photo as JPEG (.jpg), or run the photo fix, which writes a JPEG.".into(),
                format!("写真はJPEG形式である必要があります（このファイルは{}です）。", ja_kind(actually)),
                "JPEG（.jpg）で保存し直すか、写真の修正を使ってください（JPEGで保存します）。".into()),
            PhotoDamaged { reason } => ("photo_damaged", E,
                format!("The photo cannot be decoded: {reason}."),
                "Export the photo again from your camera or phone.".into(),
                format!("写真を読み込めません: {reason}。"),
                "カメラやスマートフォンから写真をもう一度書き出してください。".into()),
            PhotoTruncated => ("photo_truncated", E,
                "The photo file is cut short (its JPEG end marker is missing), so part of the picture is lost.".into(),
                "Copy or export the photo again.".into(),
                "写真ファイルが途中で切れています（JPEGの終了マーカーがありません）。".into(),
                "写真をもう一度コピーまたは書き出してください。".into()),
            PhotoTooManyPixels { width, height } => ("photo_too_many_pixels", E,
                format!("The photo claims {width}×{height} pixels, far more than any camera; it is refused to protect this computer."),
                "Export the photo again from your camera or phone.".into(),
                format!("写真の画素数（{width}×{height}）が大きすぎるため、確認を中止しました。"),
                "カメラやスマートフォンから写真をもう一度書き出してください。".into()),
            PhotoDecodeTooLarge { width, height, max } => ("photo_decode_too_large", E,
                format!("Opening this {width}×{height} photo would take more than {} MB of memory (it is a progressive or CMYK JPEG); it is refused to protect this computer.", max / 1_000_000),
                "Export the photo again from your camera, phone or editor as an ordinary (baseline, not progressive) colour JPEG of 12 megapixels or fewer.".into(),
                format!("この写真（{width}×{height}、プログレッシブまたはCMYKのJPEG）を開くには{}MBを超えるメモリが必要なため、確認を中止しました。", max / 1_000_000),
                "カメラ・スマートフォン・編集ソフトから、通常の（プログレッシブでない）カラーJPEG・1200万画素以下で書き出し直してください。".into()),
            PhotoNotPortrait34 { width, height } => ("photo_not_3_4", E,
                format!("The photo is {width}×{height} pixels; it must be a 3:4 portrait (30 mm wide, 40 mm tall)."),
                "Use the photo fix to crop it to 3:4 around the centre.".into(),
                format!("写真は{width}×{height}ピクセルです。縦4:横3（縦40mm×横30mm）の縦長である必要があります。"),
                "写真の修正で、中央を基準に3:4に切り抜いてください。".into()),
            PhotoTooSmall { width, height, min_w, min_h } => ("photo_too_small", E,
                format!("The photo is only {width}×{height} pixels; at least {min_w}×{min_h} is needed for a clear face."),
                "Take or scan the photo again at a higher resolution.".into(),
                format!("写真が{width}×{height}ピクセルしかありません。{min_w}×{min_h}以上が必要です。"),
                "より高い解像度で撮影またはスキャンし直してください。".into()),
            PhotoFileLarge { bytes, max } => ("photo_file_large", W,
                format!("The photo file is {bytes} bytes; the online system is reported to accept at most {max} bytes."),
                "Use the photo fix to shrink it.".into(),
                format!("写真のファイルサイズは{bytes}バイトです。オンライン申請では{max}バイト以下とされています。"),
                "写真の修正で縮小してください。".into()),
            PhotoTooOld { taken, days } => ("photo_too_old", E,
                format!("The photo was taken on {taken}, {days} days ago; it must be taken within the last six months."),
                "Take a new photo.".into(),
                format!("写真の撮影日は{taken}（{days}日前）です。6か月以内に撮影したものが必要です。"),
                "新しい写真を撮影してください。".into()),
            PhotoDateUnknown => ("photo_date_unknown", W,
                "The photo carries no date it was taken, so Zairyu cannot verify it is from the last six months.".into(),
                "Make sure it was taken within six months; the agency may ask.".into(),
                "写真に撮影日の情報がないため、6か月以内かどうか確認できません。".into(),
                "6か月以内に撮影したものか確認してください。".into()),
            PhotoDateInFuture { taken } => ("photo_date_in_future", W,
                format!("The photo says it was taken on {taken}, which is in the future; the camera clock may be wrong."),
                "Check the date the photo was taken.".into(),
                format!("写真の撮影日が未来の日付（{taken}）です。カメラの時計がずれている可能性があります。"),
                "撮影日を確認してください。".into()),
            PhotoBackgroundBusy => ("photo_background_busy", W,
                "The background of the photo does not look plain.".into(),
                "Take the photo against a plain, light wall with no shadow.".into(),
                "写真の背景が無地ではないようです。".into(),
                "影のない無地の明るい壁を背景に撮影してください。".into()),
            PhotoBlurred => ("photo_blurred", W,
                "The photo looks blurred.".into(),
                "Take the photo again, holding the camera still and focusing on the face.".into(),
                "写真がぼやけているようです。".into(),
                "カメラを固定し、顔にピントを合わせて撮影し直してください。".into()),
            PhotoHasLocation => ("photo_has_location", W,
                "The photo carries the GPS location where it was taken.".into(),
                "Use the photo fix, which drops the location and other metadata.".into(),
                "写真に撮影場所（GPS）の情報が含まれています。".into(),
                "写真の修正を使うと、位置情報などのメタデータが取り除かれます。".into()),
            SetTooManyFiles { count, max } => ("set_too_many_files", E,
                format!("{count} files are attached; at most {max} are accepted, the photo included."),
                "Merge related PDFs into one (`zairyu fix merge`), or leave out what is not required.".into(),
                format!("{count}件のファイルが添付されています。写真を含めて{max}件までです。"),
                "関連するPDFを1つにまとめるか、必須でないものを外してください。".into()),
            SetTooLarge { total, max } => ("set_too_large", E,
                format!("The files add up to {total} bytes; at most {max} bytes are accepted, the photo included."),
                "Shrink scanned PDFs (scan at 200 dpi in greyscale) or the photo.".into(),
                format!("ファイルの合計が{total}バイトです。写真を含めて{max}バイトまでです。"),
                "スキャンしたPDF（200dpi・グレースケール推奨）や写真を縮小してください。".into()),
            SetDuplicate { first, second } => ("set_duplicate_file", W,
                format!("{second} is the same file as {first}."),
                "Remove one of the two.".into(),
                format!("{second} は {first} と同じファイルです。"),
                "どちらか一方を外してください。".into()),
            UnsupportedFile { actually } => ("file_unsupported", E,
                format!("This file is {actually}; only a JPEG photo and PDF documents can be attached."),
                "Convert the document to PDF.".into(),
                format!("このファイルは{}です。添付できるのはJPEGの写真とPDFの書類だけです。", ja_kind(actually)),
                "書類をPDFに変換してください。".into()),
        };
        Finding {
            code: code.to_owned(),
            severity,
            message,
            hint,
            message_ja,
            hint_ja,
        }
    }
}

fn ja_kind(kind: &str) -> &'static str {
    match kind {
        "a JPEG image" => "JPEG画像",
        "a PNG image" => "PNG画像",
        "a PDF document" => "PDF文書",
        "an HTML page" => "HTMLページ",
        "a ZIP archive (or Office document)" => "ZIPアーカイブ（またはOffice文書）",
        "an empty file" => "空のファイル",
        "a GIF image" => "GIF画像",
        "a HEIC/HEIF image" => "HEIC/HEIF画像",
        "plain text" => "テキスト",
        _ => "不明な形式のファイル",
    }
}

fn ja_restriction(what: &str) -> String {
    what.replace("printing", "印刷")
        .replace("copying", "コピー")
        .replace("changing", "変更")
        .replace(" and ", "・")
        .replace(", ", "・")
}

/// "2", "2 and 5", "2, 5 and 7" (at most ten numbers, then "…").
fn page_list(pages: &[u32]) -> String {
    let mut shown: Vec<String> = pages.iter().take(10).map(u32::to_string).collect();
    if pages.len() > 10 {
        shown.push("…".into());
    }
    match shown.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "2", "2・5", "2・5・7" (at most ten numbers, then "…").
fn page_list_ja(pages: &[u32]) -> String {
    let mut shown: Vec<String> = pages.iter().take(10).map(u32::to_string).collect();
    if pages.len() > 10 {
        shown.push("…".into());
    }
    shown.join("・")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finding_has_both_languages_and_a_hint() {
        let samples = [
            Problem::EmptyFile,
            Problem::NotPdf {
                actually: "a JPEG image",
            },
            Problem::PdfRestricted {
                what: "printing and copying".into(),
            },
            Problem::PhotoTooOld {
                taken: "2025-01-01".into(),
                days: 400,
            },
            Problem::SetTooLarge {
                total: 26_000_000,
                max: 25_000_000,
            },
            Problem::PdfPageBlank {
                pages: vec![2, 5],
                of: 7,
            },
            Problem::PdfTooManyValues {
                count: 2_800_000,
                max: 279_620,
            },
            Problem::PhotoDecodeTooLarge {
                width: 5000,
                height: 5000,
                max: 50_331_648,
            },
        ];
        for problem in samples {
            let f = problem.finding();
            assert!(!f.message.is_empty() && !f.hint.is_empty(), "{f:?}");
            assert!(!f.message_ja.is_empty() && !f.hint_ja.is_empty(), "{f:?}");
            assert!(f
                .code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()));
        }
        let blank = Problem::PdfPageBlank {
            pages: vec![2, 5, 7],
            of: 7,
        }
        .finding();
        assert!(
            blank.message.starts_with("Pages 2, 5 and 7 of 7"),
            "{}",
            blank.message
        );
        assert!(
            blank.message_ja.contains("2・5・7ページ目"),
            "{}",
            blank.message_ja
        );
        let f = Problem::PdfRestricted {
            what: "printing and copying".into(),
        }
        .finding();
        assert!(f.message_ja.contains("印刷・コピー"), "{}", f.message_ja);
        assert!(Problem::NotPdf {
            actually: "a JPEG image"
        }
        .finding()
        .message_ja
        .contains("JPEG画像"));
    }
}
