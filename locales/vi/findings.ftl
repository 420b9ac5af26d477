### Kết quả kiểm tra cục bộ (crates/checks) và kiểm tra đơn (crates/forms).

## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

file_unreadable = Không đọc được tệp: { $reason }.
    .hint = Hãy kiểm tra tệp tồn tại và bạn có quyền mở nó.
file_empty = Tệp rỗng (0 byte).
    .hint = Hãy quét hoặc xuất lại giấy tờ và đính kèm tệp mới.
pdf_not_a_pdf = Tệp này không phải PDF: thực chất là { $actually }, chỉ được đặt tên giống PDF.
    .hint = Hãy chuyển sang PDF (in ra PDF, hoặc dùng chế độ PDF của máy quét) rồi đính kèm tệp PDF.
pdf_unreadable = Không đọc được PDF: { $reason }.
    .hint = Hãy mở bằng trình xem PDF rồi lưu hoặc in ra một PDF mới, sau đó đính kèm tệp đó.
pdf_password_protected = PDF cần mật khẩu để mở; Cục không mở được và sẽ hủy nó mà không báo cho bạn.
    .hint = Hãy xin nơi tạo tệp một bản không có mật khẩu, hoặc mở bằng mật khẩu rồi in ra PDF mới.
pdf_restricted = PDF cấm { $what }; Cục hủy các PDF bị hạn chế mà không báo cho bạn.
    .hint = Hãy chạy chức năng sửa (`zairyu fix pdf IN OUT`, hoặc nút Sửa) để tạo bản không bị hạn chế.
pdf_encrypted = PDF đã được mã hóa (không có hạn chế, nhưng PDF mã hóa được coi như có mật khẩu).
    .hint = Hãy chạy chức năng sửa (`zairyu fix pdf IN OUT`, hoặc nút Sửa) để tạo bản không mã hóa.
pdf_damaged = PDF bị hỏng ({ $what }); trình xem dễ dãi có thể tự sửa, hệ thống của Cục thì có thể không.
    .hint = Hãy mở bằng trình xem PDF rồi lưu hoặc in ra PDF mới, hoặc quét lại giấy tờ.
pdf_truncated = PDF bị cắt cụt: thiếu dấu kết thúc tệp, nên một phần đã mất khi sao chép hoặc tải xuống.
    .hint = Hãy sao chép hoặc tải lại tệp từ nguồn.
pdf_no_pages = PDF không có trang nào.
    .hint = Hãy xuất hoặc quét lại giấy tờ.
pdf_too_complex = { $kind ->
        [values] Cấu trúc PDF chứa khoảng { $count } giá trị (nhiều hơn { $max }), nhiều hơn hẳn mọi tài liệu quét; đọc nó sẽ tốn quá nhiều bộ nhớ nên bị từ chối để bảo vệ máy tính này.
       *[objects] PDF có { $count } đối tượng, nhiều hơn hẳn mọi tài liệu quét; bị từ chối để bảo vệ máy tính này.
    }
    .hint = Hãy in ra PDF mới, hoặc quét giấy tờ gốc.
pdf_inflates_too_much = Dữ liệu đối tượng nén của PDF giải nén ra hơn { $mb } MB, nhiều hơn hẳn mọi tài liệu quét; bị từ chối để bảo vệ máy tính này.
    .hint = Hãy in ra PDF mới ("Save as PDF" hoặc "Microsoft Print to PDF"), hoặc quét giấy tờ gốc.
files_decode_too_large = Ảnh và các PDF của lần nộp này giải nén tổng cộng hơn { $mb } MB, nhiều hơn một đơn cần.
    .hint = Hãy gửi ít tệp hơn hoặc tệp nhỏ hơn: thu nhỏ ảnh (zairyu fix photo) và in các PDF lớn ra tệp mới.
pdf_page_blank = Trang { $pages } trong { $of } trang không hiển thị gì: không có chữ, hình vẽ hay ảnh quét đọc được (có thể việc quét bị ngắt giữa chừng). Thẩm tra viên sẽ thấy một trang trắng.
    .hint = Hãy quét lại trang đó, hoặc xuất hay in tài liệu ra PDF mới, và kiểm tra mọi trang đều hiện trong trình xem PDF.
pdf_too_large_to_shrink = Dù đã thu nhỏ các trang quét, PDF vẫn là { $bytes } byte, hơn { $max }.
    .hint = Hãy quét lại ở 150 dpi thang xám, hoặc chia nhỏ tài liệu.
pdf_version_too_new = PDF là phiên bản { $version }, không phải ISO 32000-1 (PDF 1.7): hệ thống của Cục không nhận làm tệp đính kèm.
    .hint = Hãy lưu hoặc in thành PDF 1.7 hoặc PDF/A ("tương thích Acrobat 8" trở lên), rồi đính kèm tệp đó.
pdf_has_javascript = PDF chứa JavaScript, hệ thống của Cục có thể từ chối.
    .hint = Hãy in ra PDF mới, việc này loại bỏ các đoạn mã.
pdf_has_launch_action = PDF chứa thao tác khởi chạy chương trình khác.
    .hint = Hãy in ra PDF mới, việc này loại bỏ các thao tác.
pdf_has_embedded_files = PDF có tệp nhúng, không thuộc tài liệu mà Cục đọc.
    .hint = Hãy đính kèm mỗi giấy tờ thành một PDF riêng, hoặc in tệp này ra PDF mới.
photo_not_jpeg = Ảnh phải là tệp JPEG; tệp này là { $actually }.
    .hint = Hãy lưu ảnh dạng JPEG (.jpg), hoặc dùng chức năng sửa ảnh (ghi ra JPEG).
photo_damaged = Không giải mã được ảnh: { $reason }.
    .hint = Hãy xuất lại ảnh từ máy ảnh hoặc điện thoại.
photo_truncated = Tệp ảnh bị cắt cụt (thiếu dấu kết thúc JPEG), nên mất một phần hình.
    .hint = Hãy sao chép hoặc xuất lại ảnh.
photo_too_many_pixels = Ảnh khai báo { $width }×{ $height } điểm ảnh, nhiều hơn hẳn mọi máy ảnh; bị từ chối để bảo vệ máy tính này.
    .hint = Hãy xuất lại ảnh từ máy ảnh hoặc điện thoại.
photo_decode_too_large = Mở ảnh { $width }×{ $height } này cần hơn { $mb } MB bộ nhớ (JPEG lũy tiến hoặc CMYK); bị từ chối để bảo vệ máy tính này.
    .hint = Hãy xuất lại ảnh từ máy ảnh, điện thoại hoặc trình chỉnh sửa thành JPEG màu thông thường (baseline, không lũy tiến) tối đa 12 megapixel.
photo_not_3_4 = Ảnh có { $width }×{ $height } điểm ảnh; phải là ảnh dọc tỉ lệ 3:4 (rộng 30 mm, cao 40 mm).
    .hint = Hãy dùng chức năng sửa ảnh để cắt thành 3:4 quanh tâm.
photo_too_small = Ảnh chỉ có { $width }×{ $height } điểm ảnh; cần ít nhất { $min_w }×{ $min_h } để khuôn mặt rõ.
    .hint = Hãy chụp hoặc quét lại ảnh ở độ phân giải cao hơn.
photo_file_large = Tệp ảnh có { $bytes } byte; hệ thống trực tuyến được cho là chỉ nhận tối đa { $max } byte.
    .hint = Hãy dùng chức năng sửa ảnh để thu nhỏ.
photo_too_old = Ảnh được chụp ngày { $taken }, cách đây { $days } ngày; ảnh phải được chụp trong vòng sáu tháng gần đây.
    .hint = Hãy chụp ảnh mới.
photo_date_unknown = Ảnh không có ngày chụp nên Zairyu không xác minh được ảnh trong sáu tháng gần đây.
    .hint = Hãy chắc chắn ảnh được chụp trong vòng sáu tháng; Cục có thể hỏi.
photo_date_in_future = Ảnh ghi ngày chụp là { $taken }, một ngày trong tương lai; đồng hồ máy ảnh có thể sai.
    .hint = Hãy kiểm tra ngày chụp ảnh.
photo_background_busy = Nền của ảnh trông không trơn.
    .hint = Hãy chụp trước một bức tường trơn, sáng màu, không có bóng.
photo_blurred = Ảnh trông bị mờ.
    .hint = Hãy chụp lại, giữ máy ảnh cố định và lấy nét vào khuôn mặt.
photo_has_location = Ảnh chứa vị trí GPS nơi chụp.
    .hint = Hãy dùng chức năng sửa ảnh, nó loại bỏ vị trí và siêu dữ liệu khác.
set_too_many_files = Đã đính kèm { $count } tệp; chỉ nhận tối đa { $max } tệp, kể cả ảnh.
    .hint = Hãy gộp các PDF liên quan thành một (`zairyu fix merge`), hoặc bỏ những gì không bắt buộc.
set_too_large = Các tệp cộng lại là { $total } byte; chỉ nhận tối đa { $max } byte, kể cả ảnh.
    .hint = Hãy thu nhỏ các PDF quét (quét 200 dpi thang xám) hoặc ảnh.
set_duplicate_file = { $second } là cùng một tệp với { $first }.
    .hint = Hãy bỏ một trong hai.
file_unsupported = Tệp này là { $actually }; chỉ đính kèm được ảnh JPEG và giấy tờ PDF.
    .hint = Hãy chuyển giấy tờ sang PDF.
finding-in-file = { $file }: { $message }

term-jpeg = một ảnh JPEG
term-png = một ảnh PNG
term-pdf = một tài liệu PDF
term-html = một trang HTML
term-zip = một tệp nén ZIP (hoặc tài liệu Office)
term-empty = một tệp rỗng
term-gif = một ảnh GIF
term-heic = một ảnh HEIC/HEIF
term-text = văn bản thuần
term-unknown = một tệp không rõ loại
term-printing = in
term-copying = sao chép
term-changing = chỉnh sửa

form-required = { $label }: bắt buộc; hãy nhập.
form-required_box = { $label }: hãy đánh dấu ô này để tiếp tục.
form-mismatch = { $label }: không khớp với lần nhập đầu. Hãy gõ cùng một nội dung ở cả hai.
form-unknown_field = { $path } không thuộc đơn này; hãy xóa nó.
form-too_large = { $label }: tối đa { $max }; hãy sửa số.
form-wrong_type = { $label }: phải là { $expected ->
        [boolean] true hoặc false
        [integer] một số nguyên
        [rows] một danh sách các dòng
       *[text] văn bản
    }.
form-wrong_type_row = { $label }: mỗi dòng phải là một đối tượng gồm các cột.
form-too_long = { $label }: tối đa { $max } ký tự; hiện có { $chars }. Hãy rút ngắn.
form-too_short = { $label }: ít nhất { $min } ký tự.
form-not_half_width = { $label }: chỉ dùng chữ cái, chữ số và ký hiệu 1 byte (nửa độ rộng).
form-not_full_width = { $label }: chỉ dùng ký tự 2 byte (toàn độ rộng).
form-not_a_choice = { $label }: hãy chọn một trong { $choices }.
form-too_many_rows = { $label }: tối đa { $max } dòng; phần còn lại hãy đính kèm trang riêng.
form-bad_format = { $label }: { $format ->
        [date] hãy nhập một ngày có thật dạng YYYY-MM-DD, ví dụ 2001-04-15.
        [month] hãy nhập tháng dạng YYYY-MM, ví dụ 2027-03.
        [email] hãy nhập địa chỉ e-mail bằng ký tự 1 byte, tối đa 60, như name@example.jp.
        [postal_code] hãy nhập 7 chữ số không có gạch nối, ví dụ 8748577.
        [telephone] chỉ chữ số, tối đa 12, không có gạch nối.
        [residence_card_number] 2 chữ in hoa, 8 chữ số, 2 chữ in hoa, như in ở góc trên bên phải thẻ lưu trú (ví dụ AB12345678CD).
        [english_name] chữ in hoa như trên thẻ lưu trú (A–Z, dấu cách, gạch nối, dấu phẩy, dấu chấm).
       *[reception_number] tối đa 13 ký tự: chữ Hán, katakana hoặc chữ cái 2 byte và chữ số 1 byte, ví dụ 東オソ認T00011111.
    }
form-reentry_needs_counter = Giấy phép tái nhập cảnh xin cùng lúc được nhận tại quầy của cơ quan khu vực: hãy chọn quầy, hoặc bỏ đánh dấu giấy phép tái nhập cảnh.
form-part_time_needs_permission = Bạn cho biết có làm thêm: hãy xin đồng thời giấy phép hoạt động ngoài tư cách lưu trú (đánh dấu ở phần nộp đồng thời).

document_missing = Chưa đính kèm tệp cho mục { $number }, { $title }.
    .hint = Hãy đính kèm PDF cho mục này, hoặc gán một tệp đã đính kèm cho mục này.
