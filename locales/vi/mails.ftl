### E-mail do máy chủ tiếp nhận gửi (crates/server mail_text.rs): mỗi thông điệp là tiêu đề,
### `.body` là nội dung. (helper labels, issue 17)

## unreviewed: the server's mails (helper labels)

mail-register-confirm = Zairyu: xác nhận địa chỉ e-mail của bạn
    .body =
        Hãy mở liên kết này trong vòng 24 giờ để tiếp tục đăng ký (chỉ dùng được một lần):
        { $url }

        Hoặc dán mã này vào Zairyu: { $code }
mail-user-id = Zairyu: ID người dùng của bạn
    .body = ID người dùng của bạn là { $user_id }.
mail-staff-user-id = Zairyu: ID người dùng của bạn
    .body = ID người dùng của bạn là { $user_id } (nhân viên của { $organisation }).
mail-password-changed = Zairyu: mật khẩu của bạn đã được thay đổi
    .body = Mật khẩu tài khoản Zairyu của bạn đã được thay đổi và mọi phiên đăng nhập khác đã kết thúc. Nếu không phải bạn, hãy đặt mật khẩu mới bằng “quên mật khẩu”.
mail-password-reset = Zairyu: đặt lại mật khẩu
    .body = Mã để đặt mật khẩu mới (24 giờ, một lần): { $code }
mail-email-in-use = Zairyu: thay đổi địa chỉ e-mail
    .body = Có người yêu cầu chuyển một tài khoản Zairyu sang địa chỉ này, nhưng địa chỉ đã được một tài khoản khác sử dụng nên không có gì thay đổi. Hãy dùng “quên ID người dùng” nếu bạn cần ID của tài khoản đó.
mail-email-change-confirm = Zairyu: xác nhận địa chỉ e-mail mới
    .body = Mã để xác nhận địa chỉ này (24 giờ, một lần): { $code }
mail-email-changed = Zairyu: địa chỉ e-mail của bạn đã được thay đổi
    .body = Địa chỉ e-mail của tài khoản Zairyu đã được thay đổi; thông báo từ nay được gửi đến địa chỉ mới. Nếu không phải bạn, hãy liên hệ quầy tiếp nhận.
mail-staff-invitation = Zairyu: lời mời dành cho nhân viên cơ quan
    .body =
        Bạn được mời đăng ký làm { $kind } của { $organisation } ({ $organisation_id }).
        Trong Zairyu, hãy chọn “Đăng ký bằng lời mời” và nhập mã này trong vòng 7 ngày (chỉ dùng được một lần):
        { $code }
mail-staff-kind-school = Nhân viên cơ quan trực thuộc
mail-staff-kind-attorney = Luật sư / Chuyên viên thủ tục hành chính
mail-application-received = Zairyu: đã tiếp nhận đơn
    .body =
        Số tham chiếu: { $reference }
        Số tiếp nhận tạm thời: { $temporary }
        Tình trạng: { $status }
mail-resubmission-received = Zairyu: đã tiếp nhận đơn nộp lại
    .body = Đơn đã sửa { $reference } (phiên bản { $version }) của bạn đã được tiếp nhận.
mail-application-accepted = Zairyu: đơn đã được thụ lý
    .body = Đơn { $reference } (số tiếp nhận tạm thời { $temporary }) của bạn đã được thụ lý: tình trạng hiện tại là { $status }.
mail-status-changed = Zairyu: đơn của bạn
    .body = Tình trạng đơn { $reference } của bạn hiện là: { $status }
mail-revision-requested = Zairyu: đơn của bạn
    .body = Đơn { $reference } của bạn cần chỉnh sửa: { $message }
mail-receipt-method-changed = Zairyu: đã thay đổi cách nhận thẻ
    .body =
        Đơn xin thay đổi cách nhận thẻ của bạn đã được tiếp nhận.
        Đơn: { $reference } ({ $number_kind } { $number })
        Loại thay đổi: { $classification }
        Cách nhận hiện nay: { $method }
mail-copy = Bản sao
    .body = Bản sao thông báo đã gửi cho { $name } ({ $user_id }), người mà bạn đã nộp đơn { $reference } thay.
