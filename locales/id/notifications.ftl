## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

notification-title = Status permohonan: { $status }
notification-body = { $procedure } (nomor referensi { $reference }) sekarang { $status }.
notification-body-returned = { $procedure } (nomor referensi { $reference }) sekarang { $status }. Buka Zairyu untuk melihat apa yang perlu diubah.
notification-status-pending = Dalam proses
notification-status-application_completed = Permohonan selesai
notification-status-under_review = Sedang diperiksa
notification-status-awaiting_issuance = Menunggu penerbitan
notification-status-in_return_process = Dikembalikan untuk perbaikan
notification-status-completed = Selesai
notification-status-completed_not_permitted = Selesai (tidak diizinkan)
