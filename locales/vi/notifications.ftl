## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

notification-title = Tình trạng đơn: { $status }
notification-body = { $procedure } (số { $reference }) bây giờ là { $status }.
notification-body-returned = { $procedure } (số { $reference }) bây giờ là { $status }. Hãy mở Zairyu để xem cần sửa gì.
notification-status-pending = Đang xử lý
notification-status-application_completed = Đã hoàn tất nộp đơn
notification-status-under_review = Đang thẩm tra
notification-status-awaiting_issuance = Chờ cấp
notification-status-in_return_process = Đang bị trả lại
notification-status-completed = Hoàn tất
notification-status-completed_not_permitted = Hoàn tất (không được cấp phép)

## unreviewed: card-expiry helper (issue 16): the card's certificate ends too early for an application

notification-card-expiry-title = Chứng thư của thẻ My Number sắp hết hạn
notification-card-expiry-before-decision = Chứng thư xác thực người dùng của thẻ hết hạn ngày { $card }, trước khi { $procedure } có kết quả (khoảng { $decision }). Hãy gia hạn chứng thư tại văn phòng thành phố trước ngày đó, hoặc nộp hồ sơ trực tiếp tại cơ quan xuất nhập cảnh.
notification-card-expiry-before-stay = Chứng thư xác thực người dùng của thẻ hết hạn ngày { $card }, trước khi thời hạn lưu trú của bạn kết thúc ({ $stay }). Hãy gia hạn tại văn phòng thành phố trước ngày { $card }.

## unreviewed: installed helper (issue 16): the card's certificate ends while a filed application is still examined
notification-card-expiry-while-pending = Chứng thư xác thực người dùng của thẻ hết hạn ngày { $card }, trong khi { $procedure } (số { $reference }) vẫn đang được xét duyệt (dự kiến có kết quả khoảng { $decision }). Sau ngày đó bạn không thể xử lý trực tuyến: hãy gia hạn chứng thư tại văn phòng thành phố trước ngày { $card }.
