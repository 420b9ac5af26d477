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
