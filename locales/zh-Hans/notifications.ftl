## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

notification-title = 申请状况：{ $status }
notification-body = { $procedure }（整理号码 { $reference }）现在是“{ $status }”。
notification-body-returned = { $procedure }（整理号码 { $reference }）现在是“{ $status }”。请打开 Zairyu 查看需要修改的内容。
notification-status-pending = 申请中
notification-status-application_completed = 申请完成
notification-status-under_review = 审查中
notification-status-awaiting_issuance = 等待交付
notification-status-in_return_process = 退回中
notification-status-completed = 完成
notification-status-completed_not_permitted = 完成（不许可）
