# Netral — teks antarmuka, bahasa Indonesia (bahasa utama).
# Kunci: <bagian>-<nama>, huruf kecil dengan tanda hubung. Bagian: site, nav, lang, skip, footer,
# home, funnel, status (status pelaporan resmi), state (status perkara), rules, track, severity,
# clock, holidays, holiday-kind, weekday, month, date, error.

## Kerangka halaman
site-name = Netral
site-tagline = Netralitas ASN
skip-to-content = Langsung ke isi
nav-label = Navigasi utama
nav-home = Beranda
nav-rules = Aturan
nav-report = Lapor
nav-status = Cek status
lang-switch = English
footer-text = Netral membantu pengawas menangani laporan pelanggaran netralitas Aparatur Sipil Negara. Halaman publik hanya memuat angka agregat, tanpa data pribadi.

## Beranda
home-title = Beranda
home-heading = Menjaga netralitas ASN dalam Pemilu dan Pilkada
home-intro = Netral adalah sistem yang dipakai lembaga pengawas untuk mencegah, menerima, memeriksa, dan menindaklanjuti laporan Aparatur Sipil Negara (ASN) yang melanggar asas netralitas dalam Pemilu dan Pilkada: dari laporan masuk, verifikasi, kajian, rekomendasi kepada Pejabat Pembina Kepegawaian (PPK), sampai sanksi dan pemantauan tindak lanjutnya.
funnel-heading = Perjalanan laporan
funnel-intro = { $total ->
    [0] Belum ada perkara yang tercatat.
   *[other] Seluruhnya { $total } perkara tercatat, menurut status pelaporan resmi:
}
funnel-states-heading = Rincian menurut tahap
funnel-col-state = Tahap menurut status pelaporan
funnel-col-count = Jumlah perkara
funnel-privacy = Angka ini adalah jumlah agregat. Nama, NIP, nomor perkara, dan isi laporan hanya dapat dilihat petugas yang berwenang.
home-rules-heading = Aturan yang berlaku
home-rules-text = Daftar pelanggaran, saran sanksi, batas waktu setiap tahap, dan kalender hari libur dimuat sebagai data berversi, karena aturan berubah setiap siklus pemilihan.
home-rules-link = Lihat aturan yang berlaku
home-report-heading = Melihat ASN tidak netral?
home-report-text = Laporkan di sini, boleh tanpa nama. Anda akan mendapat nomor laporan dan kode tanda terima untuk mengikuti perkembangannya.
home-report-link = Laporkan pelanggaran
home-status-link = Cek status laporan

## Status pelaporan resmi (pengelompokan tahap perkara)
status-awaiting-verification = Menunggu verifikasi
status-awaiting-follow-up = Menunggu tindak lanjut PPK
status-sanctioned = Dijatuhi sanksi
status-not-proven = Tidak terbukti
status-rejected = Ditolak
status-cancelled = Dibatalkan
status-separated = Pensiun/berhenti

## Tahap perkara
state-received = Diterima
state-verification = Verifikasi
state-review = Kajian
state-recommendation = Penyusunan rekomendasi
state-awaiting-follow-up = Menunggu tindak lanjut PPK
state-follow-up-refused = Tindak lanjut ditolak PPK
state-warned = PPK diberi peringatan
state-data-blocked = Data kepegawaian diblokir
state-sanctioned = Dijatuhi sanksi
state-appeal = Keberatan/banding
state-closed = Selesai
state-rejected = Ditolak
state-not-proven = Tidak terbukti
state-cancelled = Dibatalkan
state-separated = Pensiun/berhenti

## Aturan
rules-title = Aturan { $version }
rules-heading = Aturan netralitas ASN
rules-in-force-today = Aturan yang berlaku hari ini, { $date } (WIB).
rules-not-in-force = Versi ini tidak berlaku hari ini; ditampilkan untuk perkara yang diperiksa menurut versi ini.
rules-version = Versi
rules-name = Judul
rules-oversight-body = Lembaga pengawas
rules-effective-from = Berlaku sejak
rules-effective-since = berlaku sejak { $date }
rules-violations-heading = Jenis pelanggaran
rules-violations-intro = Pelanggaran dibagi dalam dua jalur: disiplin (PP 94/2021) dan kode etik (PP 42/2004). Sanksi yang tercantum adalah saran; keputusan ada pada PPK.
rules-col-violation = Pelanggaran
rules-col-legal-basis = Dasar hukum
rules-col-sanction = Saran sanksi
rules-col-severity = Tingkat
rules-disputed = Diperdebatkan
rules-disputed-note = "Diperdebatkan": sumber resmi berbeda pendapat tentang berat sanksinya; saran ini adalah nilai bawaan yang perlu ditimbang.
rules-unknown = Tidak diketahui
rules-clocks-heading = Batas waktu setiap tahap
rules-clocks-intro = Hari kerja dihitung tanpa Sabtu, Minggu, hari libur nasional, dan cuti bersama. Waktu dapat dihentikan sementara selama menunggu pelapor.
rules-col-stage = Tahap
rules-col-duration = Batas waktu
rules-col-source = Sumber
rules-unconfirmed = Belum pasti
rules-versions-heading = Semua versi aturan
rules-in-force-tag = Berlaku hari ini
rules-calendar-heading = Kalender hari libur
rules-calendar-intro = Hari libur nasional, cuti bersama, dan hari pemungutan suara menghentikan hitungan hari kerja.
rules-calendar-year = Hari libur { $year }

## Jalur dan tingkat sanksi
track-discipline = Pelanggaran disiplin
track-ethics = Pelanggaran kode etik
severity-moral = Sanksi moral
severity-medium = Hukuman disiplin sedang
severity-heavy = Hukuman disiplin berat
severity-dismissal = Pemberhentian tidak dengan hormat

## Lama waktu
clock-calendar-days = { $days } hari kalender
clock-working-days = { $days } hari kerja

## Hari libur
holidays-title = Hari libur { $year }
holidays-heading = Hari libur { $year }
holidays-intro = Hari-hari ini tidak dihitung sebagai hari kerja dalam batas waktu penanganan perkara.
holidays-col-date = Tanggal
holidays-col-kind = Jenis
holidays-col-name = Keterangan
holidays-names-note = Keterangan hari libur ditulis sebagaimana dalam keputusan pemerintah.
holidays-years-label = Tahun lain
holidays-back = Kembali ke aturan
holiday-kind-national = Libur nasional
holiday-kind-collective-leave = Cuti bersama
holiday-kind-election = Hari pemungutan suara

## Tanggal
date-long = { $weekday }, { $day } { $month } { $year }
weekday-mon = Senin
weekday-tue = Selasa
weekday-wed = Rabu
weekday-thu = Kamis
weekday-fri = Jumat
weekday-sat = Sabtu
weekday-sun = Minggu
month-jan = Januari
month-feb = Februari
month-mar = Maret
month-apr = April
month-may = Mei
month-jun = Juni
month-jul = Juli
month-aug = Agustus
month-sep = September
month-oct = Oktober
month-nov = November
month-dec = Desember

## Formulir laporan
report-title = Laporkan pelanggaran
report-heading = Laporkan pelanggaran netralitas ASN
report-intro = Isi formulir ini jika Anda melihat Aparatur Sipil Negara (ASN) berpihak dalam Pemilu atau Pilkada. Yang wajib hanya cerita kejadian, siapa, dan tanggalnya. Anda boleh melapor tanpa nama.
form-required = (wajib)
report-what-heading = Apa yang terjadi?
report-what-intro = Centang semua yang sesuai. Jika ragu, pilih "Saya tidak yakin": petugas yang akan menilainya.
report-group-social-media = Di media sosial
report-group-events = Di acara atau pertemuan
report-group-photos = Dalam foto
report-group-party = Partai, tim kampanye, dan alat peraga
report-group-office = Jabatan, program, dan fasilitas kantor
report-group-candidacy = Mencalonkan diri atau mendampingi pasangan yang mencalonkan diri
report-group-other = Lainnya
report-what-unsure = Saya tidak yakin
report-what-unsure-hint = Ceritakan saja kejadiannya; petugas yang menentukan jenis pelanggarannya.
report-what-MEDSOS_INTERAKSI = Menyukai, membagikan, mengomentari, atau mengikuti akun calon
report-what-MEDSOS_INTERAKSI-hint = Contoh: menyukai atau membagikan unggahan pasangan calon, atau membagikan stiker calon di grup WhatsApp.
report-what-MEDSOS_KAMPANYE = Mengajak memilih calon lewat media sosial
report-what-MEDSOS_KAMPANYE-hint = Contoh: mengunggah ajakan memilih, twibbon dukungan, atau video kampanye calon di Facebook, Instagram, atau TikTok.
report-what-ETIK_MEDSOS_INTERAKSI = Menyukai, membagikan, atau mengikuti akun bakal calon (belum ditetapkan KPU)
report-what-ETIK_MEDSOS_INTERAKSI-hint = Contoh: mengikuti dan menyukai unggahan akun bakal calon presiden sebelum penetapan calon.
report-what-ETIK_MEDSOS_PROMOSI = Mempromosikan bakal calon di media sosial
report-what-ETIK_MEDSOS_PROMOSI-hint = Contoh: mengunggah foto tokoh yang akan maju disertai ajakan untuk mendukungnya.
report-what-DEKLARASI = Menghadiri deklarasi atau kampanye calon dan ikut mendukung
report-what-DEKLARASI-hint = Contoh: hadir di deklarasi pasangan calon sambil bersorak, berorasi, atau memakai kaos calon.
report-what-ETIK_DEKLARASI = Menghadiri deklarasi bakal calon dan ikut mendukung
report-what-ETIK_DEKLARASI-hint = Contoh: ikut naik panggung saat seorang tokoh mendeklarasikan diri sebagai bakal calon bupati.
report-what-KEGIATAN_KEBERPIHAKAN = Mengadakan atau ikut kegiatan yang berpihak: pertemuan, ajakan, atau pembagian barang
report-what-KEGIATAN_KEBERPIHAKAN-hint = Contoh: menghadiri acara ulang tahun partai politik, atau membagikan sembako bergambar calon.
report-what-ETIK_KEGIATAN_PROMOSI = Ikut acara yang mempromosikan bakal calon
report-what-ETIK_KEGIATAN_PROMOSI-hint = Contoh: menjadi panitia atau pembicara dalam acara sosialisasi bakal calon.
report-what-FOTO_KEBERPIHAKAN = Berfoto bersama calon dengan gaya yang menunjukkan dukungan
report-what-FOTO_KEBERPIHAKAN-hint = Contoh: foto bersama calon sambil mengacungkan jari atau membentuk tangan seperti nomor urut calon.
report-what-ETIK_FOTO = Berfoto bersama bakal calon dengan gaya atau atribut yang mendukung
report-what-ETIK_FOTO-hint = Contoh: berfoto dengan bakal calon sambil memakai kaos atau simbol partai pengusungnya.
report-what-TIM_SEBELUM_PENETAPAN = Menjadi tim sukses, tim ahli, atau konsultan bakal calon
report-what-TIM_SEBELUM_PENETAPAN-hint = Contoh: duduk dalam tim pemenangan bakal calon sebelum KPU menetapkan pasangan calon.
report-what-TIM_SETELAH_PENETAPAN = Menjadi anggota tim kampanye, tim ahli, atau konsultan calon
report-what-TIM_SETELAH_PENETAPAN-hint = Contoh: namanya tercantum dalam tim kampanye pasangan calon yang didaftarkan ke KPU.
report-what-ANGGOTA_PARPOL = Menjadi anggota atau pengurus partai politik
report-what-ANGGOTA_PARPOL-hint = Contoh: namanya tercantum dalam susunan pengurus partai, atau ia memiliki kartu anggota partai.
report-what-DUKUNGAN_KTP = Memberi surat dukungan atau mengumpulkan fotokopi KTP untuk calon perseorangan
report-what-DUKUNGAN_KTP-hint = Contoh: meminta bawahan atau warga menyerahkan fotokopi KTP untuk calon jalur perseorangan.
report-what-ATRIBUT = Memasang spanduk, baliho, atau alat peraga kampanye calon
report-what-ATRIBUT-hint = Contoh: memasang baliho pasangan calon di pagar kantor atau rumah dinas.
report-what-ETIK_ATRIBUT = Memasang spanduk atau baliho bakal calon
report-what-ETIK_ATRIBUT-hint = Contoh: memasang spanduk bergambar tokoh yang akan maju, sebelum ia ditetapkan sebagai calon.
report-what-KEPUTUSAN_MENGUNTUNGKAN = Memakai jabatan, program, atau fasilitas kantor untuk menguntungkan atau merugikan calon
report-what-KEPUTUSAN_MENGUNTUNGKAN-hint = Contoh: memakai mobil dinas untuk kampanye, menyalurkan bantuan pemerintah atas nama calon, atau mengerahkan pegawai untuk mendukung calon.
report-what-CALON_TIDAK_MUNDUR = Mencalonkan diri tanpa mengundurkan diri sebagai ASN
report-what-CALON_TIDAK_MUNDUR-hint = Contoh: terdaftar sebagai calon anggota DPRD atau calon kepala daerah, tetapi masih bekerja sebagai ASN.
report-what-PENDEKATAN_PARPOL = Mendaftar ke partai atau mencari dukungan agar dicalonkan
report-what-PENDEKATAN_PARPOL-hint = Contoh: mendaftar sebagai bakal calon kepala daerah ke partai politik, atau mengumpulkan dukungan warga untuk maju lewat jalur perseorangan.
report-what-ETIK_KAMPANYE_PASANGAN = Mendampingi suami atau istri yang mencalonkan diri tanpa cuti di luar tanggungan negara (CLTN)
report-what-ETIK_KAMPANYE_PASANGAN-hint = Contoh: ikut berkampanye bersama suami yang maju sebagai calon bupati tanpa mengambil CLTN.
report-summary-label = Ceritakan kejadiannya
report-summary-hint = Siapa berbuat apa, kapan, di mana, dan siapa saja yang melihatnya. Tulis dengan kata-kata Anda sendiri.
report-who-heading = Siapa yang dilaporkan?
report-number-label = NIP atau NIK
report-number-hint = NIP: nomor pegawai, 18 angka. NIK: nomor KTP, 16 angka. Boleh memakai spasi.
report-unknown-summary = Saya tidak tahu NIP atau NIK-nya
report-unknown-intro = Tuliskan nama, jabatan, dan instansinya. Laporan tanpa NIP atau NIK tetap diterima, tetapi petugas harus mencocokkan orangnya lebih dulu, sehingga bisa lebih lama.
report-subject-name-label = Nama
report-subject-position-label = Jabatan
report-subject-agency-label = Instansi atau kantor
report-when-heading = Kapan dan di mana?
report-date-label = Tanggal kejadian
report-date-hint = Perkiraan juga boleh, tetapi tidak boleh tanggal yang akan datang.
report-place-label = Tempat
report-place-hint = Misalnya nama gedung, desa atau kelurahan, kecamatan, dan kabupaten atau kota.
report-links-label = Tautan ke unggahan
report-links-hint = Satu tautan per baris, paling banyak { $max }. Salin alamatnya dari peramban atau tombol "Bagikan".
report-election-legend = Dalam pemilihan apa?
report-election-pemilu = Pemilu (presiden, DPR, DPD, DPRD)
report-election-pilkada = Pilkada (gubernur, bupati, wali kota)
report-election-unknown = Tidak tahu
report-evidence-heading = Bukti
report-evidence-label = Foto, video, tangkapan layar, atau dokumen PDF
report-evidence-hint = Tidak wajib, tetapi sangat membantu. Paling banyak { $count } berkas, masing-masing paling besar { $size }.
report-evidence-again = Berkas yang tadi Anda pilih belum terkirim: lampirkan kembali berkas Anda sebelum mengirim.
report-identity-heading = Identitas Anda
report-identity-intro = Pilih seberapa banyak yang boleh diketahui tentang Anda.
report-mode-anonymous = Tanpa nama (anonim)
report-mode-anonymous-hint = Kami tidak menyimpan apa pun tentang Anda. Hanya kode tanda terima yang memungkinkan Anda mengikuti laporan ini; jika kode itu hilang, laporan tidak dapat Anda ikuti lagi.
report-mode-confidential = Rahasia
report-mode-confidential-hint = Nama dan kontak Anda disimpan terkunci (terenkripsi). Hanya petugas penjaga identitas yang boleh membukanya, dan setiap pembukaan dicatat.
report-mode-identified = Dengan nama
report-mode-identified-hint = Petugas yang menangani laporan boleh mengetahui nama Anda dan menghubungi Anda.
report-identity-fields-hint = Hanya untuk pilihan "Rahasia" atau "Dengan nama": nama Anda, dan nomor telepon atau email.
report-reporter-name-label = Nama Anda
report-reporter-phone-label = Nomor telepon atau WhatsApp
report-reporter-email-label = Email
report-honeypot-label = Jangan isi kolom ini
report-privacy-note = Setelah laporan terkirim, Anda mendapat nomor laporan dan kode tanda terima. Simpan keduanya: hanya dengan itu Anda dapat melihat perkembangan laporan dan membalas pesan petugas.
report-submit = Kirim laporan

## Pemeriksaan NIP/NIK
number-too-short = { $kind } harus { $expected } angka, baru { $got }.
number-too-long = { $kind } harus { $expected } angka, ini { $got } angka.
number-too-short-any = NIP harus 18 angka dan NIK 16 angka; nomor ini baru { $got } angka.
number-character = hanya angka dan spasi yang boleh; ada "{ $found }" pada urutan ke-{ $position }.
number-zero-serial = { $kind } dengan nomor urut nol tidak ada; periksa angka-angka terakhirnya.
number-nik-region = 6 angka pertama NIK bukan kode wilayah yang ada.
number-nik-birth = tanggal lahir dalam NIK (angka ke-7 sampai ke-12) bukan tanggal yang ada.
number-nip-birth = tanggal lahir dalam NIP (8 angka pertama, { $digits }) bukan tanggal yang ada.
number-nip-birth-year = tahun lahir dalam NIP ({ $year }) tidak mungkin.
number-nip-appointment = bulan atau tahun pengangkatan dalam NIP (angka ke-9 sampai ke-14) tidak mungkin.
number-nip-sex = angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan { $digit }.
number-invalid = nomor ini tidak sah.
number-check-found = Ditemukan di data kepegawaian: { $name }, { $position }, { $agency }.
number-check-found-note = Nama sengaja disamarkan. Pastikan jabatan dan instansinya sesuai dengan orang yang Anda maksud.
number-check-not-found = NIP ini tidak ditemukan di data kepegawaian; laporan tetap dapat dikirim.
number-check-nik = NIK ini sah. Petugas akan mencocokkannya dengan data kepegawaian; laporan tetap dapat dikirim.
number-check-limited = Terlalu banyak pemeriksaan nomor dari perangkat Anda. Laporan tetap dapat dikirim; nomornya diperiksa saat itu.

## Kesalahan pada formulir
form-errors-heading = Ada yang perlu diperbaiki
form-error = { $field }: { $message }
field-violations = Apa yang terjadi
field-summary = Ceritakan kejadiannya
field-subject_number = NIP atau NIK
field-subject_name = Nama terlapor
field-incident_date = Tanggal kejadian
field-place = Tempat
field-links = Tautan ke unggahan
field-election = Pemilihan
field-evidence = Bukti
field-reporter_mode = Identitas Anda
field-reporter_name = Nama Anda
field-reporter_phone = Nomor telepon
field-reporter_email = Email
field-body = Pesan
field-report_number = Nomor laporan
field-receipt_code = Kode tanda terima
form-missing = wajib diisi.
form-too-long = paling banyak { $max } huruf.
form-value-invalid = isinya tidak sah.
form-subject-missing = isi NIP atau NIK, atau (jika tidak tahu) nama orang yang dilaporkan.
form-subject-name-missing = tuliskan nama orang yang dilaporkan.
form-date-invalid = tanggal tidak dapat dibaca; pilih tanggal pada kalender.
form-date-future = { $date } belum terjadi; tanggal kejadian tidak boleh di masa depan.
form-date-no-rules = aturan netralitas yang dikenal sistem baru berlaku sejak { $since }; kejadian sebelum itu tidak dapat dilaporkan di sini.
form-links-too-many = paling banyak { $max } tautan; kirim sisanya sebagai tangkapan layar.
form-link-invalid = "{ $link }" bukan alamat web; tautan diawali https:// atau http://.
form-election-invalid = pilih Pemilu, Pilkada, atau Tidak tahu.
form-mode-invalid = pilih salah satu pilihan identitas.
form-contact-missing = isi nomor telepon atau email agar petugas dapat menghubungi Anda, atau pilih "Tanpa nama".
form-phone-invalid = nomor telepon hanya boleh berisi angka, spasi, +, -, dan tanda kurung.
form-email-invalid = alamat email tidak lengkap (contoh: nama@contoh.id).
form-files-too-many = paling banyak { $max } berkas.
form-file-too-large = berkas { $name } lebih dari { $size }.
form-file-wrong-type = berkas { $name } bukan gambar, PDF, atau video.
form-file-empty = berkas { $name } kosong.
form-reply-missing = tulis pesan atau lampirkan berkas.
form-invalid = Formulir ini tidak lengkap atau sudah diubah. Periksa isinya, lalu kirim lagi.
form-too-fast = Formulir terkirim hanya beberapa detik setelah dibuka. Periksa isinya, lalu kirim lagi.
form-expired = Formulir ini sudah terbuka lebih dari sehari. Periksa isinya, lalu kirim lagi.

## Tanda terima
receipt-title = Laporan diterima
receipt-heading = Terima kasih, laporan Anda sudah diterima
receipt-replayed = Laporan ini sudah diterima sebelumnya; berikut tanda terima yang sama.
receipt-number-label = Nomor laporan
receipt-code-label = Kode tanda terima
receipt-keep-title = Catat atau potret layar kode ini sekarang.
receipt-keep = Kode ini hanya ditampilkan sekali dan tidak dapat dipulihkan: kami tidak menyimpannya. Tanpa nomor laporan dan kode ini, Anda tidak dapat melihat perkembangan laporan atau membalas pesan petugas. Jangan berikan kode ini kepada orang lain.
receipt-next-heading = Apa selanjutnya?
receipt-next-received = Laporan Anda diperiksa kelengkapannya lalu diteruskan ke Satgas, paling lama { $duration }.
receipt-next-verification = Satgas memverifikasi laporan, paling lama { $duration }: apakah terlapor ASN, apakah ada bukti, dan apakah termasuk pelanggaran netralitas.
receipt-next-review = Jika lolos verifikasi, Bawaslu mengkajinya. Jika terbukti, rekomendasi sanksi dikirim ke pejabat pembina kepegawaian (PPK) terlapor.
receipt-next-status = Petugas mungkin meminta keterangan tambahan. Lihat perkembangan dan pesan petugas di halaman Cek status dengan nomor laporan dan kode tanda terima.
receipt-status-link = Buka halaman Cek status

## Cek status
status-title = Cek status laporan
status-heading = Cek status laporan
status-intro = Masukkan nomor laporan dan kode tanda terima yang Anda dapat saat melapor.
status-number-label = Nomor laporan
status-number-hint = Contoh: LAP-2024-000123
status-code-label = Kode tanda terima
status-code-hint = 20 huruf dan angka. Tanda hubung dan huruf kecil boleh.
status-submit = Lihat status
status-no-match = Nomor laporan atau kode tanda terima tidak cocok. Periksa kembali keduanya.
status-locked = Terlalu banyak percobaan kode yang salah untuk nomor laporan ini. Demi keamanan laporan, coba lagi setelah { $minutes } menit.
status-code-length = kode tanda terima terdiri dari 20 huruf dan angka; yang Anda ketik { $got }.
status-code-character = "{ $found }" tidak ada dalam kode tanda terima.
status-lost-code = Kode hilang? Kode tidak dapat dipulihkan karena kami tidak menyimpannya. Anda dapat membuat laporan baru dan menyebut laporan lama dalam ceritanya.
status-report-title = Laporan { $number }
status-report-heading = Laporan { $number }
status-stage-label = Tahap sekarang
status-deadline = Batas waktu tahap ini:
status-deadline-provisional = (perkiraan: hari libur tahun itu belum ditetapkan)
status-received = Laporan diterima:
status-files-heading = Berkas yang Anda kirim
status-files-none = Tidak ada berkas.
status-thread-heading = Pesan
status-thread-empty = Belum ada pesan.
status-author-reporter = Anda
status-author-handler = Petugas
status-message-at = { $date }, pukul { $time } WIB
status-reply-heading = Kirim pesan ke petugas
status-reply-label = Pesan
status-reply-hint = Keterangan tambahan, jawaban atas pertanyaan petugas, atau bukti baru.
status-reply-files-label = Lampiran
status-reply-submit = Kirim pesan
status-reply-sent = Pesan Anda sudah terkirim.
status-look-again = Untuk melihat jawaban petugas nanti, buka Cek status lagi dengan nomor laporan dan kode tanda terima Anda.

## Tahap perkara dalam kata-kata pelapor
citizen-state-received = Laporan diterima, menunggu diperiksa
citizen-state-verification = Sedang diverifikasi oleh Satgas
citizen-state-review = Sedang dikaji oleh Bawaslu
citizen-state-recommendation = Terbukti melanggar; rekomendasi sanksi sedang disusun
citizen-state-awaiting-follow-up = Rekomendasi sudah dikirim ke pejabat pembina kepegawaian (PPK), menunggu tindak lanjut
citizen-state-follow-up-refused = PPK menolak menindaklanjuti dengan alasan; pengawas sedang menilai alasannya
citizen-state-warned = PPK belum menindaklanjuti dan sudah diberi peringatan
citizen-state-data-blocked = PPK belum menindaklanjuti; data kepegawaian terlapor diblokir sampai sanksi dijatuhkan
citizen-state-sanctioned = Terbukti; sanksi telah dijatuhkan
citizen-state-appeal = Terlapor mengajukan keberatan atau banding atas sanksinya
citizen-state-closed = Selesai
citizen-state-rejected = Laporan tidak dapat ditindaklanjuti (misalnya terlapor bukan ASN, buktinya kurang, atau di luar kewenangan)
citizen-state-not-proven = Tidak terbukti melanggar
citizen-state-cancelled = Laporan dibatalkan
citizen-state-separated = Terlapor sudah tidak lagi menjadi ASN (pensiun, berhenti, atau diberhentikan)

## Ukuran berkas
size-bytes = { $n } byte
size-kb = { $n } KB
size-mb = { $n } MB

## Galat
error-not-found-title = Halaman tidak ditemukan
error-not-found-message = Halaman yang Anda cari tidak ada atau sudah dipindahkan. Periksa kembali alamatnya.
error-method-title = Permintaan tidak didukung
error-method-message = Halaman ini tidak dapat menerima permintaan seperti itu.
error-form-title = Formulir tidak dapat diterima
error-form-message = Formulir kedaluwarsa atau tidak sah, muat ulang halaman: buka kembali halaman formulirnya, lalu kirim lagi.
error-refused-title = Kiriman tidak dapat diterima
error-refused-message = Formulir ini tampaknya diisi oleh program otomatis, sehingga tidak kami simpan. Jika Anda mengisinya sendiri, buka kembali formulirnya dan kirim sekali lagi.
error-too-large-title = Kiriman terlalu besar
error-too-large-message = Ukuran seluruh berkas melebihi batas. Kirim lebih sedikit atau lebih kecil; bukti lainnya dapat dikirim nanti sebagai pesan di halaman Cek status.
error-too-many-title = Terlalu banyak permintaan
error-too-many-message = Terlalu banyak kiriman dari perangkat Anda dalam waktu singkat. Tunggu beberapa menit, lalu coba lagi.
error-bad-request-title = Kiriman tidak dapat dibaca
error-bad-request-message = Kiriman formulir tidak lengkap atau rusak. Buka kembali formulirnya, lalu coba lagi.
error-unavailable-title = Layanan sedang tidak tersedia
error-unavailable-message = Basis data sedang tidak dapat dijangkau. Silakan coba beberapa saat lagi.
error-internal-title = Terjadi kesalahan
error-internal-message = Terjadi kesalahan pada sistem. Petugas sudah dapat melihatnya di catatan sistem; silakan coba lagi nanti.
error-status = Kode status { $status }
error-home-link = Kembali ke beranda
