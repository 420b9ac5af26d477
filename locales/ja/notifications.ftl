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

## card-expiry helper (issue 16): the card's certificate ends too early for an application

notification-card-expiry-title = マイナンバーカードの電子証明書の有効期限が近づいています
notification-card-expiry-before-decision = カードの利用者証明用電子証明書は { $card } に有効期限を迎え、{ $procedure }の審査が終わる頃（{ $decision } ごろ）より前に切れます。それまでに市区町村の窓口で電子証明書を更新するか、地方出入国在留管理官署の窓口で申請してください。
notification-card-expiry-before-stay = カードの利用者証明用電子証明書は { $card } に有効期限を迎え、在留期間の満了日（{ $stay }）より前に切れます。{ $card } までに市区町村の窓口で更新してください。

## installed helper (issue 16): the card's certificate ends while a filed application is still examined
notification-card-expiry-while-pending = カードの利用者証明用電子証明書は { $card } に有効期限を迎えますが、{ $procedure }（整理番号 { $reference }）はまだ審査中です（結果は { $decision } ごろの見込み）。期限後はオンラインで対応できなくなるため、{ $card } までに市区町村の窓口で更新してください。
