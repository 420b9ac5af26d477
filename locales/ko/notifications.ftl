## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

notification-title = 신청 상황: { $status }
notification-body = { $procedure }(정리 번호 { $reference })이(가) 이제 “{ $status }”입니다.
notification-body-returned = { $procedure }(정리 번호 { $reference })이(가) 이제 “{ $status }”입니다. Zairyu를 열어 수정할 내용을 확인하세요.
notification-status-pending = 신청 중
notification-status-application_completed = 신청 완료
notification-status-under_review = 심사 중
notification-status-awaiting_issuance = 교부 대기
notification-status-in_return_process = 반려 중
notification-status-completed = 완료
notification-status-completed_not_permitted = 완료 (불허가)

## unreviewed: card-expiry helper (issue 16): the card's certificate ends too early for an application

notification-card-expiry-title = 마이넘버 카드의 전자 인증서가 곧 만료됩니다
notification-card-expiry-before-decision = 카드의 이용자 증명용 전자 인증서는 { $card }에 만료되어 { $procedure }의 심사 결과(약 { $decision })보다 먼저 끝납니다. 그 전에 시·구·정·촌 창구에서 인증서를 갱신하거나, 출입국재류관리국 창구에서 직접 신청하세요.
notification-card-expiry-before-stay = 카드의 이용자 증명용 전자 인증서는 { $card }에 만료되어 체류 기간 만료일({ $stay })보다 먼저 끝납니다. { $card } 전에 시·구·정·촌 창구에서 갱신하세요.

## unreviewed: installed helper (issue 16): the card's certificate ends while a filed application is still examined
notification-card-expiry-while-pending = 카드의 이용자 증명용 전자 인증서는 { $card }에 만료되지만 { $procedure }(정리 번호 { $reference })은(는) 아직 심사 중입니다(결과는 약 { $decision } 예정). 만료 후에는 온라인으로 처리할 수 없으니 { $card } 전에 시·구·정·촌 창구에서 인증서를 갱신하세요.
