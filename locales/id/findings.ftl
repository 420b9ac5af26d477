### Temuan pemeriksaan lokal (crates/checks) dan formulir (crates/forms).

## unreviewed: written by the languages helper (issue 17), not yet reviewed by a native speaker

file_unreadable = Berkas tidak dapat dibaca: { $reason }.
    .hint = Periksa bahwa berkas ada dan Anda boleh membukanya.
file_empty = Berkas kosong (0 byte).
    .hint = Pindai atau ekspor dokumen lagi dan lampirkan berkas yang baru.
pdf_not_a_pdf = Berkas ini bukan PDF: isinya { $actually }, hanya dinamai seperti PDF.
    .hint = Ubah ke PDF (cetak ke PDF, atau pakai mode PDF pemindai Anda) dan lampirkan PDF-nya.
pdf_unreadable = PDF tidak dapat dibaca: { $reason }.
    .hint = Buka di penampil PDF lalu simpan atau cetak ke PDF baru, kemudian lampirkan itu.
pdf_password_protected = PDF memerlukan kata sandi untuk dibuka; badan imigrasi tidak dapat membukanya dan membuangnya tanpa memberi tahu Anda.
    .hint = Minta salinan tanpa kata sandi kepada pembuat berkas, atau buka dengan kata sandi dan cetak ke PDF baru.
pdf_restricted = PDF ini melarang { $what }; badan imigrasi membuang PDF yang dibatasi tanpa memberi tahu Anda.
    .hint = Jalankan perbaikan (`zairyu fix pdf IN OUT`, atau tombol Perbaiki) untuk membuat salinan tanpa batasan.
pdf_encrypted = PDF ini terenkripsi (tanpa batasan, tetapi PDF terenkripsi diperlakukan seperti berkata sandi).
    .hint = Jalankan perbaikan (`zairyu fix pdf IN OUT`, atau tombol Perbaiki) untuk membuat salinan tanpa enkripsi.
pdf_damaged = PDF rusak ({ $what }); penampil yang longgar mungkin memperbaikinya, sistem badan imigrasi mungkin tidak.
    .hint = Buka di penampil PDF lalu simpan atau cetak ke PDF baru, atau pindai dokumen lagi.
pdf_truncated = PDF terpotong: penanda akhir berkasnya hilang, jadi sebagian hilang saat disalin atau diunduh.
    .hint = Salin atau unduh lagi berkas dari sumbernya.
pdf_no_pages = PDF tidak memiliki halaman.
    .hint = Ekspor atau pindai dokumen lagi.
pdf_too_complex = { $kind ->
        [values] Struktur PDF memuat sekitar { $count } nilai (lebih dari { $max }), jauh lebih banyak daripada dokumen pindaian mana pun; membacanya memakan terlalu banyak memori, jadi ditolak untuk melindungi komputer ini.
       *[objects] PDF memiliki { $count } objek, jauh lebih banyak daripada dokumen pindaian mana pun; ditolak untuk melindungi komputer ini.
    }
    .hint = Cetak ke PDF baru, atau pindai dokumen kertasnya.
pdf_inflates_too_much = Data objek PDF yang dipadatkan membengkak menjadi lebih dari { $mb } MB, jauh lebih banyak daripada dokumen pindaian mana pun; ditolak untuk melindungi komputer ini.
    .hint = Cetak ke PDF baru ("Save as PDF" atau "Microsoft Print to PDF"), atau pindai dokumen kertasnya.
files_decode_too_large = Foto dan PDF pengajuan ini bersama-sama membengkak menjadi lebih dari { $mb } MB, lebih dari yang dibutuhkan satu permohonan.
    .hint = Kirim berkas yang lebih sedikit atau lebih kecil: perkecil foto (zairyu fix photo) dan cetak PDF besar ke PDF baru.
pdf_page_blank = { $count ->
        [one] Halaman { $pages } dari { $of } tidak menampilkan apa pun
       *[other] Halaman { $pages } dari { $of } tidak menampilkan apa pun
    }: tidak ada teks, gambar, atau citra pindaian yang terbaca (pemindaian mungkin terputus). Pemeriksa akan melihat halaman kosong.
    .hint = Pindai halaman itu lagi, atau ekspor atau cetak dokumen ke PDF baru, dan periksa bahwa setiap halaman tampil di penampil PDF.
pdf_too_large_to_shrink = Meskipun halaman pindaiannya diperkecil, PDF berukuran { $bytes } byte, lebih dari { $max }.
    .hint = Pindai lagi kertasnya pada 150 dpi skala abu-abu, atau pisahkan dokumennya.
pdf_version_too_new = PDF ini versi { $version }, bukan ISO 32000-1 (PDF 1.7): sistem badan imigrasi tidak dapat menerimanya sebagai lampiran.
    .hint = Simpan atau cetak sebagai PDF 1.7 atau PDF/A ("kompatibel dengan Acrobat 8" atau lebih baru), lalu lampirkan itu.
pdf_has_javascript = PDF memuat JavaScript, yang mungkin ditolak sistem badan imigrasi.
    .hint = Cetak ke PDF baru, yang membuang skrip.
pdf_has_launch_action = PDF memuat tindakan yang menjalankan program lain.
    .hint = Cetak ke PDF baru, yang membuang tindakan.
pdf_has_embedded_files = PDF membawa berkas tersemat, yang bukan bagian dari dokumen yang dibaca badan imigrasi.
    .hint = Lampirkan setiap dokumen sebagai PDF tersendiri, atau cetak berkas ini ke PDF baru.
photo_not_jpeg = Foto harus berupa berkas JPEG; berkas ini { $actually }.
    .hint = Simpan foto sebagai JPEG (.jpg), atau jalankan perbaikan foto, yang menulis JPEG.
photo_damaged = Foto tidak dapat didekode: { $reason }.
    .hint = Ekspor lagi foto dari kamera atau ponsel Anda.
photo_truncated = Berkas foto terpotong (penanda akhir JPEG hilang), jadi sebagian gambar hilang.
    .hint = Salin atau ekspor lagi fotonya.
photo_too_many_pixels = Foto mengaku berukuran { $width }×{ $height } piksel, jauh melebihi kamera mana pun; ditolak untuk melindungi komputer ini.
    .hint = Ekspor lagi foto dari kamera atau ponsel Anda.
photo_decode_too_large = Membuka foto { $width }×{ $height } ini memerlukan lebih dari { $mb } MB memori (JPEG progresif atau CMYK); ditolak untuk melindungi komputer ini.
    .hint = Ekspor lagi foto dari kamera, ponsel, atau penyunting Anda sebagai JPEG berwarna biasa (baseline, bukan progresif) 12 megapiksel atau kurang.
photo_not_3_4 = Foto berukuran { $width }×{ $height } piksel; harus potret 3:4 (lebar 30 mm, tinggi 40 mm).
    .hint = Pakai perbaikan foto untuk memotongnya menjadi 3:4 di sekitar tengah.
photo_too_small = Foto hanya { $width }×{ $height } piksel; minimal { $min_w }×{ $min_h } diperlukan agar wajah jelas.
    .hint = Ambil atau pindai foto lagi dengan resolusi lebih tinggi.
photo_file_large = Berkas foto berukuran { $bytes } byte; sistem daring dilaporkan menerima paling banyak { $max } byte.
    .hint = Pakai perbaikan foto untuk memperkecilnya.
photo_too_old = Foto diambil pada { $taken }, { $days } hari lalu; foto harus diambil dalam enam bulan terakhir.
    .hint = Ambil foto baru.
photo_date_unknown = Foto tidak membawa tanggal pengambilan, jadi Zairyu tidak dapat memastikan foto itu dari enam bulan terakhir.
    .hint = Pastikan foto diambil dalam enam bulan; badan imigrasi mungkin menanyakannya.
photo_date_in_future = Foto menyatakan diambil pada { $taken }, yang berada di masa depan; jam kamera mungkin salah.
    .hint = Periksa tanggal foto diambil.
photo_background_busy = Latar belakang foto tidak tampak polos.
    .hint = Ambil foto di depan dinding polos berwarna terang tanpa bayangan.
photo_blurred = Foto tampak buram.
    .hint = Ambil foto lagi dengan kamera yang stabil dan fokus pada wajah.
photo_has_location = Foto membawa lokasi GPS tempat foto diambil.
    .hint = Pakai perbaikan foto, yang membuang lokasi dan metadata lainnya.
set_too_many_files = { $count } berkas terlampir; paling banyak { $max } diterima, termasuk foto.
    .hint = Gabungkan PDF yang berkaitan menjadi satu (`zairyu fix merge`), atau tinggalkan yang tidak wajib.
set_too_large = Jumlah berkas mencapai { $total } byte; paling banyak { $max } byte diterima, termasuk foto.
    .hint = Perkecil PDF pindaian (pindai pada 200 dpi skala abu-abu) atau fotonya.
set_duplicate_file = { $second } adalah berkas yang sama dengan { $first }.
    .hint = Hapus salah satunya.
file_unsupported = Berkas ini { $actually }; hanya foto JPEG dan dokumen PDF yang dapat dilampirkan.
    .hint = Ubah dokumen ke PDF.
finding-in-file = { $file }: { $message }

term-jpeg = gambar JPEG
term-png = gambar PNG
term-pdf = dokumen PDF
term-html = halaman HTML
term-zip = arsip ZIP (atau dokumen Office)
term-empty = berkas kosong
term-gif = gambar GIF
term-heic = gambar HEIC/HEIF
term-text = teks biasa
term-unknown = berkas yang jenisnya tidak dikenal
term-printing = pencetakan
term-copying = penyalinan
term-changing = pengubahan

form-required = { $label }: wajib; isilah.
form-required_box = { $label }: centang kotak ini untuk melanjutkan.
form-mismatch = { $label }: tidak cocok dengan isian pertama. Ketik teks yang sama di keduanya.
form-unknown_field = { $path } bukan bagian dari formulir ini; hapuslah.
form-too_large = { $label }: paling banyak { $max }; perbaiki angkanya.
form-wrong_type = { $label }: harus berupa { $expected ->
        [boolean] true atau false
        [integer] bilangan bulat
        [rows] daftar baris
       *[text] teks
    }.
form-wrong_type_row = { $label }: setiap baris harus berupa objek berisi kolom.
form-too_long = { $label }: paling banyak { $max } karakter; ini { $chars }. Persingkat.
form-too_short = { $label }: paling sedikit { $min } karakter.
form-not_half_width = { $label }: gunakan hanya huruf, angka, dan simbol 1-byte (setengah lebar).
form-not_full_width = { $label }: gunakan hanya karakter 2-byte (lebar penuh).
form-not_a_choice = { $label }: pilih salah satu dari { $choices }.
form-too_many_rows = { $label }: paling banyak { $max } baris; lampirkan lembar terpisah untuk sisanya.
form-bad_format = { $label }: { $format ->
        [date] masukkan tanggal yang benar sebagai YYYY-MM-DD, mis. 2001-04-15.
        [month] masukkan bulan sebagai YYYY-MM, mis. 2027-03.
        [email] masukkan alamat e-mail dengan karakter 1-byte, paling banyak 60, seperti name@example.jp.
        [postal_code] masukkan 7 angka tanpa tanda hubung, mis. 8748577.
        [telephone] angka saja, paling banyak 12, tanpa tanda hubung.
        [residence_card_number] 2 huruf kapital, 8 angka, 2 huruf kapital, seperti tercetak di kanan atas kartu izin tinggal (mis. AB12345678CD).
        [english_name] huruf kapital seperti di kartu izin tinggal (A–Z, spasi, tanda hubung, koma, titik).
       *[reception_number] paling banyak 13 karakter: kanji, katakana, atau huruf 2-byte dan angka 1-byte, mis. 東オソ認T00011111.
    }
form-reentry_needs_counter = Izin masuk kembali yang diajukan bersamaan diambil di loket kantor regional: pilih loket, atau hapus centang izin masuk kembali.
form-part_time_needs_permission = Anda menyatakan bekerja paruh waktu: ajukan sekaligus izin kegiatan di luar status Anda (centang di bagian pengajuan bersamaan).

document_missing = Belum ada berkas yang dilampirkan untuk butir { $number }, { $title }.
    .hint = Lampirkan PDF untuk butir itu, atau tetapkan berkas yang sudah terlampir ke butir ini.
