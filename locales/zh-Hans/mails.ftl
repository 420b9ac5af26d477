### 受理服务器发送的电子邮件（crates/server mail_text.rs）：消息为主题，`.body` 为正文。
### (helper labels, issue 17)

## unreviewed: the server's mails (helper labels)

mail-register-confirm = Zairyu：确认您的电子邮件地址
    .body =
        请在24小时内打开此链接继续注册（仅可使用一次）：
        { $url }

        或将此代码粘贴到 Zairyu 中：{ $code }
mail-user-id = Zairyu：您的用户ID
    .body = 您的用户ID是 { $user_id }。
mail-staff-user-id = Zairyu：您的用户ID
    .body = 您的用户ID是 { $user_id }（{ $organisation } 的职员）。
mail-password-changed = Zairyu：您的密码已更改
    .body = 您的 Zairyu 账户密码已更改，其他所有登录均已结束。如果这不是您本人操作，请通过“忘记密码”设置新密码。
mail-password-reset = Zairyu：重设密码
    .body = 设置新密码的代码（24小时内有效，仅限一次）：{ $code }
mail-email-in-use = Zairyu：更改电子邮件地址
    .body = 有人申请将 Zairyu 账户转到此地址，但已有账户在使用此地址，因此未做任何更改。如需该账户的用户ID，请使用“忘记用户ID”。
mail-email-change-confirm = Zairyu：确认您的新电子邮件地址
    .body = 确认此地址的代码（24小时内有效，仅限一次）：{ $code }
mail-email-changed = Zairyu：您的电子邮件地址已更改
    .body = 您的 Zairyu 账户的电子邮件地址已更改，今后的通知将发送到新地址。如果这不是您本人操作，请联系受理窗口。
mail-staff-invitation = Zairyu：所属机构职员邀请
    .body =
        您被邀请注册为 { $organisation }（{ $organisation_id }）的{ $kind }。
        请在 Zairyu 中选择“使用邀请码注册”，并在7天内输入以下代码（仅可使用一次）：
        { $code }
mail-staff-kind-school = 所属机构职员
mail-staff-kind-attorney = 律师・行政书士
mail-application-received = Zairyu：已受理申请
    .body =
        受理编号：{ $reference }
        临时受理编号：{ $temporary }
        状态：{ $status }
mail-resubmission-received = Zairyu：已受理重新提交
    .body = 已收到您修改后的申请 { $reference }（第{ $version }版）。
mail-application-accepted = Zairyu：申请已受理
    .body = 您的申请 { $reference }（临时受理编号 { $temporary }）已被受理：当前状态为 { $status }。
mail-status-changed = Zairyu：您的申请
    .body = 您的申请 { $reference } 的状态现在是：{ $status }
mail-revision-requested = Zairyu：您的申请
    .body = 您的申请 { $reference } 需要修改：{ $message }
mail-receipt-method-changed = Zairyu：领取方法已变更
    .body =
        已收到您的领取方法变更申请。
        申请：{ $reference }（{ $number_kind } { $number }）
        变更类别：{ $classification }
        现在的领取方法：{ $method }
mail-copy = 副本
    .body = 这是发送给 { $name }（{ $user_id }）的通知的副本，您为其提交了申请 { $reference }。
