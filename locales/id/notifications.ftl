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

## unreviewed: card-expiry helper (issue 16): the card's certificate ends too early for an application

notification-card-expiry-title = Sertifikat Kartu My Number Anda segera berakhir
notification-card-expiry-before-decision = Sertifikat autentikasi pengguna pada kartu berakhir pada { $card }, sebelum { $procedure } dapat diputuskan (sekitar { $decision }). Perbarui sertifikat di kantor kota sebelum tanggal itu, atau ajukan permohonan langsung di kantor imigrasi.
notification-card-expiry-before-stay = Sertifikat autentikasi pengguna pada kartu berakhir pada { $card }, sebelum masa tinggal Anda berakhir ({ $stay }). Perbarui di kantor kota sebelum { $card }.

## unreviewed: installed helper (issue 16): the card's certificate ends while a filed application is still examined
notification-card-expiry-while-pending = Sertifikat autentikasi pengguna pada kartu berakhir pada { $card }, sementara { $procedure } (nomor referensi { $reference }) masih diperiksa (keputusan sekitar { $decision }). Setelah itu Anda tidak dapat menindaklanjutinya secara online: perbarui sertifikat di kantor kota sebelum { $card }.
