### ローカル確認（crates/checks）と様式（crates/forms）の指摘。

## 確認の指摘

file_unreadable = ファイルを読み込めません: { $reason }。
    .hint = ファイルが存在し、開けることを確認してください。
file_empty = ファイルが空です（0バイト）。
    .hint = 書類をもう一度スキャンまたは書き出して、新しいファイルを添付してください。
pdf_not_a_pdf = このファイルはPDFではありません（中身は{ $actually }です）。
    .hint = PDFに変換して（「PDFとして印刷」やスキャナーのPDF保存）、そのPDFを添付してください。
pdf_unreadable = PDFを読み込めません: { $reason }。
    .hint = PDFビューアで開いて新しいPDFとして保存（または印刷）し、それを添付してください。
pdf_password_protected = PDFを開くのにパスワードが必要です。入管では開けず、通知なく無効として扱われます。
    .hint = パスワードのないファイルを発行元に依頼するか、パスワードで開いて新しいPDFとして印刷してください。
pdf_restricted = PDFに制限（{ $what }）が設定されています。制限付きのPDFは通知なく無効として扱われます。
    .hint = 修正（`zairyu fix pdf IN OUT` または「修正」ボタン）で制限のないコピーを作ってください。
pdf_encrypted = PDFが暗号化されています（制限はありませんが、パスワード付きとして扱われます）。
    .hint = 修正（`zairyu fix pdf IN OUT` または「修正」ボタン）で暗号化のないコピーを作ってください。
pdf_damaged = PDFが破損しています（{ $what }）。
    .hint = PDFビューアで開いて新しいPDFとして保存するか、書類をもう一度スキャンしてください。
pdf_truncated = PDFが途中で切れています（ファイル末尾の印がありません）。コピーやダウンロードの途中で欠けました。
    .hint = 元の場所からもう一度コピーまたはダウンロードしてください。
pdf_no_pages = PDFにページがありません。
    .hint = 書類をもう一度書き出すかスキャンしてください。
pdf_too_complex = { $kind ->
        [values] PDFの構造に含まれる値が約{ $count }個（上限{ $max }個）と多すぎるため、メモリを守るため確認を中止しました。
       *[objects] PDFのオブジェクト数（{ $count }）が多すぎるため、確認を中止しました。
    }
    .hint = 新しいPDFとして印刷するか、紙の書類をスキャンしてください。
pdf_inflates_too_much = PDFの圧縮されたオブジェクトが展開すると{ $mb }MBを超えるため、確認を中止しました。
    .hint = 新しいPDFとして印刷するか、紙の書類をスキャンしてください。
files_decode_too_large = 写真とPDFを合わせて展開すると{ $mb }MBを超えます。1件の申請に必要な量を超えています。
    .hint = ファイルを減らすか小さくしてください（写真の修正、PDFの印刷し直し）。
pdf_page_blank = { $of }ページ中{ $pages }ページ目に何も表示されません（文字・図形・読み取れるスキャン画像がありません。スキャンが途中で切れている可能性があります）。審査では白紙のページになります。
    .hint = そのページをスキャンし直すか、新しいPDFとして書き出し（印刷し）直し、すべてのページがPDFビューアで表示されることを確かめてください。
pdf_too_large_to_shrink = スキャン画像を縮小しても、PDFは{ $bytes }バイトで{ $max }バイトを超えます。
    .hint = 150dpi・グレースケールでスキャンし直すか、書類を分割してください。
pdf_version_too_new = PDFのバージョン { $version } は ISO 32000-1（PDF 1.7）ではないため、添付できません。
    .hint = PDF 1.7 または PDF/A（互換性: Acrobat 8 以降）で保存（印刷）し直して、それを添付してください。
pdf_has_javascript = PDFにJavaScriptが含まれています。受け付けられない可能性があります。
    .hint = 新しいPDFとして印刷すると、スクリプトは取り除かれます。
pdf_has_launch_action = PDFに他のプログラムを起動する動作が含まれています。
    .hint = 新しいPDFとして印刷すると取り除かれます。
pdf_has_embedded_files = PDFに別のファイルが埋め込まれています。
    .hint = 書類ごとに別のPDFとして添付するか、新しいPDFとして印刷してください。
photo_not_jpeg = 写真はJPEG形式である必要があります（このファイルは{ $actually }です）。
    .hint = JPEG（.jpg）で保存し直すか、写真の修正を使ってください（JPEGで保存します）。
photo_damaged = 写真を読み込めません: { $reason }。
    .hint = カメラやスマートフォンから写真をもう一度書き出してください。
photo_truncated = 写真ファイルが途中で切れています（JPEGの終了マーカーがありません）。
    .hint = 写真をもう一度コピーまたは書き出してください。
photo_too_many_pixels = 写真の画素数（{ $width }×{ $height }）が大きすぎるため、確認を中止しました。
    .hint = カメラやスマートフォンから写真をもう一度書き出してください。
photo_decode_too_large = この写真（{ $width }×{ $height }、プログレッシブまたはCMYKのJPEG）を開くには{ $mb }MBを超えるメモリが必要なため、確認を中止しました。
    .hint = カメラ・スマートフォン・編集ソフトから、通常の（プログレッシブでない）カラーJPEG・1200万画素以下で書き出し直してください。
photo_not_3_4 = 写真は{ $width }×{ $height }ピクセルです。縦4:横3（縦40mm×横30mm）の縦長である必要があります。
    .hint = 写真の修正で、中央を基準に3:4に切り抜いてください。
photo_too_small = 写真が{ $width }×{ $height }ピクセルしかありません。{ $min_w }×{ $min_h }以上が必要です。
    .hint = より高い解像度で撮影またはスキャンし直してください。
photo_file_large = 写真のファイルサイズは{ $bytes }バイトです。オンライン申請では{ $max }バイト以下とされています。
    .hint = 写真の修正で縮小してください。
photo_too_old = 写真の撮影日は{ $taken }（{ $days }日前）です。6か月以内に撮影したものが必要です。
    .hint = 新しい写真を撮影してください。
photo_date_unknown = 写真に撮影日の情報がないため、6か月以内かどうか確認できません。
    .hint = 6か月以内に撮影したものか確認してください。
photo_date_in_future = 写真の撮影日が未来の日付（{ $taken }）です。カメラの時計がずれている可能性があります。
    .hint = 撮影日を確認してください。
photo_background_busy = 写真の背景が無地ではないようです。
    .hint = 影のない無地の明るい壁を背景に撮影してください。
photo_blurred = 写真がぼやけているようです。
    .hint = カメラを固定し、顔にピントを合わせて撮影し直してください。
photo_has_location = 写真に撮影場所（GPS）の情報が含まれています。
    .hint = 写真の修正を使うと、位置情報などのメタデータが取り除かれます。
set_too_many_files = { $count }件のファイルが添付されています。写真を含めて{ $max }件までです。
    .hint = 関連するPDFを1つにまとめるか、必須でないものを外してください。
set_too_large = ファイルの合計が{ $total }バイトです。写真を含めて{ $max }バイトまでです。
    .hint = スキャンしたPDF（200dpi・グレースケール推奨）や写真を縮小してください。
set_duplicate_file = { $second } は { $first } と同じファイルです。
    .hint = どちらか一方を外してください。
file_unsupported = このファイルは{ $actually }です。添付できるのはJPEGの写真とPDFの書類だけです。
    .hint = 書類をPDFに変換してください。
finding-in-file = { $file }：{ $message }

## ファイルの種類と、PDFの制限

term-jpeg = JPEG画像
term-png = PNG画像
term-pdf = PDF文書
term-html = HTMLページ
term-zip = ZIPアーカイブ（またはOffice文書）
term-empty = 空のファイル
term-gif = GIF画像
term-heic = HEIC/HEIF画像
term-text = テキスト
term-unknown = 不明な形式のファイル
term-printing = 印刷
term-copying = コピー
term-changing = 変更

## 様式の指摘

form-required = { $label }：必須項目です。入力してください。
form-required_box = { $label }：チェックを入れてください。
form-mismatch = { $label }：1回目の入力と一致しません。同じ内容を入力してください。
form-unknown_field = { $path } はこの様式にない項目です。削除してください。
form-too_large = { $label }：{ $max }以下で入力してください。
form-wrong_type = { $label }：{ $expected ->
        [boolean] true または false
        [integer] 整数
        [rows] 行のリスト
       *[text] 文字列
    }で入力してください。
form-wrong_type_row = { $label }：各行は項目のオブジェクトで入力してください。
form-too_long = { $label }：{ $max }文字以内で入力してください（現在{ $chars }文字）。
form-too_short = { $label }：{ $min }文字以上で入力してください。
form-not_half_width = { $label }：半角英数字・記号で入力してください。
form-not_full_width = { $label }：全角で入力してください。
form-not_a_choice = { $label }：選択肢（{ $choices }）から選んでください。
form-too_many_rows = { $label }：{ $max }行までです。残りは別紙で添付してください。
form-bad_format = { $label }：{ $format ->
        [date] YYYY-MM-DD 形式の正しい日付を入力してください（例：2001-04-15）。
        [month] YYYY-MM 形式で入力してください（例：2027-03）。
        [email] 半角60文字以内のメールアドレスを入力してください（例：name@example.jp）。
        [postal_code] ハイフンなしの7桁の数字で入力してください（例：8748577）。
        [telephone] ハイフンなしの半角数字12桁以内で入力してください。
        [residence_card_number] 在留カード右上の番号（英大文字2桁・数字8桁・英大文字2桁、例：AB12345678CD）を入力してください。
        [english_name] 在留カードと同じ英大文字で入力してください（A–Z、スペース、ハイフン、カンマ、ピリオド）。
       *[reception_number] 全角の漢字・カタカナ・英字と半角数字で13文字以内で入力してください（例：東オソ認T00011111）。
    }
form-reentry_needs_counter = 再入国許可を同時に申請する場合は、受領方法で「地方官署の窓口」を選択してください。
form-part_time_needs_permission = 資格外活動（アルバイト）をする場合は、同時申請で資格外活動許可申請を選択してください。

## 学生の提出書類（マニュアル 4.2.8）

document_missing = { $number }. { $title } のファイルが添付されていません。
    .hint = この項目のPDFを添付するか、添付済みのファイルをこの項目に割り当ててください。
