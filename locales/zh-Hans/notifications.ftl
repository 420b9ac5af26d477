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

## unreviewed: card-expiry helper (issue 16): the card's certificate ends too early for an application

notification-card-expiry-title = 您的个人编号卡电子证书即将到期
notification-card-expiry-before-decision = 卡的用户认证电子证书将于 { $card } 到期，早于 { $procedure } 的审查结果（约 { $decision }）。请在此之前到市区町村窗口更新证书，或到出入国在留管理局窗口当面申请。
notification-card-expiry-before-stay = 卡的用户认证电子证书将于 { $card } 到期，早于您的在留期间届满日（{ $stay }）。请在 { $card } 之前到市区町村窗口更新。

## unreviewed: installed helper (issue 16): the card's certificate ends while a filed application is still examined
notification-card-expiry-while-pending = 卡的用户认证电子证书将于 { $card } 到期，而 { $procedure }（整理号码 { $reference }）仍在审查中（预计约 { $decision } 出结果）。到期后将无法在线处理：请在 { $card } 之前到市区町村窗口更新证书。
