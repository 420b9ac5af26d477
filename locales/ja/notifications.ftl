### デスクトップ通知（crates/app status_watch.rs）

## 申請状況の変化

notification-title = 申請状況：{ $status }
notification-body = { $procedure }（整理番号 { $reference }）は「{ $status }」になりました。
notification-body-returned = { $procedure }（整理番号 { $reference }）は「{ $status }」になりました。修正内容は Zairyu で確認してください。

## 申請状況の名称（マニュアル 5.1）

notification-status-pending = 申請中
notification-status-application_completed = 申請完了
notification-status-under_review = 審査中
notification-status-awaiting_issuance = 交付待ち
notification-status-in_return_process = 差戻し中
notification-status-completed = 完了
notification-status-completed_not_permitted = 完了（不許可）
