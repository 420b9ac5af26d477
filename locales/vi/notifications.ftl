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
