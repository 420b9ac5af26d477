### 本地检查（crates/checks）和表格（crates/forms）发现的问题。

## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

file_unreadable = 无法读取文件：{ $reason }。
    .hint = 请确认文件存在并且您有权限打开。
file_empty = 文件是空的（0字节）。
    .hint = 请重新扫描或导出文件，并附加新文件。
pdf_not_a_pdf = 此文件不是 PDF：它其实是{ $actually }，只是名字像 PDF。
    .hint = 请转换为 PDF（打印为 PDF，或使用扫描仪的 PDF 模式）后附加。
pdf_unreadable = 无法读取 PDF：{ $reason }。
    .hint = 请在 PDF 阅读器中打开，另存或打印为新的 PDF 后附加。
pdf_password_protected = 打开此 PDF 需要密码；入管厅无法打开，会在不通知您的情况下作废。
    .hint = 请向文件制作方索取无密码的副本，或用密码打开后打印为新的 PDF。
pdf_restricted = 此 PDF 禁止{ $what }；受限制的 PDF 会在不通知您的情况下作废。
    .hint = 请运行修正（`zairyu fix pdf IN OUT` 或“修正”按钮）生成无限制的副本。
pdf_encrypted = 此 PDF 已加密（虽无限制，但加密的 PDF 按有密码处理）。
    .hint = 请运行修正（`zairyu fix pdf IN OUT` 或“修正”按钮）生成未加密的副本。
pdf_damaged = PDF 已损坏（{ $what }）；宽松的阅读器也许能修复，入管厅的系统未必能。
    .hint = 请在 PDF 阅读器中打开并另存或打印为新的 PDF，或重新扫描文件。
pdf_truncated = PDF 不完整：缺少文件结束标记，复制或下载时丢失了一部分。
    .hint = 请从原处重新复制或下载文件。
pdf_no_pages = PDF 没有页面。
    .hint = 请重新导出或扫描文件。
pdf_too_complex = { $kind ->
        [values] PDF 的结构中约有 { $count } 个值（超过 { $max }），远多于任何扫描文件；读取会占用过多内存，为保护这台电脑已拒绝。
       *[objects] PDF 有 { $count } 个对象，远多于任何扫描文件；为保护这台电脑已拒绝。
    }
    .hint = 请打印为新的 PDF，或扫描纸质文件。
pdf_inflates_too_much = PDF 压缩的对象数据解压后超过 { $mb } MB，远多于任何扫描文件；为保护这台电脑已拒绝。
    .hint = 请打印为新的 PDF（“另存为 PDF”或“Microsoft Print to PDF”），或扫描纸质文件。
files_decode_too_large = 此次提交的照片和 PDF 解压后合计超过 { $mb } MB，超出一份申请所需。
    .hint = 请减少或缩小文件：缩小照片（zairyu fix photo），并把大的 PDF 打印为新文件。
pdf_page_blank = { $of } 页中的第 { $pages } 页没有任何内容：没有文字、图形或可读的扫描图像（扫描可能中途中断）。审查官会看到空白页。
    .hint = 请重新扫描该页，或把文件导出或打印为新的 PDF，并确认每一页都能在 PDF 阅读器中显示。
pdf_too_large_to_shrink = 即使缩小扫描页面，PDF 仍为 { $bytes } 字节，超过 { $max }。
    .hint = 请以 150 dpi 灰度重新扫描，或拆分文件。
pdf_version_too_new = PDF 版本为 { $version }，不是 ISO 32000-1（PDF 1.7）：入管厅的系统无法作为附件接受。
    .hint = 请另存或打印为 PDF 1.7 或 PDF/A（“兼容 Acrobat 8”或更高），然后附加。
pdf_has_javascript = PDF 含有 JavaScript，入管厅的系统可能会拒绝。
    .hint = 请打印为新的 PDF，脚本会被去除。
pdf_has_launch_action = PDF 含有启动其他程序的动作。
    .hint = 请打印为新的 PDF，动作会被去除。
pdf_has_embedded_files = PDF 中嵌入了其他文件，这些不属于入管厅阅读的文件内容。
    .hint = 请把每份文件作为单独的 PDF 附加，或把此文件打印为新的 PDF。
photo_not_jpeg = 照片必须是 JPEG 文件；此文件是{ $actually }。
    .hint = 请将照片另存为 JPEG（.jpg），或使用照片修正（会保存为 JPEG）。
photo_damaged = 无法解码照片：{ $reason }。
    .hint = 请从相机或手机重新导出照片。
photo_truncated = 照片文件不完整（缺少 JPEG 结束标记），部分画面已丢失。
    .hint = 请重新复制或导出照片。
photo_too_many_pixels = 照片声称有 { $width }×{ $height } 像素，远超任何相机；为保护这台电脑已拒绝。
    .hint = 请从相机或手机重新导出照片。
photo_decode_too_large = 打开这张 { $width }×{ $height } 的照片需要超过 { $mb } MB 内存（渐进式或 CMYK 的 JPEG）；为保护这台电脑已拒绝。
    .hint = 请从相机、手机或编辑软件重新导出为普通（基线，非渐进式）彩色 JPEG，1200万像素以下。
photo_not_3_4 = 照片为 { $width }×{ $height } 像素；必须是 3:4 的竖幅（宽 30 mm，高 40 mm）。
    .hint = 请使用照片修正，以中心为准裁剪为 3:4。
photo_too_small = 照片只有 { $width }×{ $height } 像素；要清楚显示面部至少需要 { $min_w }×{ $min_h }。
    .hint = 请以更高分辨率重新拍摄或扫描照片。
photo_file_large = 照片文件为 { $bytes } 字节；据称在线系统最多接受 { $max } 字节。
    .hint = 请使用照片修正缩小。
photo_too_old = 照片拍摄于 { $taken }，已过去 { $days } 天；必须是最近六个月内拍摄的。
    .hint = 请拍摄新照片。
photo_date_unknown = 照片没有拍摄日期，Zairyu 无法确认是否为最近六个月内拍摄。
    .hint = 请确认是六个月内拍摄的；入管厅可能会询问。
photo_date_in_future = 照片显示拍摄于 { $taken }，是未来的日期；相机时钟可能有误。
    .hint = 请确认照片的拍摄日期。
photo_background_busy = 照片的背景看起来不是纯色。
    .hint = 请在没有阴影的纯色浅色墙前拍摄。
photo_blurred = 照片看起来模糊。
    .hint = 请稳住相机、对准面部重新拍摄。
photo_has_location = 照片带有拍摄地点的 GPS 位置信息。
    .hint = 请使用照片修正，会去除位置信息和其他元数据。
set_too_many_files = 附加了 { $count } 个文件；包括照片最多接受 { $max } 个。
    .hint = 请把相关的 PDF 合并为一个（`zairyu fix merge`），或去掉非必需的文件。
set_too_large = 文件合计 { $total } 字节；包括照片最多接受 { $max } 字节。
    .hint = 请缩小扫描的 PDF（建议 200 dpi 灰度）或照片。
set_duplicate_file = { $second } 与 { $first } 是同一个文件。
    .hint = 请去掉其中一个。
file_unsupported = 此文件是{ $actually }；只能附加 JPEG 照片和 PDF 文件。
    .hint = 请把文件转换为 PDF。
finding-in-file = { $file }：{ $message }

term-jpeg = JPEG 图像
term-png = PNG 图像
term-pdf = PDF 文档
term-html = HTML 网页
term-zip = ZIP 压缩包（或 Office 文档）
term-empty = 空文件
term-gif = GIF 图像
term-heic = HEIC/HEIF 图像
term-text = 纯文本
term-unknown = 未知类型的文件
term-printing = 打印
term-copying = 复制
term-changing = 修改

form-required = { $label }：必填项，请输入。
form-required_box = { $label }：请勾选此项后继续。
form-mismatch = { $label }：与第一次输入不一致。请两次输入相同的内容。
form-unknown_field = { $path } 不属于此表格；请删除。
form-too_large = { $label }：最大为 { $max }；请更正数字。
form-wrong_type = { $label }：必须是{ $expected ->
        [boolean] true 或 false
        [integer] 整数
        [rows] 行的列表
       *[text] 文字
    }。
form-wrong_type_row = { $label }：每一行必须是由各栏组成的对象。
form-too_long = { $label }：最多 { $max } 个字符；现在有 { $chars } 个。请缩短。
form-too_short = { $label }：至少 { $min } 个字符。
form-not_half_width = { $label }：只能使用半角（1字节）字母、数字和符号。
form-not_full_width = { $label }：只能使用全角（2字节）字符。
form-not_a_choice = { $label }：请从 { $choices } 中选择。
form-too_many_rows = { $label }：最多 { $max } 行；其余请另附页。
form-bad_format = { $label }：{ $format ->
        [date] 请按 YYYY-MM-DD 输入真实日期，例如 2001-04-15。
        [month] 请按 YYYY-MM 输入月份，例如 2027-03。
        [email] 请输入60个半角字符以内的邮箱地址，例如 name@example.jp。
        [postal_code] 请输入不带连字符的7位数字，例如 8748577。
        [telephone] 只能输入数字，最多12位，不带连字符。
        [residence_card_number] 2个大写字母、8个数字、2个大写字母，与在留卡右上角印的一样（例如 AB12345678CD）。
        [english_name] 与在留卡相同的大写字母（A–Z、空格、连字符、逗号、句点）。
       *[reception_number] 最多13个字符：全角汉字、片假名或字母和半角数字，例如 東オソ認T00011111。
    }
form-reentry_needs_counter = 同时申请的再入国许可需在地方官署窗口领取：请选择窗口，或取消勾选再入国许可。
form-part_time_needs_permission = 您表示在打工：请同时申请资格外活动许可（在同时申请中勾选）。

document_missing = 第 { $number } 项“{ $title }”没有附加文件。
    .hint = 请附加该项的 PDF，或把已附加的文件分配到此项。
