### 접수 서버가 보내는 이메일(crates/server mail_text.rs): 메시지가 제목, `.body`가 본문.
### (helper labels, issue 17)

## unreviewed: the server's mails (helper labels)

mail-register-confirm = Zairyu: 이메일 주소 확인
    .body =
        24시간 이내에 이 링크를 열어 등록을 계속하십시오(한 번만 사용 가능):
        { $url }

        또는 이 코드를 Zairyu에 붙여 넣으십시오: { $code }
mail-user-id = Zairyu: 이용자 ID
    .body = 이용자 ID는 { $user_id }입니다.
mail-staff-user-id = Zairyu: 이용자 ID
    .body = 이용자 ID는 { $user_id }입니다({ $organisation } 직원).
mail-password-changed = Zairyu: 비밀번호가 변경되었습니다
    .body = Zairyu 계정의 비밀번호가 변경되었고 다른 모든 로그인이 종료되었습니다. 본인이 아니라면 "비밀번호 찾기"에서 새 비밀번호를 설정하십시오.
mail-password-reset = Zairyu: 비밀번호 재설정
    .body = 새 비밀번호를 설정하는 코드(24시간, 1회): { $code }
mail-email-in-use = Zairyu: 이메일 주소 변경
    .body = 누군가 Zairyu 계정을 이 주소로 옮기려 했지만 이미 다른 계정이 이 주소를 사용하고 있어 아무것도 변경되지 않았습니다. 그 계정의 ID가 필요하면 "이용자 ID 찾기"를 이용하십시오.
mail-email-change-confirm = Zairyu: 새 이메일 주소 확인
    .body = 이 주소를 확인하는 코드(24시간, 1회): { $code }
mail-email-changed = Zairyu: 이메일 주소가 변경되었습니다
    .body = Zairyu 계정의 이메일 주소가 변경되었습니다. 앞으로 알림은 새 주소로 갑니다. 본인이 아니라면 접수 창구에 연락하십시오.
mail-staff-invitation = Zairyu: 소속기관 직원 초대
    .body =
        { $organisation }({ $organisation_id })의 { $kind }(으)로 등록하도록 초대되었습니다.
        Zairyu에서 "초대 코드로 등록"을 선택하고 7일 이내에 이 코드를 입력하십시오(한 번만 사용 가능):
        { $code }
mail-staff-kind-school = 소속기관 등 직원
mail-staff-kind-attorney = 변호사・행정서사
mail-application-received = Zairyu: 신청이 접수되었습니다
    .body =
        접수 번호: { $reference }
        임시 접수 번호: { $temporary }
        상황: { $status }
mail-resubmission-received = Zairyu: 재신청이 접수되었습니다
    .body = 수정한 신청 { $reference }(제{ $version }판)이 접수되었습니다.
mail-application-accepted = Zairyu: 신청이 수리되었습니다
    .body = 신청 { $reference }(임시 접수 번호 { $temporary })이 수리되었습니다. 현재 상황: { $status }
mail-status-changed = Zairyu: 신청 상황 안내
    .body = 신청 { $reference }의 상황이 다음과 같이 바뀌었습니다: { $status }
mail-revision-requested = Zairyu: 신청 상황 안내
    .body = 신청 { $reference }에 수정이 필요합니다: { $message }
mail-receipt-method-changed = Zairyu: 수령 방법 변경이 접수되었습니다
    .body =
        수령 방법 변경 신청이 접수되었습니다.
        신청: { $reference }({ $number_kind } { $number })
        변경 구분: { $classification }
        변경 후 수령 방법: { $method }
mail-copy = 사본
    .body = 귀하가 신청 { $reference }을(를) 대신 제출한 { $name }({ $user_id }) 님에게 보낸 알림의 사본입니다.
