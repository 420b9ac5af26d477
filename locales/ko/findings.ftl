### 로컬 확인(crates/checks)과 신청서(crates/forms)의 지적 사항.

## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

file_unreadable = 파일을 읽을 수 없습니다: { $reason }.
    .hint = 파일이 있는지, 열 권한이 있는지 확인하세요.
file_empty = 파일이 비어 있습니다 (0바이트).
    .hint = 서류를 다시 스캔하거나 내보내 새 파일을 첨부하세요.
pdf_not_a_pdf = 이 파일은 PDF가 아닙니다. 실제로는 { $actually }이며 이름만 PDF처럼 되어 있습니다.
    .hint = PDF로 변환해(PDF로 인쇄 또는 스캐너의 PDF 모드) PDF를 첨부하세요.
pdf_unreadable = PDF를 읽을 수 없습니다: { $reason }.
    .hint = PDF 뷰어로 열어 새 PDF로 저장하거나 인쇄한 뒤 첨부하세요.
pdf_password_protected = 이 PDF는 열 때 비밀번호가 필요합니다. 출입국재류관리청은 열 수 없어 알리지 않고 무효로 처리합니다.
    .hint = 파일을 만든 곳에 비밀번호 없는 사본을 요청하거나, 비밀번호로 열어 새 PDF로 인쇄하세요.
pdf_restricted = 이 PDF는 { $what }을(를) 금지합니다. 제한된 PDF는 알리지 않고 무효로 처리됩니다.
    .hint = 수정(`zairyu fix pdf IN OUT` 또는 수정 버튼)으로 제한 없는 사본을 만드세요.
pdf_encrypted = 이 PDF는 암호화되어 있습니다(제한은 없지만 암호화된 PDF는 비밀번호가 있는 것으로 취급됩니다).
    .hint = 수정(`zairyu fix pdf IN OUT` 또는 수정 버튼)으로 암호화되지 않은 사본을 만드세요.
pdf_damaged = PDF가 손상되었습니다({ $what }). 관대한 뷰어는 복구할 수 있어도 청의 시스템은 못할 수 있습니다.
    .hint = PDF 뷰어로 열어 새 PDF로 저장하거나 인쇄하거나, 서류를 다시 스캔하세요.
pdf_truncated = PDF가 잘렸습니다. 파일 끝 표시가 없어 복사나 다운로드 중에 일부가 손실되었습니다.
    .hint = 원래 위치에서 파일을 다시 복사하거나 다운로드하세요.
pdf_no_pages = PDF에 페이지가 없습니다.
    .hint = 서류를 다시 내보내거나 스캔하세요.
pdf_too_complex = { $kind ->
        [values] PDF 구조에 값이 약 { $count }개({ $max }개 초과) 있어 어떤 스캔 서류보다 훨씬 많습니다. 읽으면 메모리를 너무 많이 쓰므로 이 컴퓨터를 보호하기 위해 거부했습니다.
       *[objects] PDF에 객체가 { $count }개 있어 어떤 스캔 서류보다 훨씬 많습니다. 이 컴퓨터를 보호하기 위해 거부했습니다.
    }
    .hint = 새 PDF로 인쇄하거나 종이 서류를 스캔하세요.
pdf_inflates_too_much = PDF의 압축된 객체 데이터가 풀면 { $mb } MB를 넘어 어떤 스캔 서류보다 훨씬 큽니다. 이 컴퓨터를 보호하기 위해 거부했습니다.
    .hint = 새 PDF로 인쇄("PDF로 저장" 또는 "Microsoft Print to PDF")하거나 종이 서류를 스캔하세요.
files_decode_too_large = 이번 제출의 사진과 PDF를 모두 풀면 { $mb } MB를 넘어 신청 한 건에 필요한 양을 넘습니다.
    .hint = 파일 수나 크기를 줄이세요: 사진을 줄이고(zairyu fix photo) 큰 PDF는 새 PDF로 인쇄하세요.
pdf_page_blank = { $of }쪽 중 { $pages }쪽에 아무것도 보이지 않습니다. 글자, 그림, 읽을 수 있는 스캔 이미지가 없습니다(스캔이 중간에 끊겼을 수 있음). 심사관에게는 빈 페이지로 보입니다.
    .hint = 그 페이지를 다시 스캔하거나 서류를 새 PDF로 내보내거나 인쇄한 뒤, 모든 페이지가 PDF 뷰어에 보이는지 확인하세요.
pdf_too_large_to_shrink = 스캔 페이지를 줄여도 PDF가 { $bytes }바이트로 { $max }바이트를 넘습니다.
    .hint = 150 dpi 흑백(그레이스케일)으로 다시 스캔하거나 서류를 나누세요.
pdf_version_too_new = PDF 버전이 { $version }(으)로 ISO 32000-1(PDF 1.7)이 아니어서 청의 시스템이 첨부 파일로 받을 수 없습니다.
    .hint = PDF 1.7 또는 PDF/A("Acrobat 8 호환" 이상)로 저장하거나 인쇄해 첨부하세요.
pdf_has_javascript = PDF에 JavaScript가 들어 있어 청의 시스템이 거부할 수 있습니다.
    .hint = 새 PDF로 인쇄하면 스크립트가 제거됩니다.
pdf_has_launch_action = PDF에 다른 프로그램을 실행하는 동작이 들어 있습니다.
    .hint = 새 PDF로 인쇄하면 동작이 제거됩니다.
pdf_has_embedded_files = PDF에 포함된 파일이 있으며, 이는 청이 읽는 서류의 일부가 아닙니다.
    .hint = 서류마다 별도의 PDF로 첨부하거나 이 파일을 새 PDF로 인쇄하세요.
photo_not_jpeg = 사진은 JPEG 파일이어야 합니다. 이 파일은 { $actually }입니다.
    .hint = 사진을 JPEG(.jpg)로 저장하거나, JPEG로 저장하는 사진 수정을 사용하세요.
photo_damaged = 사진을 디코딩할 수 없습니다: { $reason }.
    .hint = 카메라나 휴대폰에서 사진을 다시 내보내세요.
photo_truncated = 사진 파일이 잘렸습니다(JPEG 끝 표시가 없음). 사진의 일부가 손실되었습니다.
    .hint = 사진을 다시 복사하거나 내보내세요.
photo_too_many_pixels = 사진이 { $width }×{ $height } 픽셀이라고 되어 있어 어떤 카메라보다 훨씬 큽니다. 이 컴퓨터를 보호하기 위해 거부했습니다.
    .hint = 카메라나 휴대폰에서 사진을 다시 내보내세요.
photo_decode_too_large = 이 { $width }×{ $height } 사진을 열려면 { $mb } MB가 넘는 메모리가 필요합니다(프로그레시브 또는 CMYK JPEG). 이 컴퓨터를 보호하기 위해 거부했습니다.
    .hint = 카메라, 휴대폰 또는 편집 프로그램에서 1200만 화소 이하의 일반(베이스라인, 프로그레시브 아님) 컬러 JPEG로 다시 내보내세요.
photo_not_3_4 = 사진이 { $width }×{ $height } 픽셀입니다. 3:4 세로 사진(가로 30 mm, 세로 40 mm)이어야 합니다.
    .hint = 사진 수정으로 가운데를 기준으로 3:4로 자르세요.
photo_too_small = 사진이 { $width }×{ $height } 픽셀밖에 되지 않습니다. 얼굴이 선명하려면 최소 { $min_w }×{ $min_h }가 필요합니다.
    .hint = 더 높은 해상도로 다시 촬영하거나 스캔하세요.
photo_file_large = 사진 파일이 { $bytes }바이트입니다. 온라인 시스템은 최대 { $max }바이트까지 받는다고 합니다.
    .hint = 사진 수정으로 줄이세요.
photo_too_old = 사진은 { $taken }에 촬영되어 { $days }일이 지났습니다. 최근 6개월 이내에 촬영한 사진이어야 합니다.
    .hint = 새 사진을 촬영하세요.
photo_date_unknown = 사진에 촬영 날짜가 없어 Zairyu가 최근 6개월 이내인지 확인할 수 없습니다.
    .hint = 6개월 이내에 촬영했는지 확인하세요. 청에서 물을 수 있습니다.
photo_date_in_future = 사진의 촬영 날짜가 { $taken }(으)로 미래입니다. 카메라 시계가 틀렸을 수 있습니다.
    .hint = 사진의 촬영 날짜를 확인하세요.
photo_background_busy = 사진 배경이 단색으로 보이지 않습니다.
    .hint = 그림자가 없는 밝은 단색 벽 앞에서 촬영하세요.
photo_blurred = 사진이 흐릿해 보입니다.
    .hint = 카메라를 고정하고 얼굴에 초점을 맞춰 다시 촬영하세요.
photo_has_location = 사진에 촬영 장소의 GPS 위치 정보가 있습니다.
    .hint = 사진 수정을 사용하면 위치 정보와 다른 메타데이터가 제거됩니다.
set_too_many_files = 파일이 { $count }개 첨부되어 있습니다. 사진을 포함해 최대 { $max }개까지 받습니다.
    .hint = 관련 PDF를 하나로 합치거나(`zairyu fix merge`) 필수가 아닌 것을 빼세요.
set_too_large = 파일 합계가 { $total }바이트입니다. 사진을 포함해 최대 { $max }바이트까지 받습니다.
    .hint = 스캔한 PDF(200 dpi 그레이스케일 권장)나 사진을 줄이세요.
set_duplicate_file = { $second }은(는) { $first }와(과) 같은 파일입니다.
    .hint = 둘 중 하나를 빼세요.
file_unsupported = 이 파일은 { $actually }입니다. 첨부할 수 있는 것은 JPEG 사진과 PDF 서류뿐입니다.
    .hint = 서류를 PDF로 변환하세요.
finding-in-file = { $file }: { $message }

term-jpeg = JPEG 이미지
term-png = PNG 이미지
term-pdf = PDF 문서
term-html = HTML 페이지
term-zip = ZIP 압축 파일(또는 Office 문서)
term-empty = 빈 파일
term-gif = GIF 이미지
term-heic = HEIC/HEIF 이미지
term-text = 일반 텍스트
term-unknown = 알 수 없는 형식의 파일
term-printing = 인쇄
term-copying = 복사
term-changing = 변경

form-required = { $label }: 필수 항목입니다. 입력하세요.
form-required_box = { $label }: 계속하려면 이 상자에 체크하세요.
form-mismatch = { $label }: 처음 입력한 내용과 일치하지 않습니다. 두 곳에 같은 내용을 입력하세요.
form-unknown_field = { $path }은(는) 이 신청서의 항목이 아닙니다. 삭제하세요.
form-too_large = { $label }: 최대 { $max }입니다. 숫자를 고치세요.
form-wrong_type = { $label }: { $expected ->
        [boolean] true 또는 false
        [integer] 정수
        [rows] 행 목록
       *[text] 문자열
    }(으)로 입력하세요.
form-wrong_type_row = { $label }: 각 행은 열로 이루어진 객체여야 합니다.
form-too_long = { $label }: 최대 { $max }자입니다. 현재 { $chars }자입니다. 줄이세요.
form-too_short = { $label }: 최소 { $min }자입니다.
form-not_half_width = { $label }: 1바이트(반각) 영문자, 숫자, 기호만 사용하세요.
form-not_full_width = { $label }: 2바이트(전각) 문자만 사용하세요.
form-not_a_choice = { $label }: { $choices } 중에서 고르세요.
form-too_many_rows = { $label }: 최대 { $max }행입니다. 나머지는 별지로 첨부하세요.
form-bad_format = { $label }: { $format ->
        [date] YYYY-MM-DD 형식의 실제 날짜를 입력하세요. 예: 2001-04-15.
        [month] YYYY-MM 형식으로 월을 입력하세요. 예: 2027-03.
        [email] 반각 60자 이내의 이메일 주소를 입력하세요. 예: name@example.jp.
        [postal_code] 하이픈 없이 7자리 숫자를 입력하세요. 예: 8748577.
        [telephone] 하이픈 없이 숫자만 12자리 이내로 입력하세요.
        [residence_card_number] 재류카드 오른쪽 위에 인쇄된 대로 대문자 2자, 숫자 8자리, 대문자 2자 (예: AB12345678CD).
        [english_name] 재류카드와 같은 대문자 (A–Z, 공백, 하이픈, 쉼표, 마침표).
       *[reception_number] 13자 이내: 전각 한자, 가타카나 또는 영문자와 반각 숫자. 예: 東オソ認T00011111.
    }
form-reentry_needs_counter = 함께 신청한 재입국 허가는 지방관서 창구에서 받습니다. 창구를 고르거나 재입국 허가의 체크를 해제하세요.
form-part_time_needs_permission = 아르바이트를 한다고 하셨습니다. 자격외 활동 허가를 함께 신청하세요(동시 신청에서 체크).

document_missing = { $number }번 항목 { $title }에 첨부된 파일이 없습니다.
    .hint = 이 항목의 PDF를 첨부하거나, 첨부한 파일을 이 항목에 배정하세요.
