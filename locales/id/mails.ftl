### E-mail yang dikirim server penerimaan (crates/server mail_text.rs): pesannya adalah subjek,
### `.body` isinya. (helper labels, issue 17)

## unreviewed: the server's mails (helper labels)

mail-register-confirm = Zairyu: konfirmasi alamat e-mail Anda
    .body =
        Buka tautan ini dalam 24 jam untuk melanjutkan pendaftaran (hanya berlaku sekali):
        { $url }

        Atau tempelkan kode ini di Zairyu: { $code }
mail-user-id = Zairyu: ID pengguna Anda
    .body = ID pengguna Anda adalah { $user_id }.
mail-staff-user-id = Zairyu: ID pengguna Anda
    .body = ID pengguna Anda adalah { $user_id } (staf { $organisation }).
mail-password-changed = Zairyu: kata sandi Anda telah diubah
    .body = Kata sandi akun Zairyu Anda telah diubah, dan semua sesi masuk lainnya telah diakhiri. Jika ini bukan Anda, buat kata sandi baru melalui “lupa kata sandi”.
mail-password-reset = Zairyu: atur ulang kata sandi Anda
    .body = Kode untuk membuat kata sandi baru (24 jam, sekali): { $code }
mail-email-in-use = Zairyu: perubahan alamat e-mail
    .body = Seseorang meminta untuk memindahkan akun Zairyu ke alamat ini, tetapi alamat ini sudah dipakai akun lain, jadi tidak ada yang diubah. Gunakan “lupa ID pengguna” jika Anda memerlukan ID akun tersebut.
mail-email-change-confirm = Zairyu: konfirmasi alamat e-mail baru Anda
    .body = Kode untuk mengonfirmasi alamat ini (24 jam, sekali): { $code }
mail-email-changed = Zairyu: alamat e-mail Anda telah diubah
    .body = Alamat e-mail akun Zairyu Anda telah diubah; pesan kini dikirim ke alamat baru. Jika ini bukan Anda, hubungi kantor penerimaan.
mail-staff-invitation = Zairyu: undangan untuk staf lembaga
    .body =
        Anda diundang untuk mendaftar sebagai { $kind } di { $organisation } ({ $organisation_id }).
        Di Zairyu pilih “Daftar dengan undangan” dan masukkan kode ini dalam 7 hari (hanya berlaku sekali):
        { $code }
mail-staff-kind-school = Staf lembaga
mail-staff-kind-attorney = Pengacara / Spesialis hukum prosedur administratif
mail-application-received = Zairyu: permohonan diterima
    .body =
        Nomor referensi: { $reference }
        Nomor penerimaan sementara: { $temporary }
        Status: { $status }
mail-resubmission-received = Zairyu: pengajuan ulang diterima
    .body = Permohonan Anda yang diubah { $reference } (versi { $version }) telah diterima.
mail-application-accepted = Zairyu: permohonan diterima untuk diproses
    .body = Permohonan Anda { $reference } (nomor penerimaan sementara { $temporary }) telah diterima untuk diproses: statusnya kini { $status }.
mail-status-changed = Zairyu: permohonan Anda
    .body = Status permohonan Anda { $reference } kini: { $status }
mail-revision-requested = Zairyu: permohonan Anda
    .body = Permohonan Anda { $reference } perlu diubah: { $message }
mail-receipt-method-changed = Zairyu: cara penerimaan diubah
    .body =
        Permohonan perubahan cara penerimaan Anda telah diterima.
        Permohonan: { $reference } ({ $number_kind } { $number })
        Jenis perubahan: { $classification }
        Cara penerimaan sekarang: { $method }
mail-copy = Salinan
    .body = Salinan pemberitahuan yang dikirim kepada { $name } ({ $user_id }), yang permohonannya { $reference } Anda ajukan.
