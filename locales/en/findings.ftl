### Findings of the local checks (crates/checks) and of the forms (crates/forms). A check's
### message id is its code; its fix is the attribute `.hint`. A form finding's id is
### `form-<code>`. Arguments: numbers are formatted for the language, ISO dates too, and an
### argument naming a `term-*` message is shown as that term.

## The checks' findings

file_unreadable = The file cannot be read: { $reason }.
    .hint = Check that the file exists and that you may open it.
file_empty = The file is empty (0 bytes).
    .hint = Scan or export the document again and attach the new file.
pdf_not_a_pdf = This file is not a PDF: it is { $actually }, only named like a PDF.
    .hint = Convert it to PDF (print to PDF, or use your scanner's PDF mode) and attach the PDF.
pdf_unreadable = The PDF cannot be read: { $reason }.
    .hint = Open it in a PDF viewer and save or print it to a new PDF, then attach that.
pdf_password_protected = The PDF needs a password to open; the agency cannot open it and discards it without telling you.
    .hint = Ask whoever made the file for a copy without a password, or open it with the password and print it to a new PDF.
pdf_restricted = The PDF forbids { $what }; the agency discards restricted PDFs without telling you.
    .hint = Run the fix (`zairyu fix pdf IN OUT`, or the Fix button) to make an unrestricted copy.
pdf_encrypted = The PDF is encrypted (without a restriction, but encrypted PDFs are treated as password-protected).
    .hint = Run the fix (`zairyu fix pdf IN OUT`, or the Fix button) to make an unencrypted copy.
pdf_damaged = The PDF is damaged ({ $what }); a lenient viewer may repair it, the agency's system may not.
    .hint = Open it in a PDF viewer and save or print it to a new PDF, or scan the document again.
pdf_truncated = The PDF is cut short: its end-of-file marker is missing, so part of it was lost in copying or downloading.
    .hint = Copy or download the file again from its source.
pdf_no_pages = The PDF has no pages.
    .hint = Export or scan the document again.
pdf_too_complex = { $kind ->
        [values] The PDF's structure holds about { $count } values (more than { $max }), far more than any scanned document; reading it would take too much memory, so it is refused to protect this computer.
       *[objects] The PDF has { $count } objects, far more than any scanned document; it is refused to protect this computer.
    }
    .hint = Print it to a new PDF, or scan the paper document.
pdf_inflates_too_much = The PDF's packed object data unpacks to more than { $mb } MB, far more than any scanned document; it is refused to protect this computer.
    .hint = Print it to a new PDF ("Save as PDF" or "Microsoft Print to PDF"), or scan the paper document.
files_decode_too_large = Together the photo and the PDFs of this submission unpack to more than { $mb } MB, more than one application needs.
    .hint = Send fewer or smaller files: shrink the photo (zairyu fix photo) and print large PDFs to new ones.
pdf_page_blank = { $count ->
        [one] Page { $pages } of { $of } shows nothing
       *[other] Pages { $pages } of { $of } show nothing
    }: no text, drawing or readable scanned image (the scan may have been cut short). The examiner would see a blank page.
    .hint = Scan the page again, or export or print the document to a new PDF, and check that every page shows in a PDF viewer.
pdf_too_large_to_shrink = Even with its scanned pages made smaller the PDF is { $bytes } bytes, more than { $max }.
    .hint = Scan the paper again at 150 dpi in greyscale, or split the document.
pdf_version_too_new = The PDF is version { $version }, not ISO 32000-1 (PDF 1.7): the agency's system cannot accept it as an attachment.
    .hint = Save or print it as PDF 1.7 or PDF/A ("compatible with Acrobat 8" or later), then attach that.
pdf_has_javascript = The PDF contains JavaScript, which the agency's system may refuse.
    .hint = Print it to a new PDF, which drops scripts.
pdf_has_launch_action = The PDF contains an action that launches another program.
    .hint = Print it to a new PDF, which drops actions.
pdf_has_embedded_files = The PDF carries embedded files, which are not part of the document the agency reads.
    .hint = Attach each document as its own PDF, or print this one to a new PDF.
photo_not_jpeg = The photo must be a JPEG file; this one is { $actually }.
    .hint = Save the photo as JPEG (.jpg), or run the photo fix, which writes a JPEG.
photo_damaged = The photo cannot be decoded: { $reason }.
    .hint = Export the photo again from your camera or phone.
photo_truncated = The photo file is cut short (its JPEG end marker is missing), so part of the picture is lost.
    .hint = Copy or export the photo again.
photo_too_many_pixels = The photo claims { $width }×{ $height } pixels, far more than any camera; it is refused to protect this computer.
    .hint = Export the photo again from your camera or phone.
photo_decode_too_large = Opening this { $width }×{ $height } photo would take more than { $mb } MB of memory (it is a progressive or CMYK JPEG); it is refused to protect this computer.
    .hint = Export the photo again from your camera, phone or editor as an ordinary (baseline, not progressive) colour JPEG of 12 megapixels or fewer.
photo_not_3_4 = The photo is { $width }×{ $height } pixels; it must be a 3:4 portrait (30 mm wide, 40 mm tall).
    .hint = Use the photo fix to crop it to 3:4 around the centre.
photo_too_small = The photo is only { $width }×{ $height } pixels; at least { $min_w }×{ $min_h } is needed for a clear face.
    .hint = Take or scan the photo again at a higher resolution.
photo_file_large = The photo file is { $bytes } bytes; the online system is reported to accept at most { $max } bytes.
    .hint = Use the photo fix to shrink it.
photo_too_old = The photo was taken on { $taken }, { $days } days ago; it must be taken within the last six months.
    .hint = Take a new photo.
photo_date_unknown = The photo carries no date it was taken, so Zairyu cannot verify it is from the last six months.
    .hint = Make sure it was taken within six months; the agency may ask.
photo_date_in_future = The photo says it was taken on { $taken }, which is in the future; the camera clock may be wrong.
    .hint = Check the date the photo was taken.
photo_background_busy = The background of the photo does not look plain.
    .hint = Take the photo against a plain, light wall with no shadow.
photo_blurred = The photo looks blurred.
    .hint = Take the photo again, holding the camera still and focusing on the face.
photo_has_location = The photo carries the GPS location where it was taken.
    .hint = Use the photo fix, which drops the location and other metadata.
set_too_many_files = { $count } files are attached; at most { $max } are accepted, the photo included.
    .hint = Merge related PDFs into one (`zairyu fix merge`), or leave out what is not required.
set_too_large = The files add up to { $total } bytes; at most { $max } bytes are accepted, the photo included.
    .hint = Shrink scanned PDFs (scan at 200 dpi in greyscale) or the photo.
set_duplicate_file = { $second } is the same file as { $first }.
    .hint = Remove one of the two.
file_unsupported = This file is { $actually }; only a JPEG photo and PDF documents can be attached.
    .hint = Convert the document to PDF.
# A finding about one attached file, led by the file's name.
finding-in-file = { $file }: { $message }

## What a file really is, and what a PDF forbids (arguments of the findings above)

term-jpeg = a JPEG image
term-png = a PNG image
term-pdf = a PDF document
term-html = an HTML page
term-zip = a ZIP archive (or Office document)
term-empty = an empty file
term-gif = a GIF image
term-heic = a HEIC/HEIF image
term-text = plain text
term-unknown = a file of an unknown kind
term-printing = printing
term-copying = copying
term-changing = changing

## The forms' findings: `label` is the field's name in this language (in a language the
## agency's forms do not use, the English name with the official Japanese term beside it)

form-required = { $label }: required; enter it.
form-required_box = { $label }: tick this box to continue.
form-mismatch = { $label }: does not match the first entry. Type the same text in both.
form-unknown_field = { $path } is not part of this form; remove it.
form-too_large = { $label }: at most { $max }; correct the number.
form-wrong_type = { $label }: must be { $expected ->
        [boolean] true or false
        [integer] a whole number
        [rows] a list of rows
       *[text] text
    }.
form-wrong_type_row = { $label }: each row must be an object of columns.
form-too_long = { $label }: up to { $max } characters; this has { $chars }. Shorten it.
form-too_short = { $label }: at least { $min } characters.
form-not_half_width = { $label }: use 1-byte (half-width) letters, digits and symbols only.
form-not_full_width = { $label }: use 2-byte (full-width) characters only.
form-not_a_choice = { $label }: choose one of { $choices }.
form-too_many_rows = { $label }: at most { $max } rows; attach a separate sheet for the rest.
form-bad_format = { $label }: { $format ->
        [date] enter a real date as YYYY-MM-DD, e.g. 2001-04-15.
        [month] enter a month as YYYY-MM, e.g. 2027-03.
        [email] enter an e-mail address of 1-byte characters, up to 60, like name@example.jp.
        [postal_code] enter the 7 digits without a hyphen, e.g. 8748577.
        [telephone] digits only, up to 12, without hyphens.
        [residence_card_number] 2 capital letters, 8 digits, 2 capital letters, as printed at the top right of the residence card (e.g. AB12345678CD).
        [english_name] capital letters as on the residence card (A–Z, spaces, hyphens, commas, periods).
       *[reception_number] up to 13 characters: 2-byte kanji, katakana or letters and 1-byte digits, e.g. 東オソ認T00011111.
    }
form-reentry_needs_counter = A re-entry permit applied for at the same time is received at the regional office counter: choose the counter, or untick the re-entry permit.
form-part_time_needs_permission = You said you work part-time: apply for permission for activity outside your status at the same time (tick it under simultaneous applications).

## The student documents of manual 4.2.8

document_missing = No file is attached for item { $number }, { $title }.
    .hint = Attach the PDF for it, or assign an attached file to this item.
