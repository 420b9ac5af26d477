// Japanese texts of the UI: the same keys as en.ts, checked by the type and by a test.
import type { MessageKey } from "./en";

export const ja: Record<MessageKey, string> = {
  "app.name": "在留 Zairyu",
  "app.tagline": "在留申請を、自分のパソコンで準備して確認できます",
  "app.profile": "プロファイル",
  "app.profile.demo": "デモ（練習用サーバーと練習用カード）",
  "app.profile.production": "本番",
  "app.skip": "チェックリストへ移動",
  "app.loading": "読み込み中…",
  "app.dataFolder": "データの保存場所",
  "lang.label": "言語",
  "lang.en": "English",
  "lang.ja": "日本語",
  "checklist.title": "申請の前に準備するもの",
  "checklist.intro":
    "申請を始める前に、次のものを用意してください。用意できたものにチェックを入れると、このパソコンに保存されます。",
  "checklist.progress": "{total}件中{done}件 準備済み",
  "checklist.allDone": "準備がすべて整いました。申請を始められます。",
  "checklist.my_number_card.title": "マイナンバーカード",
  "checklist.my_number_card.text":
    "有効な本人のマイナンバーカード。氏名・住所・生年月日・性別をカードから読み取り、申請への署名にも使います。",
  "checklist.card_pins.title": "カードの2種類の暗証番号",
  "checklist.card_pins.text":
    "数字4桁の暗証番号（利用者証明用）は本人確認と情報の読み取りに、6～16文字の署名用パスワード（英大文字と数字）は申請への署名に使い、暗証番号を3回・パスワードを5回続けて間違えるとロックされて市区町村の窓口での解除が必要になります。",
  "checklist.residence_card.title": "在留カード",
  "checklist.residence_card.text":
    "現在お持ちの在留カード。英字2文字・数字8桁・英字2文字の番号を申請書に記入します。",
  "checklist.passport.title": "パスポート",
  "checklist.passport.text": "有効なパスポート。旅券番号と有効期限を記入します。",
  "checklist.pc.title": "このパソコン",
  "checklist.pc.text":
    "Zairyu を入れた Windows または Mac のパソコン。オフラインの間も、申請の準備と確認をここで行い、ここから送信します。",
  "checklist.card_reader.title": "USB接続のNFCカードリーダー",
  "checklist.card_reader.text":
    "このパソコンにつなぐ非接触（NFC）カードリーダー。公式マニュアルのスマートフォンとマイナポータルアプリの代わりになります。",
  "checklist.documents_pdf.title": "必要書類のPDFと顔写真",
  "checklist.documents_pdf.text":
    "学校の書類（在学証明書、成績証明書、滞在費の支弁を証する書類など）をスキャンしたPDFファイルと、6か月以内に撮影した顔写真。",
  "notice.file_recovered":
    "保存されていたファイルが壊れていたため、初期設定で起動しました。壊れたファイルは {path} として残してあります。",
  "notice.dismiss": "閉じる",
  "error.data_dir_unavailable": "データ用フォルダーを作成できません。書き込み権限を確認してください。",
  "error.storage_failed": "このパソコンに保存できませんでした。ディスクの空き容量を確認してください。",
  "error.unknown_profile": "不明なプロファイルです。--profile demo または --profile production で起動してください。",
  "error.unknown": "問題が発生しました: {message}",
};
