### 受付サーバーが送るメール（crates/server mail_text.rs）：メッセージが件名、`.body` が本文。
### (helper labels, issue 17)

## アカウント

mail-user-id = Zairyu：利用者ID
    .body = 利用者IDは { $user_id } です。
mail-staff-user-id = Zairyu：利用者ID
    .body = 利用者IDは { $user_id } です（{ $organisation }の職員）。

## 所属機関

mail-staff-kind-school = 所属機関等職員
mail-staff-kind-attorney = 弁護士・行政書士

## 申請

mail-application-received = Zairyu：申請を受け付けました
    .body =
        受付番号：{ $reference }
        仮受付番号：{ $temporary }
        状況：{ $status }
mail-resubmission-received = Zairyu：再申請を受け付けました
    .body = 修正した申請 { $reference }（第{ $version }版）を受け付けました。
mail-application-accepted = Zairyu：申請を受理しました
    .body = 申請 { $reference }（仮受付番号 { $temporary }）を受理しました。現在の状況：{ $status }
mail-receipt-method-changed = Zairyu：受領方法の変更を受け付けました
    .body =
        受領方法変更申請を受け付けました。
        申請：{ $reference }（{ $number_kind } { $number }）
        変更区分：{ $classification }
        変更後の受領方法：{ $method }

## unreviewed: Japanese written for these mails, not in the old bilingual texts (helper labels)

mail-register-confirm = Zairyu：メールアドレスの確認
    .body =
        24時間以内に次のリンクを開いて登録を続けてください（1回のみ有効）：
        { $url }

        または、このコードをZairyuに貼り付けてください：{ $code }
mail-password-changed = Zairyu：パスワードが変更されました
    .body = Zairyuのパスワードが変更され、ほかのサインインはすべて終了しました。心当たりがない場合は「パスワードを忘れた」から再設定してください。
mail-password-reset = Zairyu：パスワードの再設定
    .body = 新しいパスワードを設定するためのコード（24時間、1回のみ有効）：{ $code }
mail-email-in-use = Zairyu：メールアドレスの変更
    .body = Zairyuのアカウントをこのアドレスに移す依頼がありましたが、このアドレスは既に別のアカウントで使われているため、変更は行われませんでした。そのアカウントの利用者IDが必要な場合は「利用者IDを忘れた」を使ってください。
mail-email-change-confirm = Zairyu：新しいメールアドレスの確認
    .body = このアドレスを確認するためのコード（24時間、1回のみ有効）：{ $code }
mail-email-changed = Zairyu：メールアドレスが変更されました
    .body = Zairyuアカウントのメールアドレスが変更されました。今後のお知らせは新しいアドレスに届きます。心当たりがない場合は窓口に連絡してください。
mail-staff-invitation = Zairyu：所属機関職員の招待
    .body =
        { $organisation }（{ $organisation_id }）の{ $kind }として登録するよう招待されました。
        Zairyuで「招待コードで登録」を選び、7日以内に次のコードを入力してください（1回のみ有効）：
        { $code }
mail-status-changed = Zairyu：申請状況のお知らせ
    .body = 申請 { $reference } の状況が変わりました：{ $status }
mail-revision-requested = Zairyu：申請状況のお知らせ
    .body = 申請 { $reference } に修正が必要です：{ $message }
mail-copy = 写し
    .body = { $name }さん（{ $user_id }）に送った通知の写しです（あなたが申請 { $reference } を代理で提出しました）。
